// Call test suites in the Test Explorer: discovery, following edits, a run whose failure shows at the line of the
// expectation, cancel, and a real-profile suite refused without a call.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, sandbox, waitFor } from './helpers';
import { runItems } from './testRuns';

const FIXTURE = 'checkout.exotel-tests.json';

async function fixtureEntry() {
  const { callTests } = await api();
  await callTests.controller.resolveHandler?.(undefined);
  return waitFor('the fixture suite', () => callTests.items.all().find(e => e.uri.path.endsWith(`/${FIXTURE}`)));
}

const lineOf = (text: string, needle: string, after = 0) => text.slice(0, text.indexOf(needle, after)).split('\n').length - 1;

describe('call tests in the Test Explorer', function () {
  this.timeout(90000);
  before(async () => {
    await sandbox();
  });

  it('finds the suites in the workspace, one item per test at its line', async () => {
    const entry = await fixtureEntry();
    const text = entry.suite.text;
    assert.strictEqual(entry.item.label, FIXTURE);
    assert.strictEqual(entry.item.description, 'sandbox');
    const tests = [...entry.tests.values()];
    assert.deepStrictEqual(
      tests.map(t => t.label),
      [
        'order confirmation call is answered',
        'busy customer is reported busy',
        'unanswered call ends as no-answer',
        'retry reaches the customer',
        'DND number is refused',
        'IVR flow answers',
      ],
    );
    for (const t of tests) assert.strictEqual(t.range?.start.line, lineOf(text, `"name": "${t.label}"`), t.label);
  });

  it('follows edits: a new test appears, a broken rule gets a diagnostic at its place', async () => {
    const { callTests } = await api();
    // A scratch suite of its own: the host may save edits by itself, and the fixture must stay as it is.
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'scratch.exotel-tests.json');
    const base =
      '{\n  "defaults": { "from": "+919876543210", "callerId": "08047112345" },\n  "tests": [\n    { "name": "first", "to": "+919812345670", "expect": { "status": "completed" } }\n  ]\n}\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(base));
    try {
      const entry = await waitFor('the scratch suite', () => callTests.items.get(uri));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(
        uri,
        doc.positionAt(doc.getText().lastIndexOf('}', doc.getText().lastIndexOf(']')) + 1),
        ',\n    { "name": "added while typing", "to": "+919812345671", "flow": { "appId": "1" }, "expect": { "status": "completed" } }',
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      const item = await waitFor('the new test item', () => [...entry.tests.values()].find(t => t.label === 'added while typing'));
      assert.strictEqual(item.range?.start.line, lineOf(doc.getText(), 'added while typing'));
      assert.strictEqual(item.error, 'Give "to" or "flow", not both.');
      const diag = await waitFor('our diagnostic', () => vscode.languages.getDiagnostics(uri).find(d => d.source === 'Exotel call tests'));
      assert.strictEqual(diag.message, 'Give "to" or "flow", not both.');
      assert.strictEqual(doc.getText(diag.range), '{ "appId": "1" }');
      await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the deleted suite gone', () => !callTests.items.get(uri));
  });

  it('runs tests on the sandbox: passes, and a failure at the line of its expectation with expected, actual and the Call SID', async () => {
    const entry = await fixtureEntry();
    const text = entry.suite.text;
    const items = [...entry.tests.values()];
    const rec = await runItems(items);
    assert.ok(rec.ended);
    assert.deepStrictEqual(rec.errored, []);
    const label = (id: string) => items.find(i => i.id === id)?.label;
    assert.deepStrictEqual(rec.passed.map(label).sort(), [
      'DND number is refused',
      'IVR flow answers',
      'busy customer is reported busy',
      'order confirmation call is answered',
      'unanswered call ends as no-answer',
    ]);
    assert.deepStrictEqual(
      rec.failed.map(f => label(f.id)),
      ['retry reaches the customer'],
    );
    const [m] = rec.failed[0].messages;
    assert.strictEqual(m.expectedOutput, 'completed');
    assert.strictEqual(m.actualOutput, 'failed');
    const testStart = text.indexOf('"retry reaches the customer"');
    assert.strictEqual(m.location?.range.start.line, lineOf(text, '"status": "completed"', testStart));
    assert.strictEqual(m.location?.uri.toString(), entry.uri.toString());
    const md = m.message as vscode.MarkdownString;
    assert.match(md.value.replace(/&nbsp;/g, ' '), /Status is failed, expected completed\./);
    const sid = (await api()).callTests.lastCalls.get(rec.failed[0].id)!;
    assert.match(sid, /^[0-9a-z]{32}$/);
    assert.ok(md.value.includes(`command:exotel.showCallDetails?${encodeURIComponent(JSON.stringify([sid]))}`));
  });

  it('cancel stops waiting and says the placed call is not undone', async () => {
    const entry = await fixtureEntry();
    const item = [...entry.tests.values()].find(t => t.label === 'order confirmation call is answered')!;
    const rec = await runItems([item], (_, cancel) => cancel());
    assert.ok(rec.ended);
    assert.deepStrictEqual(rec.passed, []);
    assert.strictEqual(rec.errored.length + rec.skipped.length, 1);
    if (rec.errored.length) assert.match(String(rec.errored[0].messages[0].message), /not undone/);
  });

  it('a suite for another profile is refused with what to do, and places no call', async () => {
    const s = await sandbox();
    const { callTests } = await api();
    const uri = vscode.Uri.parse('untitled:/real.exotel-tests.json');
    const entry = callTests.items.update(
      uri,
      JSON.stringify({
        profile: 'staging',
        allowNumbers: ['+919876543210', '+919812345670'],
        maxCalls: 1,
        defaults: { from: '+919876543210', callerId: '08047112345' },
        tests: [{ name: 'real call', to: '+919812345670', expect: { status: 'completed' } }],
      }),
    );
    const posts = s.requests.filter(r => r.method === 'POST').length;
    try {
      callTests.items.text = async () => entry.suite.text; // an untitled document has no file to read
      const rec = await runItems([...entry.tests.values()]);
      assert.strictEqual(rec.errored.length, 1);
      assert.match(String(rec.errored[0].messages[0].message), /This suite runs on profile “staging”: switch to it .* No call was placed\./);
      assert.strictEqual(s.requests.filter(r => r.method === 'POST').length, posts);
    } finally {
      delete (callTests.items as unknown as Record<string, unknown>).text;
      callTests.items.remove(uri);
    }
  });
});
