import { NotSignedInError } from '../../common/errors';
import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { NumberLookups } from '../../exotel';
import { CallHistory } from '../../services/calls/callHistory';
import { chooseNumber, copyNumber, lookUpInHover } from './numberCommands';
import { NumberHover } from './numberHover';
import { PanelRegistry } from '../../common/webview/panel';
import { NumberPanel, NumberPanelSource } from './numberPanel';
import { COMMANDS } from '../../common/commandIds';

/** Number intelligence on the shared number lookups (src/services/numbers): the hover, the number panel. */
export function registerNumbers({ context, log, session }: Deps, numbers: NumberLookups, history: CallHistory): void {
  const source: NumberPanelSource = {
    metadata: async (e164, refresh) => {
      if (!(await session.current())) throw new NotSignedInError();
      const meta = await numbers.lookup(e164, { refresh });
      const now = Date.now();
      return { meta, age: meta ? now - (numbers.entry(e164)?.fetchedAt ?? now) : undefined };
    },
    recentCalls: e164 => history.callsWith(e164),
  };
  const panels = new PanelRegistry<NumberPanel>();
  context.subscriptions.push(
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
}
