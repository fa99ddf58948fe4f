// Call Stats as a user opens it: the button on the Calls view, a range, the charts in dark, light and high
// contrast themes (README screenshot), a table row that filters the Calls view.
import * as assert from 'assert';
import { Workbench } from './workbench';

// Chart.js styles a canvas (display: block) when it draws a chart in it.
const DRAWN_CHART = '.chart-section canvas[style*="display: block"]';

async function waitForCharts(wb: Workbench, subtitle?: RegExp): Promise<void> {
  if (subtitle) await wb.webview().getByText(subtitle).first().waitFor({ timeout: 60000 });
  await wb.webview().locator(DRAWN_CHART).first().waitFor({ timeout: 60000 });
  await wb.webviewSettled();
}

/**
 * The theme list is virtual (only rows on screen exist): type the name, Enter once its row is the focused one,
 * then wait until the panel has the theme's kind (`body.vscode-dark` …) and has drawn its charts again.
 */
async function pickTheme(wb: Workbench, theme: string, kind: 'vscode-dark' | 'vscode-light' | 'vscode-high-contrast'): Promise<void> {
  await wb.runCommand('Preferences: Color Theme');
  await wb.page.keyboard.type(theme);
  await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: theme }).first().waitFor();
  await wb.press('Enter');
  await wb.page.locator('.quick-input-widget').visible().waitFor({ state: 'hidden' });
  await wb.webview().locator(`body.${kind}`).waitFor();
  await waitForCharts(wb);
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
  await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await wb.settled();
  await wb.webviewSettled();
  await wb.screenshot('call-stats');
  await pickTheme(wb, 'Dark Modern', 'vscode-dark');
  await wb.screenshot('call-stats-dark');
  await pickTheme(wb, 'Dark High Contrast', 'vscode-high-contrast');
  await wb.screenshot('call-stats-high-contrast');
  await pickTheme(wb, 'Light Modern', 'vscode-light');
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
