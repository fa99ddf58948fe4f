// Call Stats as a user opens it: the button on the Calls view, a range, the charts in dark, light and high
// contrast themes (README screenshot), a table row that filters the Calls view.
import * as assert from 'assert';
import { Workbench } from './workbench';

async function waitForCharts(wb: Workbench, subtitle?: RegExp): Promise<void> {
  await wb.webview().locator('.chart-section canvas').first().waitFor({ timeout: 60000 });
  if (subtitle) await wb.webview().getByText(subtitle).first().waitFor({ timeout: 60000 });
  await wb.sleep(800); // the charts draw in the frame after the figures
}

/** The theme list is virtual (only rows on screen exist): type the name, then Enter. */
async function pickTheme(wb: Workbench, theme: string): Promise<void> {
  await wb.runCommand('Preferences: Color Theme');
  await wb.page.keyboard.type(theme);
  await wb.sleep(500);
  await wb.press('Enter');
  await wb.sleep(1500);
}

export default async function callStats(wb: Workbench): Promise<void> {
  await wb.openActivityBarContainer('Exotel');
  await wb.view('Calls').getByText('Try the sandbox').first().click();
  await wb.waitForTreeRow(/Today|Yesterday/, 'Calls', 90000);

  // The Calls view is alone in its container: its title actions show in the side bar's title.
  await wb.view().locator('a.action-label[aria-label^="Show Call Stats"]:visible').first().click();
  await waitForCharts(wb);
  const figures = await wb.webviewText('.headline');
  assert.match(figures, /Calls\s*\d+/);
  assert.match(figures, /Answer rate \(ASR\)/);
  assert.match(figures, /Spend on calls not answered/);

  await wb.webview().locator('#range').selectOption('last30');
  await waitForCharts(wb, /fetched/);
  await wb.webview().getByText('Calls per day by outcome').first().waitFor({ timeout: 60000 });
  await wb.press('Control+B'); // hide the side bar: the panel gets the width
  await wb.sleep(600);
  await wb.screenshot('call-stats');
  await pickTheme(wb, 'Dark Modern');
  await wb.screenshot('call-stats-dark');
  await pickTheme(wb, 'Dark High Contrast');
  await wb.screenshot('call-stats-high-contrast');
  await pickTheme(wb, 'Light Modern');
  await wb.press('Control+B');

  // A table row filters the Calls view to its calls.
  const exo = wb.webview().locator('[data-chart="exophone"]');
  await exo.getByText('Table').click();
  await exo.locator('tbody tr').first().click();
  await wb
    .view()
    .getByText(/Filtered: Call Stats: .* \(\d+ calls\)/)
    .first()
    .waitFor({ timeout: 30000 });
  await wb.screenshot('call-stats-filtered-calls');
  await wb.runCommand('Exotel: Clear Filter');
}
