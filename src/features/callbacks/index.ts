import * as vscode from 'vscode';
import { CallInfo, DeliveryStore, fromAttempt, fromCapture } from '../../callbacks';
import { COMMANDS, VIEWS } from '../../common/commandIds';
import { registerCommand } from '../../common/commands';
import { accountOffsetMinutes } from '../../common/settings';
import { Deps } from '../../deps';
import { formatExotelTime } from '../../exotel';
import { CallbackAttempt } from '../../sandbox';
import { SandboxControl } from '../../services/sandbox/sandboxControl';
import { CallbackView } from '../../webview-ui/protocol';
import { CallbackActions, DeliveryArg } from './callbackActions';
import { CallbackPanelHost } from './callbackPanelHost';
import { CallbacksProvider } from './callbacksProvider';
import { EditDocuments } from './editResend';
import { inboxUrl } from './inboxUrl';
import { ReceiverArgs, ReceiverControl } from './receiverControl';

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
export function registerCallbacks({ context, log }: Deps, sandbox: SandboxControl): CallbacksFeature {
  const store = new DeliveryStore();
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
  const panels = new CallbackPanelHost(context.extensionUri, log, store, formatTime);
  const actions = new CallbackActions(
    log,
    store,
    new EditDocuments(),
    () => panels.open?.id,
    id => panels.show(id),
  );
  // A sandbox attempt keeps its id across its updates (started, answered), so the store updates one row.
  const ids = new WeakMap<CallbackAttempt, string>();

  context.subscriptions.push(
    provider,
    vscode.window.createTreeView(VIEWS.callbacks, { treeDataProvider: provider, showCollapseAll: true }),
    actions.edits,
    receiver,
    panels,
    sandbox.onCallback(a => {
      let id = ids.get(a);
      if (!id) ids.set(a, (id = actions.newId('s')));
      store.upsert(fromAttempt(a, id));
    }),
    registerCommand(log, COMMANDS.callbacksShow, (arg?: DeliveryArg) => panels.show(actions.need(arg).id).id),
    registerCommand(log, COMMANDS.callbacksClear, () => {
      store.clear();
      receiver.current?.clear();
      receiver.render();
    }),
    registerCommand(log, COMMANDS.callbacksExport, (args?: { uri?: vscode.Uri }) => actions.exportAll(args?.uri)),
    registerCommand(log, COMMANDS.callbacksResend, async (arg?: DeliveryArg) => {
      const id = await actions.resend(arg);
      if (panels.open) panels.show(id);
      return id;
    }),
    registerCommand(log, COMMANDS.callbacksEditAndResend, (arg?: DeliveryArg) => actions.editAndResend(arg)),
    registerCommand(log, COMMANDS.callbacksSendEdited, (uri?: vscode.Uri) => actions.sendEdited(uri)),
    registerCommand(log, COMMANDS.callbacksCopyCurl, (arg?: DeliveryArg) => actions.copyCurl(arg)),
    registerCommand(log, COMMANDS.callbacksCopyFixture, (arg?: DeliveryArg, options?: { mask?: boolean }) => actions.copyFixture(arg, options)),
    registerCommand(log, COMMANDS.callbacksOpenCall, (arg?: DeliveryArg) => actions.openCall(arg)),
    registerCommand(log, COMMANDS.callbacksStartReceiver, (args?: ReceiverArgs) => receiver.start(args)),
    registerCommand(log, COMMANDS.callbacksStopReceiver, () => receiver.stop()),
  );

  return {
    store,
    receiver,
    rows: () => provider.snapshot(),
    countingDown: () => provider.countingDown,
    panelView: () => panels.open?.lastView,
    inboxUrl: sandboxProfile => inboxUrl(sandboxProfile, sandbox.baseUrl, receiver, context.workspaceState),
  };
}
