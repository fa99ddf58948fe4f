import * as vscode from 'vscode';
import { Call, DAY_MS, formatExotelTime } from '../../exotel';
import { Disposable } from '../../common/disposable';
import { accountOffsetMinutes } from '../../common/settings';
import { Session } from '../../session/session';
import { dayLabel } from '../../common/callText/callFormat';
import { CallLogModel } from './callLogModel';
import { CallNode, toTreeItem } from './callTreeItems';

/** The Calls view: day groups of calls, then a "Load more…" row or an error row. Never shows a toast. */
export class CallLogProvider extends Disposable implements vscode.TreeDataProvider<CallNode> {
  private readonly changed = this.register(new vscode.EventEmitter<CallNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  filtered = false;

  constructor(private readonly model: CallLogModel, private readonly session: Session) {
    super();
    this.register(model.onDidChange(() => this.changed.fire(undefined)));
  }

  getTreeItem(node: CallNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  async getChildren(node?: CallNode): Promise<CallNode[]> {
    if (node?.kind === 'day') return node.calls.map(call => ({ kind: 'call', call }));
    if (node) return [];
    if (!(await this.session.current())) return []; // the welcome view takes over
    await this.model.ensureLoaded();
    const { calls, loading, hasMore, error, skipped } = this.model.state;
    const rows: CallNode[] = groupByDay(calls);
    if (skipped) rows.push({ kind: 'skipped', count: skipped });
    if (error) rows.push({ kind: 'error', error });
    else if (hasMore) rows.push({ kind: 'loadMore', loading });
    else if (!calls.length) rows.push({ kind: 'empty', filtered: this.filtered });
    return rows;
  }
}

export function groupByDay(calls: Call[], now = new Date()): CallNode[] {
  const offset = accountOffsetMinutes();
  const today = formatExotelTime(now, offset).slice(0, 10);
  const yesterday = formatExotelTime(new Date(now.getTime() - DAY_MS), offset).slice(0, 10);
  const groups = new Map<string, Call[]>();
  for (const call of calls) {
    const label = dayLabel(call.dateCreated, today, yesterday);
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(call);
  }
  return [...groups].map(([label, list], i) => ({ kind: 'day', label, calls: list, first: i === 0 }));
}
