import * as vscode from 'vscode';
import { DeliveryStore, resendTarget } from '../../callbacks';
import { COMMANDS } from '../../common/commandIds';
import { Disposable } from '../../common/disposable';
import { Log } from '../../common/log';
import { CallbackMessage } from '../../webview-ui/messages';
import { CallbackView } from '../../webview-ui/protocol';
import { CallbackPanel } from './callbackPanel';
import { callbackView } from './callbackViewModel';
import { coalesce } from '../../base/coalesce';

/** What each button of the callback panel runs: the same command as the view's menus. */
const PANEL_COMMANDS: Record<Exclude<CallbackMessage['action'], 'showAttempt'>, string> = {
  resend: COMMANDS.callbacksResend,
  editResend: COMMANDS.callbacksEditAndResend,
  copyCurl: COMMANDS.callbacksCopyCurl,
  copyFixture: COMMANDS.callbacksCopyFixture,
  openCall: COMMANDS.callbacksOpenCall,
};

/** The one callback panel: opened on a delivery, following the store as its delivery updates (a burst renders once). */
export class CallbackPanelHost extends Disposable {
  private panel: CallbackPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    private readonly store: DeliveryStore,
    private readonly formatTime: (at: Date) => string,
  ) {
    super();
    const render = this.register(coalesce(() => this.open?.render(), 50));
    this.register(store.onChange(render));
    this.register({ dispose: () => this.panel?.dispose() });
  }

  /** The open panel, if any. */
  get open(): CallbackPanel | undefined {
    return this.panel && !this.panel.isDisposed ? this.panel : undefined;
  }

  show(id: string): CallbackPanel {
    const open = this.open;
    if (open) {
      open.showDelivery(id);
      open.reveal();
      return open;
    }
    const view = (d: string): CallbackView | undefined => {
      const delivery = this.store.get(d);
      return delivery && callbackView(delivery, this.store.attemptsOf(delivery), this.formatTime, Boolean(resendTarget(delivery)));
    };
    const act = async (d: string, action: keyof typeof PANEL_COMMANDS) => void (await vscode.commands.executeCommand(PANEL_COMMANDS[action], d));
    this.panel = new CallbackPanel(this.extensionUri, this.log, { view, act }, id);
    return this.panel;
  }
}
