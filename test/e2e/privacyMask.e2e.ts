// Screen sharing: Toggle Masking of Phone Numbers masks the Calls view at once, with a status bar item that says so.
import * as assert from 'assert';
import { Workbench } from './workbench';

const FULL_NUMBER = /\+91 \d{5} \d{5}/;
const MASKED_NUMBER = /\+91 ••••• ••\d{3}/;

export default async function privacyMask(wb: Workbench): Promise<void> {
  await wb.openActivityBarContainer('Exotel');
  await wb.view('Calls').getByText('Try the sandbox').first().click();
  await wb.waitForTreeRow(/Today|Yesterday/, 'Calls', 90000); // the sandbox starts and lists calls; slow on a loaded machine
  await wb.waitForTreeRow(FULL_NUMBER, 'Calls', 60000);

  await wb.runCommand('Exotel: Toggle Masking of Phone Numbers');
  await wb.waitForTreeRow(MASKED_NUMBER, 'Calls', 60000);
  const rows = await wb.treeRows('Calls');
  assert.ok(!rows.some(r => FULL_NUMBER.test(r)), `a full number is still shown: ${rows.find(r => FULL_NUMBER.test(r))}`);
  let items: string[] = [];
  await wb
    .waitUntil('the status bar item', async () => {
      items = await wb.statusBarItems();
      return items.some(i => /Numbers masked/.test(i));
    })
    .catch(() => undefined); // the assertion below lists the items
  assert.ok(
    items.some(i => /Numbers masked/.test(i)),
    `no status bar item says so: ${items.join(' | ')}`,
  );
  await wb.screenshot('calls-masked');

  await wb.runCommand('Exotel: Toggle Masking of Phone Numbers');
  await wb.waitForTreeRow(FULL_NUMBER, 'Calls', 60000);
}
