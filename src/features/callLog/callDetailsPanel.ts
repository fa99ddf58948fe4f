import * as vscode from 'vscode';
import { Call } from '../../exotel';
import { Disposable } from '../../common/disposable';
import { buildHtml, webviewOptions } from '../../common/webview/html';
import { FromWebview, ToWebview } from '../../webview-ui/protocol';
import { callView } from './callSummary';

const RECORDING_VALIDITY_MINUTES = 30;

export interface CallDetailsSource {
  /** Fetches the call with details=true and a fresh recording link. */
  fetch(sid: string): Promise<Call>;
}

/** One panel per call: every field, both legs in words, the recording. Re-showing a call reuses its panel. */
export class CallDetailsPanel extends Disposable {
  private static readonly open = new Map<string, CallDetailsPanel>();
  private readonly panel: vscode.WebviewPanel;
  private call: Call | undefined;
  private ready = false;

  static show(extensionUri: vscode.Uri, source: CallDetailsSource, sid: string, known?: Call): CallDetailsPanel {
    const existing = CallDetailsPanel.open.get(sid);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    return new CallDetailsPanel(extensionUri, source, sid, known);
  }

  static get panels(): ReadonlyMap<string, CallDetailsPanel> {
    return CallDetailsPanel.open;
  }

  private constructor(private readonly extensionUri: vscode.Uri, private readonly source: CallDetailsSource, readonly sid: string, known?: Call) {
    super();
    this.call = known;
    this.panel = this.register(vscode.window.createWebviewPanel('exotel.callDetails', `Call ${sid.slice(0, 8)}…`, vscode.ViewColumn.Active, webviewOptions(extensionUri)));
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'exotel.svg');
    CallDetailsPanel.open.set(sid, this);
    this.register(this.panel.onDidDispose(() => this.dispose()));
    this.register(this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)));
    this.register({ dispose: () => CallDetailsPanel.open.delete(sid) });
    this.render(known?.recordingUrl);
    void this.refresh();
  }

  /** The last view model posted, for tests. */
  get lastCall(): Call | undefined {
    return this.call;
  }

  async refresh(): Promise<void> {
    try {
      this.call = await this.source.fetch(this.sid);
      this.error = undefined;
      this.render(this.call.recordingUrl);
    } catch (err) {
      // Kept, so a page that becomes ready after a fast failure still shows it.
      this.error = err instanceof Error ? err.message : String(err);
      this.postCall();
    }
  }

  private error: string | undefined;

  /** Re-renders the shell only when the audio origin changes (the CSP must allow exactly it). */
  private mediaOrigin: string | undefined | null = null;
  private render(recordingUrl: string | undefined): void {
    let origin: string | undefined;
    try {
      origin = recordingUrl ? new URL(recordingUrl).origin : undefined;
    } catch {
      origin = undefined;
    }
    if (origin !== this.mediaOrigin) {
      this.mediaOrigin = origin;
      this.ready = false;
      this.panel.webview.html = buildHtml(this.panel.webview, this.extensionUri, 'call', `Call ${this.sid}`, origin);
    }
    this.postCall();
  }

  private postCall(): void {
    if (this.error && !this.call) this.post({ type: 'error', message: this.error });
    else if (this.call) this.post({ type: 'call', call: callView(this.call, RECORDING_VALIDITY_MINUTES) });
    else this.post({ type: 'loading', message: `Loading call ${this.sid}…` });
  }

  private post(m: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      this.postCall();
      return;
    }
    switch (m.action) {
      case 'refresh': return this.refresh();
      case 'copy': await vscode.env.clipboard.writeText(m.value ?? this.sid); return;
      case 'callAgain': if (this.call) await vscode.commands.executeCommand('exotel.callLog.callAgain', this.call); return;
      case 'openExternal': if (m.value && /^https?:\/\//.test(m.value)) await vscode.env.openExternal(vscode.Uri.parse(m.value)); return;
    }
  }
}

export { RECORDING_VALIDITY_MINUTES };
