import { registerCommand } from '../../common/commands';
import { COMMANDS } from '../../common/commandIds';
import { accountOffsetMinutes, setting } from '../../common/settings';
import { PanelRegistry } from '../../common/webview/panel';
import { Deps } from '../../deps';
import { RangeChoice } from '../../stats';
import { StatsView } from '../../webview-ui/protocol';
import { NumberLookups } from '../../exotel';
import { CallsViewPort, CallStatsPanel, StatsSource } from './callStatsPanel';
import { statsFigures, StatsFiguresAnswer } from './statsFigures';

export interface ShowCallStatsArgs extends Partial<RangeChoice> {
  applyFilter?: boolean;
}

export interface CallStatsFeature {
  panel(): CallStatsPanel | undefined;
  /** The headline figures over a range, without the panel (for the language-model tool). */
  figures(choice: RangeChoice, opts: { refresh?: boolean; signal: AbortSignal }): Promise<StatsFiguresAnswer | undefined>;
}

/** Exotel: Show Call Stats — one panel; the command returns its view model once loaded (for tests and other commands). */
export function registerCallStats({ context, log, session }: Deps, callsView: CallsViewPort, numbers: NumberLookups): CallStatsFeature {
  const source: StatsSource = {
    connection: async () => {
      const c = await session.require();
      return { key: `${c.profile.id}/${c.client.accountSid}`, client: c.client, profileName: c.profile.name };
    },
    callsView,
    offsetMinutes: accountOffsetMinutes,
    numberFacts: e164 => {
      const m = numbers.peek(e164);
      return m && { circle: m.circleName || m.circle, operator: m.operatorName || m.operator };
    },
    lookUp: (e164, signal) => numbers.lookup(e164, { signal }),
    // exotel.hover.lookup is the user's one privacy choice for sending numbers to Exotel: `off` holds here too.
    lookupMode: () => setting('hover.lookup'),
    log,
  };
  const panels = new PanelRegistry<CallStatsPanel>();
  context.subscriptions.push(
    { dispose: () => panels.disposeAll() },
    registerCommand(log, COMMANDS.showCallStats, async (args?: ShowCallStatsArgs): Promise<StatsView | undefined> => {
      await session.require();
      const choice = args?.preset ? { preset: args.preset, fromDay: args.fromDay, toDay: args.toDay } : undefined;
      const existing = panels.get('stats');
      const panel = panels.show('stats', () => new CallStatsPanel(context.extensionUri, source, choice, args?.applyFilter ?? false));
      await (existing ? panel.configure(choice, args?.applyFilter) : panel.refresh(false));
      return panel.lastView;
    }),
  );
  return {
    panel: () => panels.get('stats'),
    figures: (choice, opts) => statsFigures(source, choice, opts),
  };
}
