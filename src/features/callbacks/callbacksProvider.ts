// The Callbacks view: deliveries grouped by call (To and outcome), newest first, an icon per result.
// Empty, it returns no rows so that the welcome text (package.json viewsWelcome) says how to get callbacks here.
import { COMMANDS } from '../../common/commandIds';
import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { CallInfo, DeliveryGroup, deliveryRow, DeliveryStore, groupDeliveries, nextCountdownChange, RESULT_STYLES } from '../../callbacks';
import { Disposable } from '../../common/disposable';
import { coalesce } from '../../base/coalesce';

export type CallbackNode = { kind: 'group'; group: DeliveryGroup; first: boolean } | { kind: 'delivery'; id: string; group: string };

export class CallbacksProvider extends Disposable implements vscode.TreeDataProvider<CallbackNode> {
  private readonly changed = this.register(new vscode.EventEmitter<CallbackNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private groups: DeliveryGroup[] = [];
  /** Set only while a retry is pending: fires when its countdown text next changes (each minute, then each second). */
  private countdown: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: DeliveryStore,
    private readonly callInfo: (sid: string) => CallInfo | undefined,
    private readonly formatTime: (at: Date) => string,
  ) {
    super();
    // A burst of deliveries (retries, a bulk test) refreshes the tree once.
    const refresh = this.register(coalesce(() => this.changed.fire(undefined), 100));
    this.register(store.onChange(refresh));
    this.register({ dispose: () => clearTimeout(this.countdown) });
  }

  /** Whether a countdown timer is set (in-host tests check that none runs when nothing is pending). */
  get countingDown(): boolean {
    return this.countdown !== undefined;
  }

  private scheduleCountdown(): void {
    clearTimeout(this.countdown);
    this.countdown = undefined;
    const wait = nextCountdownChange(this.store.all(), Date.now());
    if (wait === undefined) return;
    this.countdown = setTimeout(() => {
      this.countdown = undefined;
      this.changed.fire(undefined);
    }, wait + 50);
  }

  getTreeItem(node: CallbackNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const g = node.group;
      const item = new vscode.TreeItem(g.label, node.first ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `callbacks:${g.key}`;
      item.description = g.description;
      const style = RESULT_STYLES[g.kind];
      item.iconPath = new vscode.ThemeIcon(style.icon, new vscode.ThemeColor(style.color));
      item.contextValue = g.key === 'other' ? 'exotel.callbackGroup' : 'exotel.callbackGroup:call';
      item.tooltip = g.key === 'other' ? undefined : `CallSid ${g.key}`;
      return item;
    }
    const d = this.store.get(node.id);
    if (!d) return new vscode.TreeItem(t('(cleared)'));
    const row = deliveryRow(d, this.formatTime);
    const style = RESULT_STYLES[row.kind];
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = `callback:${d.id}`;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = new vscode.ThemeIcon(style.icon, new vscode.ThemeColor(style.color));
    item.accessibilityInformation = { label: row.accessibility };
    item.contextValue = ['exotel.callback', d.source, d.callSid ? 'hasCall' : ''].filter(Boolean).join(':');
    item.command = { command: COMMANDS.callbacksShow, title: t('Show Callback'), arguments: [d.id] };
    return item;
  }

  getChildren(node?: CallbackNode): CallbackNode[] {
    if (node?.kind === 'group') return node.group.deliveries.map(d => ({ kind: 'delivery', id: d.id, group: node.group.key }));
    if (node) return [];
    this.groups = groupDeliveries(this.store.all(), this.callInfo);
    // Each refresh of the tree sets the next countdown tick, or none when no retry is pending.
    this.scheduleCountdown();
    return this.groups.map((group, i) => ({ kind: 'group', group, first: i === 0 }));
  }

  /** The rows as the tree shows them (labels, descriptions, icons), for the in-host tests and the bench. */
  snapshot(): Array<{ label: string; description: string; icon: string; children: Array<{ id: string; label: string; description: string; icon: string }> }> {
    const text = (item: vscode.TreeItem) => ({
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: typeof item.description === 'string' ? item.description : '',
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '',
    });
    return this.getChildren().map(g => ({
      ...text(this.getTreeItem(g)),
      children: this.getChildren(g).map(c => ({ id: c.kind === 'delivery' ? c.id : '', ...text(this.getTreeItem(c)) })),
    }));
  }

  getParent(node: CallbackNode): CallbackNode | undefined {
    if (node.kind === 'group') return undefined;
    const group = this.groups.find(g => g.key === node.group);
    return group && { kind: 'group', group, first: this.groups[0] === group };
  }
}
