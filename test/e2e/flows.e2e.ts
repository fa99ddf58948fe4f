// A call flow as a user runs it: the example flow (examples/support.exotel-flow.json) against the example handler
// (examples/flow-handler.js, on a port of this test), Simulate Incoming Call from the palette, the run panel with the
// keypad while the Gather waits, then the graph with the path taken and the timeline; the Flow Runs view lists it.
import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { E2EHostOptions, Workbench } from './workbench';

const PORT = 47631;
// Tall enough for the whole example flow's graph beside the timeline.
export const host: E2EHostOptions = { viewport: { width: 1440, height: 1000 } };
const ROOT = path.join(__dirname, '..', '..', '..');

async function handlerUp(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'examples', 'flow-handler.js'), String(PORT)], { stdio: 'ignore' });
  for (const deadline = Date.now() + 10000; Date.now() < deadline;) {
    const up = await fetch(`http://127.0.0.1:${PORT}/health`).then(
      r => r.status < 500,
      () => false,
    );
    if (up) return child;
    await new Promise(r => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the example handler did not start');
}

/** Collapses a side-bar view by its title (the header's middle may be one of its action buttons). */
async function collapse(wb: Workbench, title: string): Promise<void> {
  const header = wb.page.locator('.part.sidebar .pane-header', { has: wb.page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.locator('h3.title').click();
}

export default async function flows(wb: Workbench): Promise<void> {
  const example = fs.readFileSync(path.join(ROOT, 'examples', 'support.exotel-flow.json'), 'utf8');
  const FLOW = path.join(wb.folder, 'support.exotel-flow.json');
  const schema = path.relative(wb.folder, path.join(ROOT, 'schemas', 'exotel-flow.schema.json'));
  fs.writeFileSync(FLOW, example.replace(/127\.0\.0\.1:3005/g, `127.0.0.1:${PORT}`).replace('"../schemas/exotel-flow.schema.json"', JSON.stringify(schema)));
  const handler = await handlerUp();
  try {
    await wb.openActivityBarContainer('Exotel');
    await wb.view('Calls').getByText('Try the sandbox').first().click();
    await wb.waitForTreeRow(/Today|Yesterday/, 'Calls', 60000);
    await wb.view('Flow Runs').getByText('Simulate Incoming Call').first().waitFor();
    await collapse(wb, 'Calls');
    await collapse(wb, 'Callbacks');
    // A wider side bar, so that the Flow Runs row shows who called whom.
    await wb.widenSidebar(90);
    await wb.clearNotifications();

    await wb.openFile('support.exotel-flow.json');
    await wb.screenshot('flow-file');

    await wb.runCommand('Exotel: Simulate Incoming Call');
    await wb.answerQuickInput('09876543210', /caller/);
    // The simulated call lands in the Calls view, which may open its day: give the Flow Runs view the room again
    // (here, and once more before the Flow Runs row is read).
    await collapse(wb, 'Calls');
    // The Gather asks: the input box says what the caller hears, and the run panel shows the keypad.
    await wb.page
      .locator('.quick-input-widget')
      .visible()
      .filter({ hasText: /Press 1 for sales/ })
      .waitFor({ timeout: 30000 });
    const keypad = wb.webview().locator('section.keypad');
    await keypad.waitFor({ timeout: 20000 });
    assert.match(await keypad.innerText(), /Press 1 for sales/);
    await wb.screenshot('keypad');
    // Keys pressed on the panel's keypad: 2, then Send Keys.
    await keypad.locator('button[data-key="2"]').click();
    await keypad.locator('vscode-button', { hasText: 'Send Keys' }).click();

    const summary = wb.webview().locator('#summary');
    await summary.filter({ hasText: /Hangup/ }).waitFor({ timeout: 30000 });
    assert.match(await summary.innerText(), /Hangup applet ended the call/);
    const svg = wb.webview().locator('svg.flow-graph');
    assert.strictEqual(await svg.locator('g.node.visited').count(), 7, 'the boxes on the path');
    assert.ok((await svg.locator('g.edge.taken').count()) >= 6, 'the arrows of the path');
    await wb.webviewSettled();
    await wb.screenshot('run-panel');

    // A click on a box shows its step, its request open.
    await svg.locator('g.node[data-applet="route"]').click();
    const step = wb.webview().locator('#step-3 details.request').first();
    await step.locator('table.fields').first().waitFor();
    assert.match(await step.innerText(), /digits/);
    await wb.webview().locator('li.step.flash').waitFor({ state: 'detached' }); // the step's highlight has faded
    await wb.webviewSettled();
    await wb.screenshot('run-request');

    await collapse(wb, 'Calls');
    const row = await wb.waitForTreeRow(/Acme support line/, 'Flow Runs');
    assert.match(await row.innerText(), /09876543210 → 08047112345/);
  } finally {
    handler.kill();
    fs.rmSync(FLOW, { force: true });
  }
}
