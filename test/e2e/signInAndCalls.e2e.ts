// As a user would: the welcome view when signed out, Sign In typed through the palette against a sandbox,
// the status bar, the Calls view with its status icons, the call details panel, and Connect Call from the palette.
import * as assert from 'assert';
import { startSandbox } from '../../src/sandbox';
import { callHolding } from '../helpers/hostileCall';
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
    await wb.pickQuickItem(/No — a test or staging account/);
    await wb.answerQuickInput('080 4711 2345', /default CallerId/);
    await wb.waitForNotification(/Signed in to Exotel as “E2E Staging”/);
    const status = await wb.statusBarItems();
    assert.ok(
      status.some(s => s.includes('E2E Staging') && s.includes(`127.0.0.1:${sandbox.port}`)),
      `status bar: ${JSON.stringify(status)}`,
    );
    await wb.screenshot('signed-in-status-bar');
    assert.ok(!JSON.stringify(await wb.page.content()).includes(sandbox.apiToken), 'the token is nowhere in the workbench DOM');

    // The Calls view: today's calls with status icons, then Load more (the Callbacks and Flow Runs panes below are
    // folded to make room).
    await wb.collapsePane('Callbacks');
    await wb.collapsePane('Flow Runs');
    await wb.waitForTreeRow(/Today|Yesterday/, 'Calls');
    // Early in the IST day "Today" holds a call or two and is the open group: open Yesterday's full day too.
    await wb.expandTreeRow(/^Yesterday/, 'Calls');
    await wb.waitForTreeRow('Load more', 'Calls');
    // Yesterday's rows render a moment after its group opens (Load more may already show): wait for a completed call.
    await wb.view('Calls').locator('.monaco-list-row .codicon-pass-filled').first().waitFor({ timeout: 30000 });
    await wb.clearNotifications();
    await wb.screenshot('calls-view');

    // Click a call: the details panel says what happened in words.
    const row = wb
      .view('Calls')
      .locator('.monaco-list-row', { has: wb.page.locator('.codicon-pass-filled') })
      .first();
    await row.click();
    const summary = await wb.webviewText('#summary');
    assert.match(summary, /^Both sides answered and talked for \d/, summary);
    await wb.screenshot('call-details-panel');

    // A recorded call: recordings are private, so Play fetches it with the key in a header (never in the page) and
    // the panel plays a temporary copy.
    const recorded = [...sandbox.calls.all()].reverse().find(c => c.recorded && c.status === 'completed');
    assert.ok(recorded, 'the seeded history has a recorded call');
    await wb.runCommand('Exotel: Show Call Details…');
    await wb.answerQuickInput(recorded.sid, /Call SID/);
    await wb.webview().locator('vscode-button', { hasText: 'Play recording' }).first().click();
    const audio = wb.webview().locator('audio').first();
    await audio.waitFor({ timeout: 30000 });
    const src = (await audio.getAttribute('src')) ?? '';
    assert.ok(!src.includes(sandbox.apiToken) && !src.includes(sandbox.apiKey) && !src.startsWith('http://127.0.0.1'), `the player's source: ${src}`);
    const fetched = sandbox.requests.filter(r => r.method === 'GET' && r.path.includes(recorded.sid) && /recording/i.test(r.path));
    assert.ok(
      fetched.some(r => r.headers.authorization === sandbox.authorization),
      'the recording was fetched with the key in a header',
    );
    // The copy is a real recording the player can read (its length), not only an element with a source.
    const seconds = await audio.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<number>(resolve => {
          el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
          el.addEventListener('error', () => resolve(-1), { once: true });
          el.preload = 'metadata';
          el.load();
        }),
    );
    assert.ok(seconds > 0, `the player could not read the recording (${seconds})`);
    await wb.screenshot('call-details-recording');
    await wb.runCommand('View: Close All Editors');

    // Hostile text from the API stays text: a call whose fields hold markup, opened by SID from the palette.
    const sid = 'e'.repeat(31) + 'x';
    const hostile = '<img src=x onerror="document.title=1">[x](command:exotel.signOut)<script>alert(1)</script>';
    sandbox.faults.next(callHolding(sid, hostile, { RecordingUrl: 'javascript:alert(1)' }), { path: sid, times: 5 });
    await wb.runCommand('Exotel: Show Call Details…');
    await wb.answerQuickInput(sid, /Call SID/);
    await wb.webview().getByText(hostile).first().waitFor();
    const injected = await wb.webview().locator('#root img, #root [onerror], #root script, #root audio').count();
    assert.strictEqual(injected, 0, 'markup from the API was rendered as elements');
    await wb.screenshot('call-details-hostile-text');
    await wb.runCommand('View: Close All Editors');

    // Exotel: Connect Call from the palette: From, To, CallerId, then Place call; the outcome arrives.
    await wb.runCommand('Exotel: Connect Call');
    await wb.answerQuickInput('98450 12340', /From/);
    await wb.answerQuickInput('98765 43215', /To/);
    await wb.page.locator('.quick-input-widget', { hasText: 'Place call' }).waitFor();
    await wb.screenshot('connect-call-review');
    // Another of the account's ExoPhones for this call only (the sandbox refuses any other CallerId, as Exotel does),
    // and options that must go together: the review keeps what was entered.
    await wb.pickQuickItem(/CallerId: \+918047112345/);
    await wb.answerQuickInput('022 6173 4567', /CallerId \(your ExoPhone\)/);
    await wb.pickQuickItem(/Options…/);
    await wb.pickQuickItem(/^RecordingChannels/);
    await wb.pickQuickItem(/^dual$/);
    await wb.pickQuickItem(/Done/);
    await wb.waitForNotification(/Dual-channel recording works only when Record is true/);
    await wb.pickQuickItem(/^Record$/);
    await wb.pickQuickItem(/^true$/);
    await wb.pickQuickItem(/Done/);
    await wb.page.locator('.quick-input-widget', { hasText: 'CallerId: +912261734567' }).waitFor();
    await wb.pickQuickItem(/Place call/);
    const outcome = await wb.waitForNotification(/Call ended: busy/, 30000);
    assert.match(outcome, /busy/);
    await wb.screenshot('connect-call-outcome');
    const posts = sandbox.requests.filter(r => r.method === 'POST');
    assert.strictEqual(posts.length, 1, 'one connect request');
    assert.strictEqual(posts[0].params.To, '+919876543215');
    assert.strictEqual(posts[0].params.CallerId, '+912261734567');
    assert.deepStrictEqual([posts[0].params.Record, posts[0].params.RecordingChannels], ['true', 'dual']);
  } finally {
    await sandbox.close();
  }
}
