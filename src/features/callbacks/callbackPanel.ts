import * as vscode from 'vscode';
import { Log } from '../../common/log';
import { t } from '../../common/callText/translate';
import { ExotelPanel } from '../../common/webview/panel';
import { CallbackView, WebviewAction } from '../../webview-ui/protocol';

/** What the panel asks of the feature: the view of a delivery, and its actions. */
export interface CallbackPanelHost {
  view(id: string): CallbackView | undefined;
  act(id: string, action: WebviewAction, value: string | undefined): Promise<void>;
}

/** One delivery: the request as sent, the answer, the retries; Resend, Edit and Resend, cURL, fixture, Open Call. */
export class CallbackPanel extends ExotelPanel {
  lastView: CallbackView | undefined;

  constructor(
    extensionUri: vscode.Uri,
    log: Log,
    private readonly host: CallbackPanelHost,
    public id: string,
  ) {
    super(extensionUri, log, 'exotel.callback', 'callback', t('Callback'));
    this.render();
  }

  /** Shows another delivery (a retry picked in the attempts table) in this panel. */
  showDelivery(id: string): void {
    this.id = id;
    this.render();
  }

  render(): void {
    const view = this.host.view(this.id);
    if (!view) {
      this.show({ type: 'error', message: t('This delivery is no longer in the Callbacks view (it was cleared).') });
      return;
    }
    this.lastView = view;
    this.panel.title = view.title.length > 40 ? `${view.title.slice(0, 39)}…` : view.title;
    this.show({ type: 'callback', callback: view });
  }

  protected onAction(action: WebviewAction, value: string | undefined): Promise<void> {
    if (action === 'showAttempt' && value) {
      this.showDelivery(value);
      return Promise.resolve();
    }
    return this.host.act(this.id, action, value);
  }
}
