// Call Stats as a user opens it: the button on the Calls view, a range, the charts in dark, light and high
// contrast themes (README screenshot), a bar and a table row that filter the Calls view, a chart saved as PNG.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Workbench } from './workbench';

/** The page marks a chart box data-drawn once its SVG is in; `within` narrows to one render (e.g. 30 days). */
async function waitForCharts(wb: Workbench, within = '.chart-section'): Promise<void> {
  await wb.webview().locator(`${within} .chart[data-drawn] svg .mark`).first().waitFor({ timeout: 60000 });
  await wb.webviewSettled();
}

async function waitForFile(wb: Workbench, file: string): Promise<Buffer> {
  await wb.waitUntil(`${file} written`, () => fs.existsSync(file) && fs.statSync(file).size > 0, 30000);
  return fs.readFileSync(file);
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
  // The 30-day render: its per-day table has a 30th row (the 7-day one stays on screen while it loads).
  await waitForCharts(wb, '[data-chart="perDay"]:has(tbody tr:nth-child(30))');
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
  // The charts below the fold are drawn when scrolled to: talk time and spend, then the horizontal breakdowns.
  for (const [chart, shot] of [
    ['talkTime', 'call-stats-more'],
    ['exophone', 'call-stats-breakdowns'],
  ]) {
    await wb.webview().locator(`[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
    await waitForCharts(wb, `[data-chart="${chart}"]`);
    await wb.screenshot(shot);
  }
  await wb.press('Control+B');

  // A legend entry switches its series off and on, as Chart.js's did.
  const perDay = wb.webview().locator('[data-chart="perDay"]');
  assert.ok((await perDay.locator('.mark[data-series="0"]').count()) > 0, 'answered bars are drawn');
  await perDay.locator('.legend-entry').first().click();
  await perDay.locator('.legend-entry[aria-pressed="false"]').waitFor({ timeout: 30000 });
  assert.strictEqual(await perDay.locator('.mark[data-series="0"]').count(), 0, 'answered bars are hidden');
  await perDay.locator('.legend-entry').first().click();
  await perDay.locator('.mark[data-series="0"]').first().waitFor({ timeout: 30000 });
  // A bar filters the Calls view to its calls (a day and an outcome of the stacked chart).
  await wb.webview().locator('[data-chart="perDay"] .mark').first().click();
  await wb
    .view()
    .getByText(/Filtered: Call Stats: .* \(\d+ calls\)/)
    .first()
    .waitFor({ timeout: 30000 });
  await wb.runCommand('Exotel: Clear Filter');

  // Save as Image: the SVG chart becomes a PNG file, by default in the workspace folder. The simple file dialog
  // fills in its default path and reads the folder after it opens: OK once both are there.
  const png = path.join(wb.folder, 'exotel-perDay.png');
  fs.rmSync(png, { force: true });
  await wb.webview().locator('[data-chart="perDay"]').getByText('Save as Image').click();
  const dialog = wb.page.locator('.quick-input-widget').filter({ hasText: 'Save Chart as Image' });
  await wb.page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input')?.value.endsWith('exotel-perDay.png'),
    undefined,
    { timeout: 30000 },
  );
  await dialog.locator('.monaco-list-row').first().waitFor({ timeout: 30000 });
  await dialog.getByRole('button', { name: 'OK' }).click();
  try {
    const bytes = await waitForFile(wb, png);
    assert.strictEqual(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
    assert.ok(bytes.length > 2000, `a chart, not an empty image (${bytes.length} bytes)`);
    // Kept beside the screenshots, to look at.
    fs.writeFileSync(path.join(wb.screenshotDir, 'callStats-saved-chart.png'), bytes);
  } finally {
    fs.rmSync(png, { force: true });
  }

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
