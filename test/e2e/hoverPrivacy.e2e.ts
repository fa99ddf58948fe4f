// Number hovers as a new user meets them: Sign In offers the EXOTEL_* credentials found in the environment,
// the first hover asks (once) whether numbers may be sent to Exotel, "Auto" then looks numbers up, and a
// failed lookup is one line in the hover, never a toast.
import * as assert from 'assert';
import { Sandbox, startSandbox } from '../../src/sandbox';
import { Workbench } from './workbench';

const CANARY = 'canary-e2e-5d1b7a90c3f24e68';
let sandbox: Sandbox | undefined;

/** The sandbox starts before VS Code, so that its address and credentials can be in the environment. */
export async function host() {
  sandbox = await startSandbox({ seed: true, apiToken: CANARY });
  return {
    env: {
      EXOTEL_ACCOUNT_SID: sandbox.accountSid,
      EXOTEL_API_KEY: sandbox.apiKey,
      EXOTEL_API_TOKEN: sandbox.apiToken,
      EXOTEL_BASE_URL: sandbox.baseUrl,
    },
  };
}

const toasts = (wb: Workbench) => wb.page.locator('.notifications-toasts .notification-toast');

export default async function hoverPrivacy(wb: Workbench): Promise<void> {
  const sb = sandbox!;
  try {
    await wb.runCommand('Exotel: Sign In');
    await wb.pickQuickItem(/Use EXOTEL_\* from the environment/);
    await wb.answerQuickInput('From env', /Profile name/);
    await wb.pickQuickItem(/No — a test or staging account/);
    await wb.answerQuickInput('', /default CallerId/);
    await wb.waitForNotification(/Signed in to Exotel as “From env”/);
    await wb.clearNotifications();

    // The first hover sends nothing and asks, once, with three answers.
    const lookups = () => sb.requests.filter(r => r.path.includes('/Numbers/')).length;
    await wb.openFile('numbers.txt');
    const first = await wb.hover('+91 98765 43210', /Look up with Exotel/);
    assert.doesNotMatch(first, /Circle: |DND: /);
    const question = /Look up hovered phone numbers with Exotel\?/;
    await wb.waitForNotification(question);
    const buttons = await toasts(wb).filter({ hasText: question }).locator('.monaco-button').allInnerTexts();
    assert.deepStrictEqual(
      buttons.map(b => b.trim()),
      ['Auto', 'Only when I click', 'Never'],
    );
    assert.strictEqual(lookups(), 0, 'a hover sent a number before the user answered');
    await wb.screenshot('hover-lookup-question');

    // "Auto": the next hover shows circle, operator and DND.
    await wb.clickNotificationButton(question, 'Auto');
    await wb.clearHover();
    // The answer reaches the hover through a settings change: hover again until it has arrived.
    let looked = '';
    for (const deadline = Date.now() + 15000; !/Circle: /.test(looked) && Date.now() < deadline; await wb.clearHover()) {
      looked = await wb.hover('+91 98765 43210');
    }
    assert.match(looked, /Operator: \S+[\s\S]*DND: (Yes|No|Unavailable)/);
    assert.strictEqual(lookups(), 1);
    await wb.clearHover();

    // Exotel failing: one line in the hover, and no toast at all.
    await wb.clearNotifications();
    sb.faults.next({ kind: '5xx' }, { path: '/Numbers/', times: 10 });
    const failed = await wb.hover('+91 70123 45678', /Looking up \+917012345678 failed: Exotel is unavailable/);
    assert.match(failed, /Look up with Exotel/, 'no way to try again');
    await wb.screenshot('hover-lookup-failed');
    // A round trip through the extension host (a command of ours, its Output shown): a toast from the failed
    // lookup would have reached the workbench before it.
    await wb.runCommand('Exotel: Show Log');
    await wb.page.locator('.part.panel .output-view').visible().first().waitFor();
    assert.strictEqual(await toasts(wb).count(), 0, `a toast appeared: ${await toasts(wb).allInnerTexts()}`);
    assert.ok(!(await wb.page.content()).includes(CANARY), 'the token is in the workbench DOM');
  } finally {
    await sb.close();
  }
}
