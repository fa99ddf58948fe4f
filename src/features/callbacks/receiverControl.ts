// "Receive from Real Exotel": starts and stops the local receiver, and shows it in the status bar while on.
import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { Capture, Receiver, startReceiver } from '../../callbacks';
import { setContext } from '../../common/contexts';
import { Disposable } from '../../common/disposable';
import { Log } from '../../common/log';
import { showInfo } from '../../common/notify';
import { VIEWS } from '../../common/commandIds';

export interface ReceiverArgs {
  /** 0: any free port. */
  port?: number;
  /** The developer's handler; empty: record and answer 200. */
  forwardTo?: string;
}

export class ReceiverControl extends Disposable {
  private receiver: Receiver | undefined;
  /** Created when a receiver first starts: most sessions never start one. */
  private statusItem: vscode.StatusBarItem | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<Receiver | undefined>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly log: Log,
    private readonly onRecord: (receiver: Receiver, capture: Capture) => void,
  ) {
    super();
    this.register({ dispose: () => void this.stop(true) });
  }

  get current(): Receiver | undefined {
    return this.receiver;
  }

  /** Starts the receiver (asking for the port and the handler unless given) and says how to reach it. */
  async start(args?: ReceiverArgs): Promise<string | undefined> {
    if (this.receiver) {
      void showInfo(t('The callback receiver is already listening at {0}.', this.receiver.url));
      return this.receiver.url;
    }
    const port = args?.port ?? (await askPort());
    if (port === undefined) return undefined;
    const forwardTo = args ? args.forwardTo : await askForward();
    if (forwardTo === undefined && !args) return undefined;
    // Requests arrive only after listening, by which time `receiver` is set.
    const receiver: Receiver = await startReceiver({ port, forwardTo: forwardTo || undefined, onRecord: c => this.onRecord(receiver, c) });
    this.receiver = receiver;
    await setContext('exotel.callbacks.receiving', true);
    this.render();
    this.changed.fire(receiver);
    this.log.info(`Callback receiver listening at ${receiver.url}${receiver.forwardTo ? `, forwarding to ${receiver.forwardTo}` : ''}`);
    const copy = t('Copy URL');
    void showInfo(
      t(
        "Receiving callbacks at {0}{1}. Real Exotel cannot reach your machine: expose port {2} with your own tunnel (for example cloudflared or ngrok) and use the tunnel's https URL as the StatusCallback.",
        receiver.url,
        receiver.forwardTo ? t(' and forwarding them to {0}', receiver.forwardTo) : '',
        receiver.port,
      ),
      copy,
    ).then(async pick => {
      if (pick === copy) await vscode.env.clipboard.writeText(receiver.url);
    });
    return receiver.url;
  }

  async stop(quiet = false): Promise<boolean> {
    const r = this.receiver;
    this.receiver = undefined;
    if (!r) {
      if (!quiet) void showInfo(t('The callback receiver is not running.'));
      return false;
    }
    await r.close();
    this.statusItem?.hide();
    this.changed.fire(undefined);
    if (!quiet) {
      await setContext('exotel.callbacks.receiving', false);
      void showInfo(t('The callback receiver has stopped. What it recorded stays in the Callbacks view until you clear it.'));
    }
    this.log.info('Callback receiver stopped');
    return true;
  }

  /** Refreshes the status bar count. */
  render(): void {
    const r = this.receiver;
    if (!r) return;
    if (!this.statusItem) {
      this.statusItem = this.register(vscode.window.createStatusBarItem('exotel.receiver', vscode.StatusBarAlignment.Left, 49));
      this.statusItem.name = t('Exotel Callback Receiver');
      this.statusItem.command = VIEWS.callbacksFocus;
    }
    const item = this.statusItem;
    item.text = `$(radio-tower) ${t('Receiving :{0}', r.port)}${r.captures.length ? ` (${r.captures.length})` : ''}`;
    item.tooltip = [
      t('Exotel callback receiver at {0} (127.0.0.1 only).', r.url),
      r.forwardTo ? t('Forwards every request to {0}.', r.forwardTo) : t('Answers 200 itself (no handler to forward to).'),
      t('Recorded {0} request(s), in memory only.', r.captures.length),
      t('Click to open the Callbacks view; stop it with “Exotel: Stop Callback Receiver”.'),
    ].join('\n');
    item.show();
  }
}

async function askPort(): Promise<number | undefined> {
  const v = await vscode.window.showInputBox({
    title: t('Receive from Real Exotel (1/2) — port'),
    prompt: t('A port on 127.0.0.1 for the receiver; leave empty for any free port. Your tunnel will point at it.'),
    placeHolder: t('e.g. 4300'),
    ignoreFocusOut: true,
    validateInput: s => (!s.trim() || (/^\d+$/.test(s.trim()) && Number(s) > 0 && Number(s) < 65536) ? undefined : t('A port is a number from 1 to 65535.')),
  });
  return v === undefined ? undefined : Number(v.trim() || 0);
}

async function askForward(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: t('Receive from Real Exotel (2/2) — your handler'),
    prompt: t('Optional: your own webhook handler to forward each request to (the path is kept), e.g. http://localhost:3000. Leave empty to only record.'),
    ignoreFocusOut: true,
    validateInput: s => (!s.trim() || /^https?:\/\/[^/\s]+/i.test(s.trim()) ? undefined : t('Give an http:// or https:// URL, or leave it empty.')),
  });
}
