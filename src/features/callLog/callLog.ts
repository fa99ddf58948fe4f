import * as vscode from 'vscode';
import { CallFilter } from '../../exotel';
import { CallHistory } from '../../services/calls/callHistory';
import { setContext } from '../../common/contexts';
import { Disposable } from '../../common/disposable';
import { accountOffsetMinutes, affects, setting } from '../../common/settings';
import { Session } from '../../session/session';
import { CallLogFilter, CallSelection, describeFilter, isEmptyFilter, placedMatches, toRequests } from './callLogFilter';
import { e164Of } from '../../phone';
import { CallLogModel } from './callLogModel';
import { CallLogProvider } from './callLogProvider';
import { VIEWS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';

/** The Calls view with its model, filter and auto-refresh; the commands act on it. */
export class CallLog extends Disposable {
  readonly model: CallLogModel;
  readonly provider: CallLogProvider;
  readonly view: vscode.TreeView<unknown>;
  private filter: CallLogFilter = {};
  private timer: NodeJS.Timeout | undefined;

  constructor(session: Session, history: CallHistory) {
    super();
    this.model = this.register(
      new CallLogModel({ client: async () => (await session.current())?.client, placed: () => history.placed(), onDidChangePlaced: history.onDidChangePlaced }),
    );
    this.provider = this.register(new CallLogProvider(this.model, session));
    this.view = this.register(vscode.window.createTreeView(VIEWS.calls, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.register(session.onDidChange(() => this.restart()));
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (affects(e, 'callLog')) {
          this.scheduleAutoRefresh();
          if (affects(e, 'callLog.pageSize')) this.restart();
        }
      }),
    );
    this.register({ dispose: () => clearInterval(this.timer) });
    this.model.startWith(() => this.requests());
    this.scheduleAutoRefresh();
  }

  get currentFilter(): CallLogFilter {
    return this.filter;
  }

  /** The first-page requests of the current filter (also what Export Calls… pages through). */
  requests(): CallFilter[] {
    const pageSize = Math.floor(setting('callLog.pageSize'));
    return toRequests(this.filter, pageSize, new Date(), accountOffsetMinutes());
  }

  /**
   * For Call Stats: the requests over [from, to] (every page size 100), with this view's filter when `withFilter`
   * (its dates give way to the range; a Call Stats selection never applies), and a key of what was applied.
   */
  requestsOver(from: Date, to: Date, withFilter: boolean): { requests: CallFilter[]; filterKey: string } {
    const applied = withFilter ? (this.statsFilter() ?? {}) : {};
    const requests = toRequests({ ...applied, date: { preset: 'custom', from, to } }, 100, new Date(), accountOffsetMinutes());
    return { requests, filterKey: JSON.stringify(applied) };
  }

  /** The part of the filter Call Stats can apply, in words; undefined when there is none. */
  statsFilterText(): string | undefined {
    const f = this.statsFilter();
    return f ? describeFilter(f, accountOffsetMinutes()) : undefined;
  }

  private statsFilter(): CallLogFilter | undefined {
    const { date: _date, selection, ...rest } = this.filter;
    return selection || isEmptyFilter(rest) ? undefined : rest;
  }

  /** Shows exactly these calls (a click in Call Stats) and brings the view forward. */
  async showSelection(selection: CallSelection): Promise<void> {
    this.setFilter({ selection });
    await vscode.commands.executeCommand(VIEWS.callsFocus);
  }

  /** Applies a filter; an impossible one (too old) throws before anything is sent and keeps the old filter. */
  setFilter(filter: CallLogFilter): void {
    // A number given in any form (from code, a link) is kept as E.164: the form Exotel's filters and our matching use.
    if (filter.number) filter = { ...filter, number: e164Of(filter.number) ?? filter.number };
    toRequests(filter, 1, new Date(), accountOffsetMinutes());
    this.filter = filter;
    this.provider.filtered = !isEmptyFilter(filter);
    this.model.placedMatch = call => placedMatches(call, filter);
    const summary = describeFilter(filter, accountOffsetMinutes());
    this.view.description = summary || undefined;
    // A view alone in its container hides its description, so the filter also shows above the calls.
    this.view.message = summary ? t('Filtered: {0}', summary) : undefined;
    void setContext('exotel.callLog.filtered', this.provider.filtered);
    this.restart();
  }

  /** Refresh Calls: the same filter again, as deep as it was loaded, so pages from "Load more" stay. */
  refresh(): Promise<void> {
    return this.model.reload(this.requests());
  }

  /** Starts over from the first page: what a new filter, account or page size needs. */
  restart(): void {
    this.model.reset(this.requests());
  }

  private scheduleAutoRefresh(): void {
    clearInterval(this.timer);
    const seconds = setting('callLog.autoRefreshSeconds');
    if (seconds > 0) this.timer = setInterval(() => void this.model.refreshHead(), Math.max(10, seconds) * 1000);
  }
}
