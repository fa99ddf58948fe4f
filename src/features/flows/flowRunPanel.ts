import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { ExotelPanel } from '../../common/webview/panel';
import { Log } from '../../common/log';
import { FLOW_RUN_MESSAGES, FlowRunMessage } from '../../webview-ui/messages';
import { FlowRunView } from '../../webview-ui/protocol';

/** What the panel asks of the feature: the view of a run, and its actions. */
export interface FlowRunPanelHost {
  view(runId: string): FlowRunView | undefined;
  act(runId: string, message: FlowRunMessage): Promise<void>;
}

/** One flow run: the graph with the path taken, the timeline, a keypad while a Gather waits. */
export class FlowRunPanel extends ExotelPanel<typeof FLOW_RUN_MESSAGES> {
  lastView: FlowRunView | undefined;

  constructor(
    extensionUri: vscode.Uri,
    log: Log,
    private readonly host: FlowRunPanelHost,
    readonly runId: string,
  ) {
    super(extensionUri, log, FLOW_RUN_MESSAGES, 'exotel.flowRun', 'flowRun', t('Flow Run'));
    this.render();
  }

  render(): void {
    const view = this.host.view(this.runId);
    this.lastView = view ?? this.lastView;
    this.showView(view, t('This flow run is no longer in the Flow Runs view (it was cleared).'), run => ({ type: 'flowRun', run }));
  }

  protected onAction(message: FlowRunMessage): Promise<void> {
    return this.host.act(this.runId, message);
  }
}
