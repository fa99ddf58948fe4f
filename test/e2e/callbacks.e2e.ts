// The Callbacks view and panel as a user sees them: two sandbox calls delivered to a local handler that fails
// once (500) and then accepts, the retry in the view, the panel with the request and the answer, and Resend.
import * as assert from 'assert';
import { startLoopback } from '../helpers/loopback';
import { E2EHostOptions, Workbench } from './workbench';

const PORT = 47613;
// `fast` retries (1 s, 3 s): the test watches a failed callback recover; Exotel's own schedule waits 5 minutes.
export const host: E2EHostOptions = {
  settings: { 'exotel.sandbox.statusCallbackUrl': `http://127.0.0.1:${PORT}/exotel/status`, 'exotel.sandbox.callbackRetries': 'fast' },
};

export default async function callbacks(wb: Workbench): Promise<void> {
  const handler = await startLoopback(
    (_r, i) => (i === 0 ? { status: 500, body: '{"error":"database unavailable"}' } : { status: 200, body: '{"ok":true}' }),
    PORT,
  );
  try {
    await wb.openActivityBarContainer('Exotel');
    await wb.view('Callbacks').getByText('Receive from Real Exotel').first().waitFor();
    await wb.view('Calls').getByText('Try the sandbox').first().click();
    await wb.waitForTreeRow(/Today|Yesterday/, 'Calls', 60000);
    await wb.screenshot('welcome');

    for (const to of ['+91 98765 43210', '+91 98765 43215']) {
      await wb.runCommand('Exotel: Connect Call');
      await wb.answerQuickInput('+91 98450 12340', /From/);
      await wb.answerQuickInput(to, /To/);
      await wb.pickQuickItem(/Place call/);
      // One Connect Call at a time: wait until this call is placed (its row appears) before the next.
      await wb.view('Calls').locator('.monaco-list-row', { hasText: to }).first().waitFor({ timeout: 30000 });
      await wb.page.locator('.quick-input-widget').visible().waitFor({ state: 'hidden' });
    }
    // The first call's callback fails (500) and is retried a second later; the busy call's is accepted at once.
    const retry = wb.view('Callbacks').locator('.monaco-list-row', { hasText: 'attempt 2 of 3' }).first();
    await retry.waitFor({ timeout: 45000 });
    await wb.view('Callbacks').locator('.monaco-list-row', { hasText: 'busy' }).first().waitFor({ timeout: 30000 });
    await wb.clearNotifications();
    // Give the Callbacks view the room: collapse the Calls view (by its title, not its action icons) and widen the sidebar.
    await wb.page.locator('.part.sidebar .pane-header', { hasText: 'Calls' }).first().locator('h3.title').click();
    await wb.widenSidebar(260);
    await wb.settled();
    const failed = wb.view('Callbacks').locator('.monaco-list-row', { hasText: 'HTTP 500' }).first();
    await failed.waitFor();
    assert.ok(await failed.locator('.codicon-error').count(), 'the 500 shows the error icon');
    assert.ok(await retry.locator('.codicon-pass-filled').count(), 'the accepted retry shows the passed icon');
    await wb.screenshot('view');

    await failed.click();
    const summary = await wb.webviewText('#summary', 20000);
    assert.match(summary, /did not accept it: HTTP 500\. Attempt 1 of 3\./);
    assert.match(await wb.webviewText('#answer-body'), /database unavailable/);
    await wb.screenshot('panel');

    const before = handler.received.length;
    await wb.webview().locator('vscode-button', { hasText: 'Resend' }).first().click();
    await wb.waitUntil('the resent callback at the handler', () => handler.received.length > before).catch(() => undefined);
    assert.strictEqual(handler.received.length, before + 1, 'Resend reached the handler');
    assert.match(await wb.webviewText('#summary'), /resent from the editor\. The handler accepted it \(HTTP 200\)/i);
  } finally {
    await handler.close();
  }
}
