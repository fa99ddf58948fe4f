import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Log } from '../../common/log';
import { cspMediaOrigin } from '../../common/untrustedText';
import { Call, CancelledError, ExotelClient, recordingFileName, recordingSource, RecordingSource } from '../../exotel';
import { ExotelPanel } from '../../common/webview/panel';
import { webviewOptions } from '../../common/webview/html';
import { CALL_MESSAGES, CallMessage } from '../../webview-ui/messages';
import { CallView } from '../../webview-ui/protocol';
import { callView } from '../../common/callText/callSummary';
import { recordingView } from '../../common/callText/recordingText';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';
import { errorMessage } from '../../base/errorMessage';

/** RecordingUrlValidity the panel asks for (Exotel accepts 5–60, see RECORDING_URL_VALIDITY). */
export const RECORDING_VALIDITY_MINUTES = 30;

export interface CallDetailsSource {
  /** Fetches the call with details=true and a fresh recording link. */
  fetch(sid: string): Promise<Call>;
  /** The client of the current account: it judges recording links against its origin and fetches private ones. */
  client(): Promise<ExotelClient>;
}

/** One call: every field, both legs in words, the recording. */
export class CallDetailsPanel extends ExotelPanel<typeof CALL_MESSAGES> {
  private call: Call | undefined;
  /** Why the last refresh failed, shown above what was shown before it. */
  private problem: string | undefined;
  private fetchedAt: number | undefined;
  private apiBaseUrl: string | undefined;
  /** A private recording fetched by the extension: where the copy is, or what is happening. */
  private rec: { localSrc?: string; busy?: string; error?: string } = {};
  private tempDir: string | undefined;
  private download: AbortController | undefined;

  constructor(
    private readonly extUri: vscode.Uri,
    log: Log,
    private readonly source: CallDetailsSource,
    readonly sid: string,
    known?: Call,
  ) {
    super(extUri, log, CALL_MESSAGES, 'exotel.callDetails', 'call', t('Call {0}…', sid.slice(0, 8)));
    this.call = known;
    this.register({ dispose: () => this.removeCopy() });
    this.render();
    void this.refresh();
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('exotel.privacy.maskNumbers')) this.render();
      }),
    );
  }

  /** The call as the panel shows it (plain data), or undefined while it loads. */
  get lastView(): CallView | undefined {
    return this.call ? { ...callView(this.call, this.recording()), problem: this.problem } : undefined;
  }

  /** The local copy of a private recording, while the panel is open (tests check it goes when the panel closes). */
  get recordingCopy(): string | undefined {
    return this.tempDir;
  }

  async refresh(): Promise<void> {
    try {
      this.apiBaseUrl = (await this.source.client()).baseUrl;
      this.call = await this.source.fetch(this.sid);
      this.problem = undefined;
      this.fetchedAt = Date.now();
      if (this.rec.error) this.rec = { localSrc: this.rec.localSrc };
      this.render();
    } catch (err) {
      const message = errorMessage(err);
      // Shown even if the page becomes ready only after this fast failure. With a call shown, it stays, and the
      // failure is said above it: a Refresh that fails must not look like one that did nothing.
      if (!this.call) {
        this.show({ type: 'error', message });
        return;
      }
      this.problem = t('Refresh failed: {0}', message);
      this.render();
    }
  }

  private recordingSource(): RecordingSource | undefined {
    return this.call && this.apiBaseUrl ? recordingSource(this.call, this.apiBaseUrl) : undefined;
  }

  private recording() {
    return recordingView(this.recordingSource(), {
      fetchedAt: this.fetchedAt,
      validityMinutes: RECORDING_VALIDITY_MINUTES,
      ...this.rec,
      now: Date.now(),
      clock: ms => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
    });
  }

  private render(): void {
    if (!this.call) {
      this.show({ type: 'loading', message: t('Loading call {0}…', this.sid) });
      return;
    }
    const recording = this.recording();
    // The CSP admits exactly the one place the player loads from: our local copy, or the link (checked first: it is from the API).
    this.setMediaOrigin(recording?.src && recording.src === this.rec.localSrc ? this.panel.webview.cspSource : cspMediaOrigin(recording?.src));
    this.show({ type: 'call', call: this.lastView! });
  }

  /**
   * A private recording: fetched with the account's credentials (in a header, by the client) into a temporary file
   * the page may load; the page never sees a credential, and the file goes when the panel closes.
   */
  private async play(): Promise<void> {
    const source = this.recordingSource();
    if (source?.kind !== 'private' || this.rec.busy) return;
    this.rec = { busy: t('Fetching the recording…') };
    this.render();
    const abort = (this.download = new AbortController());
    let file: string | undefined;
    try {
      const client = await this.source.client();
      this.tempDir ??= await fs.promises.mkdtemp(path.join(os.tmpdir(), 'exotel-recording-'));
      file = path.join(this.tempDir, recordingFileName(this.sid, source.url));
      const out = fs.createWriteStream(file);
      try {
        await client.fetchRecording(source, {
          signal: abort.signal,
          onData: chunk => new Promise<void>((resolve, reject) => out.write(chunk, err => (err ? reject(err) : resolve()))),
        });
      } finally {
        await new Promise<void>(resolve => out.end(resolve));
      }
      if (this.isDisposed) return;
      this.panel.webview.options = {
        ...webviewOptions(this.extUri),
        localResourceRoots: [...(webviewOptions(this.extUri).localResourceRoots ?? []), vscode.Uri.file(this.tempDir)],
      };
      this.rec = { localSrc: this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString() };
    } catch (err) {
      if (this.isDisposed) return;
      this.rec = { error: err instanceof CancelledError ? t('Fetching the recording was cancelled.') : errorMessage(err) };
    } finally {
      if (this.download === abort) this.download = undefined;
    }
    this.render();
  }

  private removeCopy(): void {
    this.download?.abort();
    if (this.tempDir) fs.rmSync(this.tempDir, { recursive: true, force: true });
    this.tempDir = undefined;
  }

  protected async onAction(m: CallMessage): Promise<void> {
    switch (m.action) {
      case 'refresh':
        return this.refresh();
      case 'copySid':
        await vscode.env.clipboard.writeText(this.sid);
        return;
      case 'callAgain':
        if (this.call) await vscode.commands.executeCommand(COMMANDS.callLogCallAgain, this.call);
        return;
      case 'openExternal':
        if (/^https?:\/\//.test(m.url)) await vscode.env.openExternal(vscode.Uri.parse(m.url));
        return;
      case 'playRecording':
        return this.play();
      case 'downloadRecording':
        if (this.call) await vscode.commands.executeCommand(COMMANDS.callLogDownloadRecording, this.call);
        return;
    }
  }
}
