import * as vscode from 'vscode';
import { Disposable } from '../../common/disposable';
import { accountOffsetMinutes } from '../../common/settings';
import { Session } from '../../session/session';
import { CallLogModel } from './callLogModel';
import { CallNode, toTreeItem } from './callTreeItems';
import { groupByDay } from './callRows';

/** The Calls view: day groups of calls, then a "Load more…" row or an error row. Never shows a toast. */
export class CallLogProvider extends Disposable implements vscode.TreeDataProvider<CallNode> {
  private readonly changed = this.register(new vscode.EventEmitter<CallNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  filtered = false;

  constructor(
    private readonly model: CallLogModel,
    private readonly session: Session,
  ) {
    super();
    this.register(model.onDidChange(() => this.changed.fire(undefined)));
    // Numbers masked or shown in full: the same rows, drawn again.
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('exotel.privacy.maskNumbers')) this.changed.fire(undefined);
      }),
    );
  }

  getTreeItem(node: CallNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  async getChildren(node?: CallNode): Promise<CallNode[]> {
    if (node?.kind === 'day') return node.calls.map(call => ({ kind: 'call', call }));
    if (node) return [];
    if (!(await this.session.current())) return []; // the welcome view takes over
    await this.model.ensureLoaded();
    const { calls, loading, hasMore, error, skipped, fillingLegs, legsFailed } = this.model.state;
    const rows: CallNode[] = groupByDay(calls, new Date(), accountOffsetMinutes());
    if (fillingLegs) rows.unshift({ kind: 'legs', done: fillingLegs.done, total: fillingLegs.total, failed: 0 });
    else if (legsFailed) rows.push({ kind: 'legs', failed: legsFailed });
    if (skipped) rows.push({ kind: 'skipped', count: skipped });
    if (error) rows.push({ kind: 'error', error });
    else if (hasMore) rows.push({ kind: 'loadMore', loading });
    else if (!calls.length) rows.push({ kind: 'empty', filtered: this.filtered });
    return rows;
  }
}
