import * as vscode from 'vscode';
import { Call, CallFilter } from '../../exotel';
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

  private accountKey: string | undefined;
  private follow: NodeJS.Timeout | undefined;

  constructor(private readonly session: Session) {
    super();
    this.model = this.register(new CallLogModel({ client: async () => (await session.current())?.client }));
    this.provider = this.register(new CallLogProvider(this.model, session));
    this.view = this.register(vscode.window.createTreeView(VIEWS.calls, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.register(
      session.onDidChange(() => {
        this.restart();
        void this.noteAccount();
      }),
    );
    this.register({ dispose: () => clearTimeout(this.follow) });
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (affects(e, 'callLog')) {
          this.scheduleAutoRefresh();
          if (affects(e, 'callLog.pageSize')) this.restart();
        }
      }),
    );
    this.register({ dispose: () => clearInterval(this.timer) });
    this.restart();
    this.scheduleAutoRefresh();
    void this.noteAccount();
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

  /** A call placed from this editor appears at once, before the bulk API lists it, and is followed until it ends. */
  showPlaced(call: Call): void {
    this.model.upsertPlaced(call);
    this.scheduleFollow();
  }

  /** Polls placed calls that have not ended (the notification may have been closed) every 15 s until they do. */
  private scheduleFollow(): void {
    if (this.follow || !this.model.unfinishedPlaced().length) return;
    this.follow = setTimeout(async () => {
      this.follow = undefined;
      const client = (await this.session.current())?.client;
      for (const call of client ? this.model.unfinishedPlaced() : []) {
        try {
          this.model.upsertPlaced(await client!.getCall(call.sid));
        } catch {
          // Shown on the next try; the row keeps its last known state.
        }
      }
      if (!this.isDisposed) this.scheduleFollow();
    }, 15_000);
  }

  private async noteAccount(): Promise<void> {
    const c = await this.session.current();
    const key = c ? `${c.profile.id}/${c.client.accountSid}` : undefined;
    if (this.accountKey !== undefined && key !== this.accountKey) this.model.clearPlaced();
    this.accountKey = key;
  }

  private scheduleAutoRefresh(): void {
    clearInterval(this.timer);
    const seconds = setting('callLog.autoRefreshSeconds');
    if (seconds > 0) this.timer = setInterval(() => void this.model.refreshHead(), Math.max(10, seconds) * 1000);
  }
}
