// The packaged VSIX, installed into a real VS Code, used as a user would in one run: start the sandbox,
// place a call from the palette, see it in the call log with its status icon and outcome, hover a number
// in a file, open the call details and number panels. Run with `--vsix` (npm test does).
import * as assert from 'assert';
import { Workbench } from '../workbench';

export default async function userJourney(wb: Workbench): Promise<void> {
  // The extension is installed, not loaded from source.
  await wb.openActivityBarContainer('Exotel');
  await wb.view('Calls').getByText('Try the sandbox').first().click();
  await wb.waitForNotification(/sandbox is running/);
  await wb.waitForTreeRow(/Today|Yesterday/, 'Calls');
  const status = await wb.statusBarItems();
  assert.ok(
    status.some(s => /Exotel: Sandbox/.test(s)),
    `status bar: ${JSON.stringify(status)}`,
  );
  await wb.clearNotifications();

  // A call from the palette: the sandbox profile brings its ExoPhone, so only From and To are asked.
  await wb.runCommand('Exotel: Connect Call');
  await wb.answerQuickInput('+91 98450 12340', /From/);
  await wb.answerQuickInput('+91 98765 43210', /To/);
  await wb.page.locator('.quick-input-widget', { hasText: 'Place call' }).waitFor();
  await wb.screenshot('palette-connect-call');
  await wb.pickQuickItem(/Place call/);
  const outcome = await wb.waitForNotification(/Call completed/, 30000);
  assert.match(outcome, /talked for/);
  const placed = wb.view('Calls').locator('.monaco-list-row', { hasText: '+91 98765 43210' }).first();
  await placed.waitFor();
  assert.ok(await placed.locator('.codicon-pass-filled').count(), 'the placed call shows the completed icon');
  await wb.screenshot('call-log-with-placed-call');

  // Its details, from the notification.
  await wb.clickNotificationButton(/Call completed/, 'Show Details');
  const summary = await wb.webviewText('#summary');
  assert.match(summary, /talked for/);
  await wb.screenshot('call-details');

  // A number in a file: the hover shows circle, operator and DND; its link opens the number panel.
  await wb.runCommand('View: Close All Editors');
  await wb.openFile('numbers.txt');
  const hover = await wb.hover('+91 98765 43210', /Circle: /);
  assert.match(hover, /Operator: \S+[\s\S]*DND: (Yes|No|Unavailable)/);
  await wb.settled(); // the hover has faded in
  await wb.screenshot('number-hover');
  await wb.page
    .locator('.monaco-hover a', { hasText: /Open number details/ })
    .first()
    .click();
  const panel = await wb.webviewText('h1');
  assert.match(panel, /98765 43210/);
  await wb.screenshot('number-panel');
}

/** Hovers may ask Exotel right away: the user allowed it, as the first-run question would. */
export const host = { settings: { 'exotel.hover.lookup': 'auto' } };
