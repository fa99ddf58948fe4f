// Smoke UI test: the workbench loads with the fixture workspace, the command palette lists and runs
// built-in commands, a fixture file opens in an editor. Screenshots land in artifacts/screenshots/.
import * as assert from 'assert';
import { Workbench } from './workbench';

export default async function smoke(wb: Workbench): Promise<void> {
  await wb.screenshot('workbench');

  // the explorer shows the fixture workspace
  await wb.openActivityBarContainer('Explorer');
  await wb.waitForTreeRow('numbers.txt');
  const rows = await wb.treeRows();
  assert.ok(
    rows.some(r => r.includes('calls.json')),
    `explorer rows: ${JSON.stringify(rows)}`,
  );

  // the palette lists a built-in command when its title is typed
  const items = await wb.showCommands('Developer: Reload Window');
  assert.ok(items.includes('Developer: Reload Window'), `palette items: ${JSON.stringify(items)}`);
  await wb.screenshot('palette');
  await wb.press('Escape');

  // a command runs from the palette; a fixture opens in an editor
  await wb.runCommand('View: Close All Editors');
  await wb.openFile('numbers.txt');
  const text = await wb.editorText();
  assert.ok(text.includes('+91 98765 43210'), `editor text: ${text.slice(0, 200)}`);
  await wb.screenshot('editor');
}
