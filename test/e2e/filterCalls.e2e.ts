// Filter Calls… through the palette, step by step as a user would, on the in-extension sandbox.
import * as assert from 'assert';
import { Workbench } from './workbench';

export default async function filterCalls(wb: Workbench): Promise<void> {
  await wb.openActivityBarContainer('Exotel');
  await wb.view('Calls').getByText('Try the sandbox').first().click();
  await wb.waitForTreeRow(/Today|Yesterday/, 'Calls');

  await wb.runCommand('Exotel: Filter Calls…');
  await wb.pickQuickItem(/Busy/); // a multi-select: the click ticks it
  await wb.press('Enter');
  await wb.pickQuickItem(/Any direction/);
  await wb.pickQuickItem(/Last 7 days/);
  await wb.answerQuickInput('', /number/);
  await wb.answerQuickInput('10-600', /duration/);
  await wb.answerQuickInput('', /price/);

  const banner = wb.view().getByText('Filtered: busy · last 7 days · duration 10–600 s');
  await banner.waitFor();
  // The rows refresh a moment after the banner: wait until the listing is the filtered one.
  const statusIcons = () =>
    wb
      .view('Calls')
      .locator('.monaco-list-row .codicon')
      .evaluateAll(els => els.map(e => e.className).filter(c => /codicon-(pass-filled|circle-slash|bell-slash|error|close)\b/.test(c)));
  let icons: string[] = [];
  await wb
    .waitUntil('only busy calls listed', async () => {
      icons = await statusIcons();
      return icons.length > 0 && icons.every(c => /codicon-circle-slash/.test(c));
    })
    .catch(() => undefined); // the assertions below say what is listed
  assert.ok(icons.length > 0, 'some calls are listed');
  assert.ok(
    icons.every(c => /codicon-circle-slash/.test(c)),
    `only busy icons: ${icons.join(' | ')}`,
  );
  await wb.screenshot('filtered-busy');

  await wb.runCommand('Exotel: Clear Filter');
  await banner.waitFor({ state: 'detached' });
}
