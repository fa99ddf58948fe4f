import * as vscode from 'vscode';
import { checkMessage, MessageOf, MessageSpec } from '../../webview-ui/messages';
import { ToWebview } from '../../webview-ui/protocol';
import { reportError } from '../commands';
import { Disposable } from '../disposable';
import { Log } from '../log';
import { buildHtml, PageKind, webviewOptions } from './html';

/**
 * A webview panel that shows one thing (a call, a number): the HTML shell, the `ready` handshake, the last
 * message replayed to a page that (re)loads, so nothing posted before `ready` is ever lost, and the page's
 * messages checked against its table (`messages`) before `onAction` sees them.
 */
/** A tab shows about this many characters of a title. */
const TAB_TITLE_MAX = 40;

export abstract class ExotelPanel<S extends MessageSpec> extends Disposable {
  protected readonly panel: vscode.WebviewPanel;
  private ready = false;
  private last: ToWebview | undefined;
  private mediaOrigin: string | undefined | null = null;

  protected constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    private readonly messages: S,
    viewType: string,
    private readonly page: PageKind,
    private readonly title: string,
  ) {
    super();
    this.panel = this.register(vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, webviewOptions(extensionUri)));
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'exotel.svg');
    this.register(this.panel.onDidDispose(() => this.dispose()));
    this.register(this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)));
    this.setMediaOrigin(undefined);
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Fires when the panel closes, by the user or by dispose(). */
  get onDidClose(): vscode.Event<void> {
    return this.panel.onDidDispose;
  }

  /** Shows a message now, or as soon as the page is ready; it is also what a reloaded page gets. */
  protected show(m: ToWebview): void {
    this.last = m;
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  /** Shows a view under its title (cut to fit a tab), or says it is gone (its row was cleared). */
  protected showView<V extends { title: string }>(view: V | undefined, gone: string, message: (view: V) => ToWebview): void {
    if (!view) return this.show({ type: 'error', message: gone });
    this.panel.title = view.title.length > TAB_TITLE_MAX ? `${view.title.slice(0, TAB_TITLE_MAX - 1)}…` : view.title;
    this.show(message(view));
  }

  /** The CSP allows exactly one audio origin: a new one rebuilds the shell, which then gets the last message. */
  protected setMediaOrigin(origin: string | undefined): void {
    if (origin === this.mediaOrigin) return;
    this.mediaOrigin = origin;
    this.ready = false;
    this.panel.webview.html = buildHtml(this.panel.webview, this.extensionUri, this.page, this.title, origin);
  }

  protected abstract onAction(message: MessageOf<S>): Promise<void> | void;

  /** Runs a message as if the page had sent it: checked the same way (the in-host tests' way in). */
  perform(raw: unknown): Promise<void> {
    return this.onMessage({ type: 'action', message: raw });
  }

  private async onMessage(m: unknown): Promise<void> {
    const kind = typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : undefined;
    if (kind === 'ready') {
      this.ready = true;
      if (this.last) void this.panel.webview.postMessage(this.last);
      return;
    }
    const checked = kind === 'action' ? checkMessage(this.messages, (m as { message?: unknown }).message) : { refused: 'not a message' };
    if ('refused' in checked) {
      this.log.warn(`${this.title}: a message from the page was ignored (${checked.refused})`);
      return;
    }
    try {
      await this.onAction(checked.message);
    } catch (err) {
      // A button on the page runs like a command: its failure is logged and shown once, never lost.
      reportError(this.log, `${this.title}: ${checked.message.action}`, err);
    }
  }
}

/** One panel per key (a call SID, a number): showing the same key again reveals its panel. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export class PanelRegistry<P extends ExotelPanel<any>> {
  private readonly open = new Map<string, P>();

  show(key: string, create: () => P): P {
    const existing = this.open.get(key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = create();
    this.open.set(key, panel);
    panel.onDidClose(() => this.open.delete(key));
    return panel;
  }

  /** The open panel for `key`, if any. */
  get(key: string): P | undefined {
    return this.open.get(key);
  }

  disposeAll(): void {
    for (const p of [...this.open.values()]) p.dispose();
  }
}
