// As a user would: the welcome view when signed out, Sign In typed through the palette against a sandbox,
// the status bar, the Calls view with its status icons, the call details panel, and Connect Call from the palette.
import * as assert from 'assert';
import { startSandbox } from '../../src/sandbox';
import { Workbench } from './workbench';

export default async function signInAndCalls(wb: Workbench): Promise<void> {
  const sandbox = await startSandbox({ seed: true, progressMs: 1500, postCallLagMs: 500 });
  try {
    // Signed out: the Calls view welcomes with sign-in and the sandbox.
    await wb.openActivityBarContainer('Exotel');
    await wb.view('Calls').getByText('Sign in to Exotel').first().waitFor();
    await wb.view('Calls').getByText('Try the sandbox').first().waitFor();
    await wb.screenshot('welcome-signed-out');

    // Exotel: Sign In, every prompt answered by typing, the region as a custom URL.
    await wb.runCommand('Exotel: Sign In');
    await wb.answerQuickInput('E2E Staging', /Profile name/);
    await wb.pickQuickItem(/Custom URL/);
    await wb.answerQuickInput(sandbox.baseUrl, /base URL/);
    await wb.answerQuickInput(sandbox.accountSid, /Account SID/);
    await wb.answerQuickInput(sandbox.apiKey, /API key/);
    await wb.answerQuickInput(sandbox.apiToken, /API token/);
    await wb.waitForNotification(/Signed in to Exotel as “E2E Staging”/);
    const status = await wb.statusBarItems();
    assert.ok(status.some(s => s.includes('E2E Staging') && s.includes(`127.0.0.1:${sandbox.port}`)), `status bar: ${JSON.stringify(status)}`);
    await wb.screenshot('signed-in-status-bar');
    assert.ok(!JSON.stringify(await wb.page.content()).includes(sandbox.apiToken), 'the token is nowhere in the workbench DOM');

    // The Calls view: today's calls with status icons, then Load more.
    await wb.waitForTreeRow(/Today|Yesterday/, 'Calls');
    await wb.waitForTreeRow('Load more', 'Calls');
    const icons = await wb.view('Calls').locator('.monaco-list-row .codicon').evaluateAll(els => els.map(e => e.className));
    assert.ok(icons.some(c => /codicon-pass-filled/.test(c)), `icons: ${icons.slice(0, 8).join(' | ')}`);
    await wb.clearNotifications();
    await wb.screenshot('calls-view');

    // Click a call: the details panel says what happened in words.
    const row = wb.view('Calls').locator('.monaco-list-row', { has: wb.page.locator('.codicon-pass-filled') }).first();
    await row.click();
    const summary = await wb.webviewText('#summary');
    assert.match(summary, /talked for|answered/, summary);
    await wb.screenshot('call-details-panel');

    // Exotel: Connect Call from the palette: From, To, CallerId, then Place call; the outcome arrives.
    await wb.runCommand('Exotel: Connect Call');
    await wb.answerQuickInput('98450 12340', /From/);
    await wb.answerQuickInput('98765 43215', /To/);
    await wb.answerQuickInput('080 4711 2345', /CallerId/);
    await wb.page.locator('.quick-input-widget', { hasText: 'Place call' }).waitFor();
    await wb.screenshot('connect-call-review');
    await wb.pickQuickItem(/Place call/);
    const outcome = await wb.waitForNotification(/Call ended: busy/, 30000);
    assert.match(outcome, /busy/);
    await wb.screenshot('connect-call-outcome');
    const posts = sandbox.requests.filter(r => r.method === 'POST');
    assert.strictEqual(posts.length, 1, 'one connect request');
    assert.strictEqual(posts[0].params.To, '+919876543215');
  } finally {
    await sandbox.close();
  }
}
