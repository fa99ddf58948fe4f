// The Flow Runs view: every flow run of this session (Connect Call to Flow, Simulate Incoming Call, call tests), newest
// first; a click opens its panel. Runs fill as they go, so a burst of events refreshes the tree once.
import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { COMMANDS } from '../../common/commandIds';
import { Disposable } from '../../common/disposable';
import { FlowRun } from '../../flows';
import { coalesce } from '../../base/coalesce';

/** Runs kept in the view; the oldest go first. */
export const MAX_RUNS = 100;

export class FlowRunStore extends Disposable {
  private readonly runs: FlowRun[] = [];
  private readonly changed = this.register(new vscode.EventEmitter<FlowRun | undefined>());
  /** A run was added or moved on (undefined: the list changed as a whole). */
  readonly onDidChange = this.changed.event;

  /** Adds a run (again: nothing) and keeps the list within MAX_RUNS. */
  add(run: FlowRun): void {
    if (!this.runs.includes(run)) {
      const same = this.runs.findIndex(r => r.id === run.id);
      if (same >= 0) this.runs.splice(same, 1);
      this.runs.unshift(run);
      this.runs.splice(MAX_RUNS);
    }
    this.changed.fire(run);
  }

  /** The run moved on (an event was added to it). */
  touched(run: FlowRun): void {
    this.changed.fire(run);
  }

  get(id: string): FlowRun | undefined {
    return this.runs.find(r => r.id === id);
  }

  /** Newest first. */
  all(): readonly FlowRun[] {
    return this.runs;
  }

  clear(): void {
    this.runs.length = 0;
    this.changed.fire(undefined);
  }
}

/** A run's row: the flow, who called whom, how it ended. */
export function runRow(run: FlowRun): { label: string; description: string; icon: string; color: string; tooltip: string } {
  const o = run.outcome;
  const steps = run.path.length;
  const when = new Date(run.startedAt).toTimeString().slice(0, 8);
  const who = run.direction === 'incoming' ? `${run.from} → ${run.exoPhone}` : `${run.exoPhone} → ${run.from}`;
  const failed = run.events.some(e => e.kind === 'request' && e.done && (e.response?.failure || (e.problem && e.problem.kind !== 'warning')));
  const [icon, color] = !o
    ? ['loading~spin', 'charts.yellow']
    : o.reason === 'refused' || o.reason === 'error'
      ? ['error', 'testing.iconFailed']
      : o.reason === 'max-applets' || failed
        ? ['warning', 'editorWarning.foreground']
        : ['pass', 'testing.iconPassed'];
  const state = o ? t('{0} steps, {1}', steps, o.callType) : t('running, {0} steps', steps);
  return {
    label: run.flowName ?? t('Flow {0}', run.appId),
    description: `${when} · ${who} · ${state}`,
    icon,
    color,
    tooltip: [run.flowName ?? run.appId, `CallSid ${run.callSid}`, who, o?.message ?? t('Running…')].join('\n'),
  };
}

export class FlowRunsProvider extends Disposable implements vscode.TreeDataProvider<string> {
  private readonly changed = this.register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: FlowRunStore) {
    super();
    // A burst of events (a flow's applets, a suite's runs) refreshes the tree once.
    const refresh = this.register(coalesce(() => this.changed.fire(undefined), 100));
    this.register(store.onDidChange(refresh));
  }

  getTreeItem(id: string): vscode.TreeItem {
    const run = this.store.get(id);
    if (!run) return new vscode.TreeItem(t('(cleared)'));
    const row = runRow(run);
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = `flowRun:${run.id}`;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = new vscode.ThemeIcon(row.icon, new vscode.ThemeColor(row.color));
    item.contextValue = 'exotel.flowRun';
    item.command = { command: COMMANDS.flowsShowRun, title: t('Show Flow Run'), arguments: [run.id] };
    return item;
  }

  getChildren(id?: string): string[] {
    return id ? [] : this.store.all().map(r => r.id);
  }

  /** The rows as shown, for the in-host tests. */
  snapshot(): Array<{ id: string; label: string; description: string; icon: string }> {
    return this.getChildren().map(id => {
      const item = this.getTreeItem(id);
      return {
        id,
        label: typeof item.label === 'string' ? item.label : '',
        description: typeof item.description === 'string' ? item.description : '',
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '',
      };
    });
  }
}
