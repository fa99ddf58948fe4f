import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { showWarning } from '../../common/notify';
import { ValidationError } from '../../exotel';
import { CALLBACK_INBOX_PATH } from '../../sandbox';
import { ReceiverControl } from './receiverControl';

/** Where the last tunnel URL is remembered, per workspace. */
const TUNNEL_URL_KEY = 'exotel.callbacks.tunnelUrl';

/**
 * A StatusCallback URL that lands in the Callbacks view: on the sandbox, its inbox; on a real account, the
 * user's tunnel to the local receiver (started if needed), since Exotel cannot reach 127.0.0.1.
 */
export async function inboxUrl(
  sandboxProfile: boolean,
  sandboxBaseUrl: string | undefined,
  receiver: ReceiverControl,
  state: vscode.Memento,
): Promise<string | undefined> {
  if (sandboxProfile) {
    if (!sandboxBaseUrl) throw new ValidationError('sandbox', t('The sandbox is not running.'));
    return `${sandboxBaseUrl}${CALLBACK_INBOX_PATH}`;
  }
  const r = receiver.current ?? (await receiver.start(), receiver.current);
  if (!r) return undefined;
  const url = (
    await vscode.window.showInputBox({
      title: t('Send callbacks to the Callbacks view — your tunnel'),
      prompt: t(
        'Exotel cannot reach 127.0.0.1: the public https URL of your own tunnel to port {0} (e.g. from cloudflared or ngrok), with the path you want.',
        r.port,
      ),
      value: state.get<string>(TUNNEL_URL_KEY, ''),
      ignoreFocusOut: true,
      validateInput: s => (/^https?:\/\/[^/\s]+/i.test(s.trim()) ? undefined : t("Give the tunnel's http(s) URL.")),
    })
  )?.trim();
  if (!url) return undefined;
  if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(url)) void showWarning(t("Exotel cannot reach {0}: use your tunnel's public URL.", url));
  await state.update(TUNNEL_URL_KEY, url);
  return url;
}
