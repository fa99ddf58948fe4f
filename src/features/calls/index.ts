import { Call } from '../../exotel';
import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { CallPlacer } from './callPlacer';
import { CallDeps, connectCall, ConnectArgs, DndChecker, repeatLastCall } from './connectCall';

/** Connect Call, Connect Call to Flow and Repeat Last Call. */
export function registerCalls({ context, log, session }: Deps, numbers: DndChecker | undefined, onPlaced: (call: Call) => void): CallPlacer {
  const placer = new CallPlacer();
  const d: CallDeps = { session, log, state: context.globalState, placer, numbers, onPlaced };
  // One connect flow at a time: a second invocation while one runs (prompts included) joins it.
  let active: Promise<unknown> | undefined;
  const once = (run: () => Promise<unknown>) => {
    active ??= run().finally(() => { active = undefined; });
    return active;
  };
  context.subscriptions.push(
    registerCommand(log, 'exotel.connectCall', (args?: ConnectArgs) => once(() => connectCall(d, args ?? {}, false))),
    registerCommand(log, 'exotel.connectCallToFlow', (args?: ConnectArgs) => once(() => connectCall(d, args ?? {}, true))),
    registerCommand(log, 'exotel.repeatLastCall', (confirmed?: boolean) => once(() => repeatLastCall(d, confirmed === true))),
  );
  return placer;
}
