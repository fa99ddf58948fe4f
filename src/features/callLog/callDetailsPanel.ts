import * as vscode from 'vscode';
import { cspMediaOrigin } from '../../common/untrustedText';
import { Call } from '../../exotel';
import { ExotelPanel } from '../../common/webview/panel';
import { CallView, WebviewAction } from '../../webview-ui/protocol';
import { callView } from '../../common/callText/callSummary';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';

export const RECORDING_VALIDITY_MINUTES = 30;

export interface CallDetailsSource {
  /** Fetches the call with details=true and a fresh recording link. */
  fetch(sid: string): Promise<Call>;
}

/** One call: every field, both legs in words, the recording. */
export class CallDetailsPanel extends ExotelPanel {
  private call: Call | undefined;

  constructor(extensionUri: vscode.Uri, private readonly source: CallDetailsSource, readonly sid: string, known?: Call) {
    super(extensionUri, 'exotel.callDetails', 'call', t('Call {0}…', sid.slice(0, 8)));
    this.call = known;
    this.render();
    void this.refresh();
  }

  /** The call as the panel shows it (plain data), or undefined while it loads. */
  get lastView(): CallView | undefined {
    return this.call ? callView(this.call, RECORDING_VALIDITY_MINUTES) : undefined;
  }

  async refresh(): Promise<void> {
    try {
      this.call = await this.source.fetch(this.sid);
      this.render();
    } catch (err) {
      // Shown even if the page becomes ready only after this fast failure.
      if (!this.call) this.show({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  private render(): void {
    if (!this.call) {
      this.show({ type: 'loading', message: t('Loading call {0}…', this.sid) });
      return;
    }
    this.setMediaOrigin(cspMediaOrigin(this.call.recordingUrl)); // from the API: checked before it enters the CSP
    this.show({ type: 'call', call: callView(this.call, RECORDING_VALIDITY_MINUTES) });
  }

  protected async onAction(action: WebviewAction, value: string | undefined): Promise<void> {
    switch (action) {
      case 'refresh': return this.refresh();
      case 'copy': await vscode.env.clipboard.writeText(value ?? this.sid); return;
      case 'callAgain': if (this.call) await vscode.commands.executeCommand(COMMANDS.callLogCallAgain, this.call); return;
      case 'openExternal': if (value && /^https?:\/\//.test(value)) await vscode.env.openExternal(vscode.Uri.parse(value)); return;
    }
  }
}
