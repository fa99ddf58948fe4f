import { showInfo } from '../../common/notify';
import { Call, ConnectCallParams, ConnectToFlowParams, NumberLookups } from '../../exotel';
import { Connection } from '../../session/session';
import { bool, checkOne } from '../../common/commandArgs';
import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { CallPlacer } from './callPlacer';
import { connectArgs } from './connectArgs';
import { CallDeps, connectCall, placeAndFollow, repeatLastCall } from './connectCall';
import { CallHistory } from '../../services/calls/callHistory';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';

/** What other features are handed (through the composition root): the one placer, and placing a checked call. */
export interface CallService {
  readonly placer: CallPlacer;
  /** Places one call whose checks are done, shows it in the call log and follows it to its outcome. */
  placeAndFollow(conn: Connection, params: ConnectCallParams | ConnectToFlowParams): Promise<Call>;
}

/** Connect Call, Connect Call to Flow and Repeat Last Call. `now`: the placer's clock (a movable one in the in-host tests). */
export function registerCalls(
  { context, log, session }: Deps,
  numbers: NumberLookups,
  history: CallHistory,
  callbackInbox?: CallDeps['callbackInbox'],
  now?: () => number,
): CallService {
  const placer = new CallPlacer(now);
  const stopping = new AbortController();
  context.subscriptions.push({ dispose: () => stopping.abort() });
  const d: CallDeps = {
    session,
    log,
    state: context.globalState,
    placer,
    numbers,
    onPlaced: call => history.addPlaced(call),
    stop: stopping.signal,
    callbackInbox,
  };
  // One connect flow at a time: the same request again while it runs (a double Enter) joins it;
  // a different one is told to wait rather than silently joining a flow still open at a prompt.
  let active: { key: string; run: Promise<unknown> } | undefined;
  const once = (key: string, run: () => Promise<unknown>) => {
    if (active && active.key !== key) {
      void showInfo(t('Finish or cancel the Connect Call that is open first.'));
      return Promise.resolve(undefined);
    }
    if (!active) {
      const entry = {
        key,
        run: run().finally(() => {
          if (active === entry) active = undefined;
        }),
      };
      active = entry;
    }
    return active.run;
  };
  const key = (kind: string, args: unknown) => `${kind}:${JSON.stringify(args ?? {})}`;
  context.subscriptions.push(
    registerCommand(log, COMMANDS.connectCall, (raw?: unknown) => {
      const args = connectArgs(COMMANDS.connectCall, raw, false);
      return once(key('call', args), () => connectCall(d, args, false));
    }),
    registerCommand(log, COMMANDS.connectCallToFlow, (raw?: unknown) => {
      const args = connectArgs(COMMANDS.connectCallToFlow, raw, true);
      return once(key('flow', args), () => connectCall(d, args, true));
    }),
    registerCommand(log, COMMANDS.repeatLastCall, (arg?: unknown) => {
      const confirmed = checkOne(COMMANDS.repeatLastCall, 'confirmed', arg, bool, 'Nothing was sent.') === true;
      return once(key('repeat', confirmed), () => repeatLastCall(d, confirmed));
    }),
  );
  return { placer, placeAndFollow: (conn, params) => placeAndFollow(d, conn, params) };
}
