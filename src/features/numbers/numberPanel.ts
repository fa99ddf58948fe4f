import * as vscode from 'vscode';
import { Call, NumberMetadata } from '../../exotel';
import { Disposable } from '../../common/disposable';
import { buildHtml, webviewOptions } from '../../common/webview/html';
import { PhoneNumberInfo } from '../../phone';
import { FromWebview, NumberView, ToWebview } from '../../webview-ui/protocol';
import { NumberPanelData, numberView } from './numberPanelView';

const t = vscode.l10n.t;

export interface NumberPanelSource {
  /** Exotel's metadata (cached unless `refresh`) and its age in ms; undefined for numbers Exotel does not cover. */
  metadata(e164: string, refresh: boolean): Promise<{ meta?: NumberMetadata; age?: number }>;
  /** The latest calls to or from the number, newest first. */
  recentCalls(e164: string): Promise<Call[]>;
}

/** One panel per number: metadata, what DND means, the recent calls. Looking a number up again reuses its panel. */
export class NumberPanel extends Disposable {
  private static readonly open = new Map<string, NumberPanel>();
  private readonly panel: vscode.WebviewPanel;
  private view: NumberView | undefined;
  private readonly calls = new Map<string, Call>();
  private ready = false;
  private loading: Promise<void> | undefined;

  static show(extensionUri: vscode.Uri, source: NumberPanelSource, number: PhoneNumberInfo): NumberPanel {
    const existing = NumberPanel.open.get(number.e164);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    return new NumberPanel(extensionUri, source, number);
  }

  static get panels(): ReadonlyMap<string, NumberPanel> {
    return NumberPanel.open;
  }

  private constructor(extensionUri: vscode.Uri, private readonly source: NumberPanelSource, readonly number: PhoneNumberInfo) {
    super();
    const title = t('Number {0}', number.international);
    this.panel = this.register(vscode.window.createWebviewPanel('exotel.numberDetails', title, vscode.ViewColumn.Active, webviewOptions(extensionUri)));
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'exotel.svg');
    NumberPanel.open.set(number.e164, this);
    this.register(this.panel.onDidDispose(() => this.dispose()));
    this.register(this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)));
    this.register({ dispose: () => NumberPanel.open.delete(number.e164) });
    this.panel.webview.html = buildHtml(this.panel.webview, extensionUri, 'number', title);
    void this.refresh(false);
  }

  get e164(): string {
    return this.number.e164;
  }

  /** The last view model posted (or to be posted once the page is ready). */
  get lastView(): NumberView | undefined {
    return this.view;
  }

  /** Settles when the current load has finished (it never rejects: failures become the view's note). */
  get loaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  /** Loads metadata and recent calls; `refresh` asks Exotel even when the cache is fresh. Joins a load already running. */
  refresh(refresh = true): Promise<void> {
    this.loading ??= this.load(refresh).finally(() => { this.loading = undefined; });
    return this.loading;
  }

  private async load(refresh: boolean): Promise<void> {
    if (!this.view) this.post({ type: 'loading', message: t('Looking up {0}…', this.number.international) });
    const e164 = this.number.e164;
    const [meta, calls] = await Promise.allSettled([this.source.metadata(e164, refresh), this.source.recentCalls(e164)]);
    if (this.isDisposed) return;
    const problems: string[] = [];
    if (meta.status === 'rejected') problems.push(t('Metadata could not be loaded: {0}', messageOf(meta.reason)));
    if (calls.status === 'rejected') problems.push(t('Recent calls could not be loaded: {0}', messageOf(calls.reason)));
    const data: NumberPanelData = {
      number: this.number,
      meta: meta.status === 'fulfilled' ? meta.value.meta : undefined,
      age: meta.status === 'fulfilled' ? meta.value.age : undefined,
      calls: calls.status === 'fulfilled' ? calls.value : [],
      problems,
    };
    this.calls.clear();
    for (const c of data.calls) this.calls.set(c.sid, c);
    this.view = numberView(data, t);
    this.postView();
  }

  private postView(): void {
    if (this.view) this.post({ type: 'number', number: this.view });
  }

  private post(m: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      if (this.view) this.postView();
      else this.post({ type: 'loading', message: t('Looking up {0}…', this.number.international) });
      return;
    }
    if (m.type !== 'action') return;
    switch (m.action) {
      case 'refresh': return this.refresh(true);
      case 'copy': await vscode.commands.executeCommand('exotel.numbers.copy', this.number.e164); return;
      case 'callNumber': await vscode.commands.executeCommand('exotel.connectCall', { to: this.number.e164 }); return;
      case 'showCall': {
        // Only a call this panel listed: the page's message names it, it does not describe it.
        const call = typeof m.value === 'string' ? this.calls.get(m.value) : undefined;
        if (call) await vscode.commands.executeCommand('exotel.callLog.showDetails', call);
        return;
      }
    }
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
