import { NotSignedInError } from '../../common/errors';
import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { Call, FILTER_LIMITS } from '../../exotel';
import { sameNumber } from '../../phone';
import { chooseNumber, copyNumber, lookUpInHover } from './numberCommands';
import { NumberHover } from './numberHover';
import { NumberInfoService } from './numberInfo';
import { PanelRegistry } from '../../common/webview/panel';
import { NumberPanel, NumberPanelSource } from './numberPanel';
import { mergeRecentCalls, RECENT_CALLS_MAX } from './numberPanelView';
import { COMMANDS } from '../../common/commandIds';

export { NumberInfoService } from './numberInfo';

/** Number intelligence: the metadata service (also the Connect Call DND pre-check), the hover, the number panel. */
/** Calls placed from this editor, which the bulk listing may not have yet (it leaves ongoing calls out). */
export interface PlacedCalls {
  placedCalls(): Call[];
}

export function registerNumbers({ context, log, session }: Deps, placed?: PlacedCalls): NumberInfoService {
  const numbers = new NumberInfoService(context.globalState, session, log);
  const source: NumberPanelSource = {
    metadata: async (e164, refresh) => {
      if (!(await session.current())) throw new NotSignedInError();
      const meta = await numbers.lookup(e164, { refresh });
      const now = Date.now();
      return { meta, age: meta ? now - (numbers.entry(e164)?.fetchedAt ?? now) : undefined };
    },
    // Exotel filters To and From separately (each searches the last 31 days by default): ask both, merge.
    recentCalls: async e164 => {
      const { client } = await session.require();
      const pageSize = Math.min(RECENT_CALLS_MAX, FILTER_LIMITS.pageSize);
      // details=true: Leg2Status tells a missed incoming call (Status completed) from an answered one.
      const [to, from] = await Promise.all([
        client.listCalls({ to: [e164], pageSize, details: true }),
        client.listCalls({ from: [e164], pageSize, details: true }),
      ]);
      // Calls placed here join them, matched by E.164: Exotel writes +919876543210 back as 09876543210.
      const mine = (placed?.placedCalls() ?? []).filter(c => sameNumber(c.to, e164) || sameNumber(c.from, e164));
      return mergeRecentCalls([to.calls, from.calls, mine]);
    },
  };
  const panels = new PanelRegistry<NumberPanel>();
  context.subscriptions.push(
    numbers,
    new NumberHover(numbers),
    { dispose: () => panels.disposeAll() },
    registerCommand(log, COMMANDS.lookUpNumber, async (arg?: unknown) => {
      const number = await chooseNumber(arg);
      if (!number) return undefined;
      const panel = panels.show(number.e164, () => new NumberPanel(context.extensionUri, log, source, number));
      await panel.loaded;
      // The view model is plain data, safe to hand back to any caller (the palette, tests, other commands).
      return panel.lastView;
    }),
    registerCommand(log, COMMANDS.numbersCopy, copyNumber),
    registerCommand(log, COMMANDS.numbersLookUpInHover, arg => lookUpInHover(numbers, arg)),
  );
  return numbers;
}
