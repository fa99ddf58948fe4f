import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { CallInfo, curlCommand, Delivery, DeliveryStore, fixtureOf, fromAttempt, fromCapture, fromResend, jsonLine, resendTarget } from '../../callbacks';
import { sendRequest } from '../../webhooks';
import { registerCommand } from '../../common/commands';
import { showInfo, showWarning } from '../../common/notify';
import { accountOffsetMinutes } from '../../common/settings';
import { Deps } from '../../deps';
import { formatExotelTime } from '../../exotel';
import { CallbackAttempt, CALLBACK_INBOX_PATH } from '../../sandbox';
import { CallbackView, WebviewAction } from '../../webview-ui/protocol';
import { CallbackPanel } from './callbackPanel';
import { CallbacksProvider, CallbackNode } from './callbacksProvider';
import { callbackView } from './callbackViewModel';
import { EditDocuments } from './editResend';
import { ReceiverArgs, ReceiverControl } from './receiverControl';

const RESEND_TIMEOUT_MS = 15_000;

/** What this feature needs of the running sandbox (the extension passes its LocalSandbox). */
export interface SandboxFeed {
  /** Every StatusCallback attempt, when it starts and when it ends. */
  onCallback: vscode.Event<CallbackAttempt>;
  readonly baseUrl: string | undefined;
  readonly handle: { calls: { get(sid: string): { to: string | null; status: string } | undefined } } | undefined;
}

/** What the in-host tests and the Connect Call review step use. */
export interface CallbacksFeature {
  store: DeliveryStore;
  receiver: ReceiverControl;
  /** What the callback panel shows now, if it is open. */
  panelView(): CallbackView | undefined;
  /** The view's rows as shown. */
  rows: CallbacksProvider['snapshot'];
  /** Whether the view runs a countdown timer (only while a retry is pending). */
  countingDown(): boolean;
  /** A StatusCallback URL that lands in the Callbacks view: the sandbox's inbox, or (asked) a tunnel to the receiver. */
  inboxUrl(sandboxProfile: boolean): Promise<string | undefined>;
}

/** The Callbacks view, the callback panel, Resend / Edit and Resend, the receiver, export. */
export function registerCallbacks({ context, log }: Deps, sandbox: SandboxFeed): CallbacksFeature {
  const store = new DeliveryStore();
  const ids = new WeakMap<CallbackAttempt, string>();
  let next = 0;
  const newId = (prefix: string) => `${prefix}${(next++).toString(36)}`;
  const formatTime = (at: Date) => formatExotelTime(at, accountOffsetMinutes()).slice(11);
  const callInfo = (sid: string): CallInfo | undefined => {
    const call = sandbox.handle?.calls.get(sid);
    return call && { to: call.to ?? undefined, status: call.status };
  };

  const receiver = new ReceiverControl(log, (r, capture) => {
    store.upsert(fromCapture(capture, r.url));
    receiver.render();
  });
  const provider = new CallbacksProvider(store, callInfo, formatTime);
  const tree = vscode.window.createTreeView('exotel.callbacks', { treeDataProvider: provider, showCollapseAll: true });
  const edits = new EditDocuments();
  let panel: CallbackPanel | undefined;

  const viewOf = (id: string): CallbackView | undefined => {
    const d = store.get(id);
    return d && callbackView(d, store.attemptsOf(d), formatTime, Boolean(resendTarget(d)));
  };
  const showPanel = (id: string): CallbackPanel => {
    if (panel && !panel.isDisposed) {
      panel.showDelivery(id);
      panel.reveal();
      return panel;
    }
    panel = new CallbackPanel(context.extensionUri, { view: viewOf, act }, id);
    return panel;
  };
  // The open panel follows its delivery as it updates (an answer arriving, a retry); a burst renders once.
  let panelTimer: NodeJS.Timeout | undefined;
  const storeWatch = store.onChange(() => {
    panelTimer ??= setTimeout(() => {
      panelTimer = undefined;
      if (panel && !panel.isDisposed) panel.render();
    }, 50);
  });

  const need = (arg: unknown): Delivery => {
    const node = typeof arg === 'object' ? (arg as CallbackNode) : undefined;
    const id = typeof arg === 'string' ? arg : node?.kind === 'delivery' ? node.id : node?.kind === 'group' ? node.group.deliveries[0]?.id : panel?.id;
    const d = id ? store.get(id) : undefined;
    if (!d) throw new Error(t('Pick a delivery in the Callbacks view first.'));
    return d;
  };

  /** Sends a request again and records it as a new delivery of the same call; returns its id. */
  const resend = async (of: Delivery, request: { method: string; url: string; headers: Record<string, string>; body: string }): Promise<string> => {
    const id = newId('e');
    store.upsert(fromResend(of, request, undefined, id, new Date()));
    const result = await sendRequest(request, { timeoutMs: RESEND_TIMEOUT_MS });
    store.upsert(fromResend(of, request, result, id, store.get(id)?.at ?? new Date()));
    log.info(
      `Resent ${of.event ?? of.request.method} for ${of.callSid ?? 'a request'} → ${request.url}: ${result.status !== undefined ? `HTTP ${result.status}` : result.error}`,
    );
    return id;
  };

  async function act(id: string, action: WebviewAction, _value: string | undefined): Promise<void> {
    const command = {
      resend: 'exotel.callbacks.resend',
      editResend: 'exotel.callbacks.editAndResend',
      copyCurl: 'exotel.callbacks.copyCurl',
      copyFixture: 'exotel.callbacks.copyFixture',
      openCall: 'exotel.callbacks.openCall',
    }[action as string];
    if (command) await vscode.commands.executeCommand(command, id);
  }

  context.subscriptions.push(
    storeWatch,
    { dispose: () => clearTimeout(panelTimer) },
    provider,
    tree,
    edits,
    receiver,
    { dispose: () => panel?.dispose() },
    sandbox.onCallback(a => {
      let id = ids.get(a);
      if (!id) ids.set(a, (id = newId('s')));
      store.upsert(fromAttempt(a, id));
    }),
    registerCommand(log, 'exotel.callbacks.show', (arg?: string | CallbackNode) => showPanel(need(arg).id).id),
    registerCommand(log, 'exotel.callbacks.clear', () => {
      store.clear();
      receiver.current?.clear();
      receiver.render();
    }),
    registerCommand(log, 'exotel.callbacks.export', async (args?: { uri?: vscode.Uri }) => {
      const all = store.all();
      if (!all.length) {
        void showInfo(t('There are no callbacks to export yet.'));
        return undefined;
      }
      const uri =
        args?.uri ??
        (await vscode.window.showSaveDialog({
          title: t('Export Callbacks (JSON Lines)'),
          filters: { 'JSON Lines': ['jsonl'] },
          defaultUri: vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'exotel-callbacks.jsonl'),
        }));
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, Buffer.from(all.map(jsonLine).join('\n') + '\n', 'utf8'));
      void showInfo(
        all.length === 1
          ? t('Exported 1 delivery to {0} (secrets masked).', uri.fsPath)
          : t('Exported {0} deliveries to {1} (secrets masked).', all.length, uri.fsPath),
      );
      return uri.toString();
    }),
    registerCommand(log, 'exotel.callbacks.resend', async (arg?: string | CallbackNode) => {
      const d = need(arg);
      const url = resendTarget(d);
      if (!url) throw new Error(t('This request was only recorded, not forwarded: there is no handler to resend it to. Use Edit and Resend and set "url".'));
      const id = await resend(d, { ...d.request, url });
      if (panel && !panel.isDisposed) showPanel(id);
      return id;
    }),
    registerCommand(log, 'exotel.callbacks.editAndResend', async (arg?: string | CallbackNode) => {
      const doc = await edits.open(need(arg));
      return doc.uri.toString();
    }),
    registerCommand(log, 'exotel.callbacks.sendEdited', async (uri?: vscode.Uri) => {
      const doc = uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      const from = doc && edits.sourceOf(doc);
      const of = from ? store.get(from) : undefined;
      if (!doc || !from) throw new Error(t('Open a request with “Edit and Resend” in the Callbacks panel first.'));
      const request = edits.requestOf(doc);
      const base: Delivery = of ?? { id: from, source: 'resend', at: new Date(), done: true, request: { ...request, body: String(request.body) } };
      const id = await resend(base, { ...request, body: String(request.body) });
      showPanel(id);
      return id;
    }),
    registerCommand(log, 'exotel.callbacks.copyCurl', async (arg?: string | CallbackNode) => {
      const d = need(arg);
      const text = curlCommand({ ...d.request, url: resendTarget(d) ?? d.request.url });
      await vscode.env.clipboard.writeText(text);
      void showInfo(t('Copied the request as cURL (secrets masked).'));
      return text;
    }),
    registerCommand(log, 'exotel.callbacks.copyFixture', async (arg?: string | CallbackNode, options?: { mask?: boolean }) => {
      const d = need(arg);
      let mask = options?.mask;
      if (mask === undefined) {
        const masked = {
          label: t('Mask numbers and SIDs'),
          description: t('for a bug report: keeps the last 4 digits of numbers and the first 4 characters of SIDs'),
          mask: true,
        };
        const pick = await vscode.window.showQuickPick([masked, { label: t('Keep them as captured'), description: t('for your own tests'), mask: false }], {
          title: t('Copy as Fixture'),
        });
        if (!pick) return undefined;
        mask = pick.mask;
      }
      const text = fixtureOf(d.request, mask);
      await vscode.env.clipboard.writeText(text);
      void showInfo(mask ? t('Copied the payload as a fixture, numbers and SIDs masked.') : t('Copied the payload as a fixture.'));
      return text;
    }),
    registerCommand(log, 'exotel.callbacks.openCall', (arg?: string | CallbackNode) => {
      const d = need(arg);
      if (!d.callSid) throw new Error(t('This request names no CallSid.'));
      return vscode.commands.executeCommand('exotel.showCallDetails', d.callSid);
    }),
    registerCommand(log, 'exotel.callbacks.startReceiver', (args?: ReceiverArgs) => receiver.start(args)),
    registerCommand(log, 'exotel.callbacks.stopReceiver', () => receiver.stop()),
  );

  const inboxUrl = async (sandboxProfile: boolean): Promise<string | undefined> => {
    if (sandboxProfile) {
      const base = sandbox.baseUrl;
      if (!base) throw new Error(t('The sandbox is not running.'));
      return `${base}${CALLBACK_INBOX_PATH}`;
    }
    const r = receiver.current ?? (await receiver.start(), receiver.current);
    if (!r) return undefined;
    const key = 'exotel.callbacks.tunnelUrl';
    const url = await vscode.window.showInputBox({
      title: t('Send callbacks to the Callbacks view — your tunnel'),
      prompt: t(
        'Exotel cannot reach 127.0.0.1: the public https URL of your own tunnel to port {0} (e.g. from cloudflared or ngrok), with the path you want.',
        r.port,
      ),
      value: context.workspaceState.get<string>(key, ''),
      ignoreFocusOut: true,
      validateInput: s => (/^https?:\/\/[^/\s]+/i.test(s.trim()) ? undefined : t("Give the tunnel's http(s) URL.")),
    });
    if (!url) return undefined;
    if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(url.trim())) void showWarning(t("Exotel cannot reach {0}: use your tunnel's public URL.", url.trim()));
    await context.workspaceState.update(key, url.trim());
    return url.trim();
  };

  return {
    store,
    receiver,
    rows: () => provider.snapshot(),
    countingDown: () => provider.countingDown,
    panelView: () => (panel && !panel.isDisposed ? panel.lastView : undefined),
    inboxUrl,
  };
}
