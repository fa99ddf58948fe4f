import * as vscode from 'vscode';
import { Call, CallFilter } from '../../exotel';
import { setContext } from '../../common/contexts';
import { Disposable } from '../../common/disposable';
import { accountOffsetMinutes, setting } from '../../common/settings';
import { Session } from '../accounts/session';
import { CallLogFilter, describeFilter, isEmptyFilter, toRequests } from './callLogFilter';
import { CallLogModel } from './callLogModel';
import { CallLogProvider } from './callLogProvider';

/** The Calls view with its model, filter and auto-refresh; the commands act on it. */
export class CallLog extends Disposable {
  readonly model: CallLogModel;
  readonly provider: CallLogProvider;
  readonly view: vscode.TreeView<unknown>;
  private filter: CallLogFilter = {};
  private timer: NodeJS.Timeout | undefined;

  constructor(session: Session) {
    super();
    this.model = this.register(new CallLogModel({ client: async () => (await session.current())?.client }));
    this.provider = this.register(new CallLogProvider(this.model, session));
    this.view = this.register(vscode.window.createTreeView('exotel.calls', { treeDataProvider: this.provider, showCollapseAll: true }));
    this.register(session.onDidChange(() => this.refresh()));
    this.register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('exotel.callLog')) {
        this.scheduleAutoRefresh();
        if (e.affectsConfiguration('exotel.callLog.pageSize')) this.refresh();
      }
    }));
    this.register({ dispose: () => clearInterval(this.timer) });
    this.refresh();
    this.scheduleAutoRefresh();
  }

  get currentFilter(): CallLogFilter {
    return this.filter;
  }

  /** The first-page requests of the current filter (also what Export Calls… pages through). */
  requests(): CallFilter[] {
    const pageSize = Math.min(100, Math.max(1, Math.floor(setting<number>('callLog.pageSize', 50))));
    return toRequests(this.filter, pageSize, new Date(), accountOffsetMinutes());
  }

  /** Applies a filter; an impossible one (too old) throws before anything is sent and keeps the old filter. */
  setFilter(filter: CallLogFilter): void {
    toRequests(filter, 1, new Date(), accountOffsetMinutes());
    this.filter = filter;
    this.provider.filtered = !isEmptyFilter(filter);
    this.view.description = describeFilter(filter) || undefined;
    void setContext('exotel.callLog.filtered', this.provider.filtered);
    this.refresh();
  }

  refresh(): void {
    this.model.reset(this.requests());
  }

  /** A call placed from this editor appears at once, before the bulk API lists it. */
  showPlaced(call: Call): void {
    this.model.upsertPlaced(call);
  }

  private scheduleAutoRefresh(): void {
    clearInterval(this.timer);
    const seconds = setting<number>('callLog.autoRefreshSeconds', 0);
    if (seconds > 0) this.timer = setInterval(() => this.refresh(), Math.max(10, seconds) * 1000);
  }
}
