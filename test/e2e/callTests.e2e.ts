// Call test suites in the Test Explorer, as a user meets them: the suite file open, Run All, the failure shown
// inline at its line with expected and actual, every test's result in the tree. The README's screenshot.
import * as assert from 'assert';
import { E2EHostOptions, Workbench } from './workbench';

export const host: E2EHostOptions = { settings: { 'testing.automaticallyOpenPeekView': 'failureInVisibleDocument' } };

export default async function callTests(wb: Workbench): Promise<void> {
  await wb.runCommand('Exotel: Start Sandbox', 60000);
  await wb.page.locator('.statusbar-item', { hasText: 'Exotel: Sandbox' }).first().waitFor({ timeout: 60000 });
  await wb.clearNotifications();
  await wb.openFile('checkout.exotel-tests.json');
  await wb.runCommand('Testing: Focus on Test Explorer View', 60000);
  const explorer = wb.view();
  // With one test controller, VS Code lists its items at the top level: the suite file, then its tests.
  await wb.waitForTreeRow(/checkout\.exotel-tests\.json/, undefined, 60000);
  await wb.expandTreeRow(/checkout\.exotel-tests\.json/);
  await wb.waitForTreeRow(/retry reaches the customer/);

  await wb.runCommand('Test: Run All Tests');
  // The failing test's message opens in the editor at its expectation's line.
  const peek = wb.page.locator('.monaco-editor .peekview-widget', { hasText: 'Status is failed, expected completed' }).first();
  await peek.waitFor({ timeout: 120000 });
  // Every test has a result icon: five passed, one failed.
  const icons = () => explorer.locator('.monaco-list-row .codicon').evaluateAll(els => els.map(e => e.className));
  let passed = 0;
  let failed = 0;
  await wb
    .waitUntil(
      'five passed and one failed in the tree',
      async () => {
        const all = await icons();
        passed = all.filter(c => /testing-passed-icon/.test(c)).length;
        failed = all.filter(c => /testing-failed-icon/.test(c)).length;
        return passed >= 5 && failed >= 1;
      },
      30000,
    )
    .catch(() => undefined); // the assertion below says what the tree shows
  assert.ok(passed >= 5 && failed >= 1, `results in the tree: ${passed} passed, ${failed} failed`);
  await wb.settled();
  await wb.screenshot('test-explorer');
}
