// Another installed extension invokes exotel_placeTestCall outside a chat (test/fixtures/tool-caller): the Exotel
// extension asks with its own modal dialog naming the call. Cancel sends nothing; Place Call places one sandbox call.
import * as assert from 'assert';
import { E2EHostOptions, Workbench } from './workbench';

export const host: E2EHostOptions = { extensions: ['test/fixtures/tool-caller'] };

const DIALOG = '.monaco-dialog-box';
const OUR_TITLE = 'Place a sandbox test call (no real phone rings)?';

/** Waits for our dialog (answering VS Code's own confirmation first, if this VS Code shows one) and returns its text. */
async function ourDialog(wb: Workbench, shot: string): Promise<string> {
  const dialog = wb.page.locator(DIALOG).first();
  for (let i = 0; i < 2; i++) {
    await dialog.waitFor({ timeout: 30000 });
    const text = await dialog.innerText();
    if (await dialog.locator('.monaco-button', { hasText: /^Place Call$/ }).count()) {
      await wb.screenshot(shot);
      return text;
    }
    // VS Code's own confirmation of a tool invoked outside a chat: go on to ours.
    await wb.screenshot(`${shot}-vscode-confirmation`);
    await dialog
      .locator('.monaco-button', { hasText: /^(Continue|Yes|OK|Allow)$/ })
      .first()
      .click();
    // Ours may open at once in the same place, so wait for VS Code's to go or for ours, not for no dialog at all.
    await wb.page.waitForFunction(
      (selector: string) => {
        const box = document.querySelector<HTMLElement>(selector);
        return !box || box.innerText.includes('Place Call');
      },
      DIALOG,
      { timeout: 10000 },
    );
  }
  throw new Error('the extension did not show its own dialog');
}

export default async function toolConfirm(wb: Workbench): Promise<void> {
  await wb.runCommand('Exotel: Start Sandbox');
  await wb.waitForNotification(/sandbox/i, 30000);
  await wb.clearNotifications();

  // Decline: nothing is sent, and the calling extension is told so.
  await wb.runCommand('Tool Caller: Place Exotel Test Call');
  const asked = await ourDialog(wb, 'own-confirmation');
  for (const fact of [
    OUR_TITLE,
    'Profile: “Sandbox”: the local sandbox',
    'From: +919845012340',
    'To: +919876543211',
    'CallerId: +918047112345',
    'DND status of To: Not on the DND register: it can be called.',
    'Options: TimeLimit=300',
  ]) {
    assert.ok(asked.includes(fact), `the dialog does not name “${fact}”: ${asked}`);
  }
  await wb.page
    .locator(DIALOG)
    .locator('.monaco-button', { hasText: /^Cancel$/ })
    .click();
  await wb.waitForNotification('Tool result: The user declined the call; nothing was sent.');
  await wb.settled(); // the toast has finished sliding in
  await wb.screenshot('declined');
  await wb.clearNotifications();

  // Place Call: one sandbox call, its SID handed back, followed to its outcome.
  await wb.runCommand('Tool Caller: Place Exotel Test Call');
  await ourDialog(wb, 'own-confirmation-again');
  await wb.page
    .locator(DIALOG)
    .locator('.monaco-button', { hasText: /^Place Call$/ })
    .click();
  await wb.waitForNotification(/Tool result: Placed one call on the profile “Sandbox” \(sandbox\)/);
  await wb.waitForNotification(/Call completed/, 60000);
  await wb.screenshot('placed-and-followed');
}
