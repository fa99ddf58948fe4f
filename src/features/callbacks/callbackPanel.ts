import * as vscode from 'vscode';
import { Log } from '../../common/log';
import { t } from '../../common/callText/translate';
import { ExotelPanel } from '../../common/webview/panel';
import { CALLBACK_MESSAGES, CallbackMessage } from '../../webview-ui/messages';
import { CallbackView } from '../../webview-ui/protocol';

/** What the panel asks of the feature: the view of a delivery, and its actions. */
export interface CallbackPanelHost {
  view(id: string): CallbackView | undefined;
  act(id: string, action: Exclude<CallbackMessage['action'], 'showAttempt'>): Promise<void>;
}

/** One delivery: the request as sent, the answer, the retries; Resend, Edit and Resend, cURL, fixture, Open Call. */
export class CallbackPanel extends ExotelPanel<typeof CALLBACK_MESSAGES> {
  lastView: CallbackView | undefined;

  constructor(
    extensionUri: vscode.Uri,
    log: Log,
    private readonly host: CallbackPanelHost,
    public id: string,
  ) {
    super(extensionUri, log, CALLBACK_MESSAGES, 'exotel.callback', 'callback', t('Callback'));
    this.render();
  }

  /** Shows another delivery (a retry picked in the attempts table) in this panel. */
  showDelivery(id: string): void {
    this.id = id;
    this.render();
  }

  render(): void {
    const view = this.host.view(this.id);
    this.lastView = view ?? this.lastView;
    this.showView(view, t('This delivery is no longer in the Callbacks view (it was cleared).'), callback => ({ type: 'callback', callback }));
  }

  protected onAction(m: CallbackMessage): Promise<void> {
    if (m.action === 'showAttempt') {
      this.showDelivery(m.id);
      return Promise.resolve();
    }
    return this.host.act(this.id, m.action);
  }
}
