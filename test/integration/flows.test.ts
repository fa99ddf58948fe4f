// Call flows in the editor: a flow file's diagnostics at their place, Simulate Incoming Call with keys typed in the input
// box or pressed on the run panel's keypad, Connect Call to Flow running the workspace's flow, and the Flow Runs view.
// The developer's URLs are a loopback server of the test; the flow file is written with its port.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FlowRun } from '../../src/flows';
import { Loopback, startLoopback } from '../helpers/loopback';
import { api, sandbox, waitFor } from './helpers';
import { runItems } from './testRuns';

const APP_ID = '424242';
const EXOPHONE = '01141172345'; // the sandbox's second seeded ExoPhone

function flowText(base: string): string {
  return JSON.stringify(
    {
      name: 'In-host test line',
      appId: APP_ID,
      exoPhone: EXOPHONE,
      applets: {
        welcome: { type: 'greeting', text: 'Welcome to the test line.', next: 'menu' },
        menu: { type: 'gather', prompt: { text: 'Press 1 for sales, 2 for support.' }, maxDigits: 1, next: { entered: 'route', noInput: 'bye' } },
        route: { type: 'passthru', url: `${base}/route`, next: { ok: 'sales', else: 'support' } },
        sales: { type: 'sms', text: 'Sales will call you back.', next: 'bye' },
        support: { type: 'greeting', text: 'Support is closed.', next: 'bye' },
        bye: { type: 'hangup' },
      },
    },
    null,
    2,
  );
}

interface AskedBox {
  options: vscode.InputBoxOptions;
  token?: vscode.CancellationToken;
}

/**
 * Answers the extension's input boxes (it shares this `vscode.window` with the tests): `answer` gets each box's
 * options and returns the text typed, undefined for Escape, or 'wait' to leave it open until the extension closes it.
 */
function answerInputBoxes(answer: (o: vscode.InputBoxOptions) => string | undefined | 'wait'): { asked: AskedBox[]; dispose(): void } {
  const w = vscode.window as unknown as { showInputBox: typeof vscode.window.showInputBox };
  const original = w.showInputBox;
  const asked: AskedBox[] = [];
  w.showInputBox = ((options: vscode.InputBoxOptions = {}, token?: vscode.CancellationToken) => {
    asked.push({ options, token });
    const typed = answer(options);
    if (typed !== 'wait') return Promise.resolve(typed);
    return new Promise<string | undefined>(resolve => token?.onCancellationRequested(() => resolve(undefined)));
  }) as typeof vscode.window.showInputBox;
  return { asked, dispose: () => void (w.showInputBox = original) };
}

const pathOf = (run: FlowRun) => run.path.map(p => (p.branch ? `${p.appletId}:${p.branch}` : p.appletId));

describe('call flows: Simulate Incoming Call, Connect Call to Flow, the run panel', function () {
  this.timeout(90000);
  let handler: Loopback;
  let flowUri: vscode.Uri;

  before(async () => {
    await sandbox();
    // The developer's Passthru: 200 (sales) for key 1, 302 (support) for anything else.
    handler = await startLoopback(req => {
      const digits = new URL(req.url, 'http://x').searchParams.get('digits');
      return { status: digits === '"1"' ? 200 : 302, body: '', headers: { 'Content-Type': 'text/plain' } };
    });
    const folder = vscode.workspace.workspaceFolders![0].uri;
    flowUri = vscode.Uri.joinPath(folder, 'scratch-test.exotel-flow.json');
    await vscode.workspace.fs.writeFile(flowUri, new TextEncoder().encode(flowText(handler.baseUrl)));
    const { flows } = await api();
    await waitFor('the flow file to be read', () => flows.workspace.flows().some(f => String(f.flow.appId) === APP_ID));
  });

  after(async () => {
    await vscode.workspace.fs.delete(flowUri).then(undefined, () => undefined);
    await handler?.close();
  });

  it('Simulate Incoming Call: the From number is checked as typed, the Gather asks for keys with what the caller hears', async () => {
    const { flows } = await api();
    const refusals: Array<string | undefined> = [];
    const boxes = answerInputBoxes(o => {
      if (o.title?.includes('the caller')) {
        refusals.push(String(o.validateInput?.('12345') ?? ''), String(o.validateInput?.('09876543210') ?? ''));
        return '09876543210';
      }
      assert.ok(o.validateInput?.('12'), 'two digits accepted by a one-digit Gather');
      assert.ok(o.validateInput?.('a'), 'a letter accepted as a key');
      return '1';
    });
    let runId: string | undefined;
    try {
      runId = await vscode.commands.executeCommand<string>(COMMANDS.flowsSimulateIncomingCall, { exoPhone: EXOPHONE });
    } finally {
      boxes.dispose();
    }
    assert.ok(runId, 'no run');
    assert.ok(refusals[0], 'a five-digit From was accepted');
    assert.strictEqual(refusals[1], '', 'a valid From was refused');
    const keyBox = boxes.asked.find(b => !b.options.title?.includes('the caller'));
    assert.ok(
      keyBox?.options.prompt?.includes('Press 1 for sales, 2 for support.'),
      `the key box does not say what the caller hears: ${keyBox?.options.prompt}`,
    );

    const run = flows.runs.get(runId)!;
    assert.deepStrictEqual(pathOf(run), ['welcome:next', 'menu:entered', 'route:ok', 'sales:next', 'bye']);
    assert.strictEqual(run.outcome?.reason, 'hangup');
    const route = handler.received.at(-1)!;
    const q = new URL(route.url, 'http://x').searchParams;
    assert.strictEqual(q.get('digits'), '"1"');
    assert.strictEqual(q.get('Direction'), 'incoming');
    assert.strictEqual(q.get('CallFrom'), '09876543210');
    assert.strictEqual(q.get('flow_id'), APP_ID);

    // The Flow Runs view lists it first; its panel shows the graph with the path taken and the timeline.
    await waitFor('the run in the Flow Runs view', () => flows.rows()[0]?.id === runId);
    assert.match(flows.rows()[0].description, /09876543210 → 01141172345/);
    const view = await waitFor('the run panel', () => {
      const v = flows.panelView(runId!);
      return v?.statusLabel === 'Ended' ? v : undefined;
    });
    const state = Object.fromEntries(view.graph.nodes.map(n => [n.id, n.state]));
    assert.deepStrictEqual(state, { welcome: 'visited', menu: 'visited', route: 'visited', sales: 'visited', support: 'idle', bye: 'visited' });
    assert.deepStrictEqual(
      view.graph.edges.filter(e => e.taken).map(e => `${e.from}>${e.to}`),
      ['welcome>menu', 'menu>route', 'route>sales', 'sales>bye'],
    );
    const routeStep = view.steps.find(s => s.appletId === 'route')!;
    assert.strictEqual(routeStep.requests[0].result, '200');
    assert.ok(routeStep.requests[0].params.some(p => p.label === 'digits' && p.value === '"1"'));
  });

  it("the run panel's keypad answers a waiting Gather, and closes the input box", async () => {
    const { flows } = await api();
    const boxes = answerInputBoxes(() => 'wait');
    try {
      const done = vscode.commands.executeCommand<string>(COMMANDS.flowsSimulateIncomingCall, { exoPhone: EXOPHONE, from: '+919876543211' });
      const run = await waitFor('a run waiting for keys', () => flows.runs.all().find(r => !r.outcome && flows.waitingFor(r.id)));
      const view = await waitFor('the keypad in the panel', () => flows.panelView(run.id)?.keys);
      assert.strictEqual(view.prompt, 'Press 1 for sales, 2 for support.');
      assert.throws(() => flows.pressKeys(run.id, '9x'), /0–9/);
      assert.ok(flows.pressKeys(run.id, '2'));
      assert.strictEqual(await done, run.id);
      assert.deepStrictEqual(pathOf(run), ['welcome:next', 'menu:entered', 'route:else', 'support:next', 'bye']);
      assert.ok(boxes.asked[0].token?.isCancellationRequested, 'the input box was left open');
      await waitFor('the keypad gone', () => flows.panelView(run.id)?.keys === undefined && flows.panelView(run.id)?.statusLabel === 'Ended');
    } finally {
      boxes.dispose();
    }
  });

  it('scripted keys from the command arguments; Escape in the key box is "pressed nothing"', async () => {
    const { flows } = await api();
    const scripted = await vscode.commands.executeCommand<string>(COMMANDS.flowsSimulateIncomingCall, {
      exoPhone: EXOPHONE,
      from: '09876543212',
      keys: ['2'],
    });
    assert.deepStrictEqual(pathOf(flows.runs.get(scripted)!), ['welcome:next', 'menu:entered', 'route:else', 'support:next', 'bye']);
    const boxes = answerInputBoxes(() => undefined);
    try {
      const escaped = await vscode.commands.executeCommand<string>(COMMANDS.flowsSimulateIncomingCall, { exoPhone: EXOPHONE, from: '09876543212' });
      assert.deepStrictEqual(pathOf(flows.runs.get(escaped)!).slice(0, 2), ['welcome:next', 'menu:noInput']);
    } finally {
      boxes.dispose();
    }
  });

  it('Connect Call to Flow on the sandbox runs the workspace flow with that app id', async () => {
    const { flows } = await api();
    const before = handler.received.length;
    const boxes = answerInputBoxes(() => '1');
    try {
      await vscode.commands.executeCommand(COMMANDS.connectCallToFlow, { from: '+919876543240', callerId: EXOPHONE, flow: { appId: APP_ID }, options: {} });
      const run = await waitFor('the flow run of the call', () => flows.runs.all().find(r => r.direction === 'outbound-dial' && r.outcome), 30000);
      assert.deepStrictEqual(pathOf(run), ['welcome:next', 'menu:entered', 'route:ok', 'sales:next', 'bye']);
      const q = new URL(handler.received.slice(before).at(-1)!.url, 'http://x').searchParams;
      assert.strictEqual(q.get('Direction'), 'outbound-dial');
      assert.strictEqual(q.get('flow_id'), APP_ID);
      assert.ok(
        boxes.asked.some(b => b.options.prompt?.includes('Press 1')),
        'the keys were not asked',
      );
    } finally {
      boxes.dispose();
    }
  });

  it('a flow file gets diagnostics where the problem is, and loses them when it is fixed', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'scratch-broken.exotel-flow.json');
    const text =
      '{\n  "appId": "77",\n  "applets": {\n    "hello": { "type": "greeting", "text": "Hi", "next": "nowhere" },\n    "ask": { "type": "passthru", "url": "ftp://x" }\n  }\n}\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const diags = await waitFor('the diagnostics', () => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.some(x => x.code === 'no-target') && d.some(x => x.code === 'bad-url') ? d : undefined;
      });
      const target = diags.find(d => d.code === 'no-target')!;
      assert.strictEqual(target.range.start.line, 3);
      assert.strictEqual(doc.getText(target.range).replace(/"/g, ''), 'nowhere');
      assert.strictEqual(diags.find(d => d.code === 'bad-url')!.range.start.line, 4);
      // Fixed while typing (not saved): the diagnostics follow the document.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, target.range, '"ask"');
      const urlAt = doc.getText().indexOf('ftp://x');
      edit.replace(uri, new vscode.Range(doc.positionAt(urlAt), doc.positionAt(urlAt + 7)), 'http://127.0.0.1:9/x');
      await vscode.workspace.applyEdit(edit);
      await waitFor('no error left', () => !vscode.languages.getDiagnostics(uri).some(d => d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('New Call Flow writes a flow that validates and answers the sandbox ExoPhone', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'scratch-new.exotel-flow.json');
    try {
      await vscode.commands.executeCommand(COMMANDS.flowsNewCallFlow, { name: 'Brand new line', uri: uri.toString() });
      const { flows } = await api();
      const loaded = await waitFor('the new flow', () => flows.workspace.flows().find(f => f.flow.name === 'Brand new line'));
      assert.strictEqual(loaded.flow.exoPhone, '08047112345');
      assert.ok(!vscode.languages.getDiagnostics(uri).some(d => d.severity === vscode.DiagnosticSeverity.Error), 'the template has errors');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('a call test suite with flows runs in the Test Explorer; a failure points at its expectation and links the run', async () => {
    const { callTests, flows } = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'scratch-flow.exotel-tests.json');
    const suite = {
      profile: 'sandbox',
      defaults: { from: '+919876543210', callerId: EXOPHONE },
      tests: [
        {
          name: 'incoming, key 1 goes to sales',
          flow: { appId: APP_ID, direction: 'incoming', keys: ['1'] },
          expect: { flow: { path: ['welcome', 'menu:entered', 'route:ok', 'sales', 'bye'], requests: [{ applet: 'route', status: 200 }] } },
        },
        {
          name: 'outgoing, key 2 is said to go to sales',
          flow: { file: 'scratch-test.exotel-flow.json', keys: ['2'] },
          expect: { flow: { path: ['welcome', 'menu:entered', 'route:ok', 'sales', 'bye'] } },
        },
      ],
    };
    const text = JSON.stringify(suite, null, 2);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const entry = await waitFor('the flow suite in the Test Explorer', () => callTests.items.get(uri));
      const rec = await runItems([entry.item]);
      const [pass, fail] = [entry.tests.get(0)!, entry.tests.get(1)!];
      assert.deepStrictEqual(rec.passed, [pass.id], JSON.stringify(rec.failed.map(f => f.messages.map(m => m.message))));
      assert.strictEqual(rec.failed.length, 1);
      assert.strictEqual(rec.failed[0].id, fail.id);
      const m = rec.failed[0].messages[0];
      // At the path element that did not happen: the second test's "route:ok".
      const wrong = text.indexOf('"route:ok"', text.indexOf('outgoing, key 2'));
      const line = text.slice(0, wrong).split('\n').length - 1;
      assert.strictEqual(m.location?.range.start.line, line, `the failure is not at its expectation: ${JSON.stringify(m.location?.range)}`);
      const md = m.message as vscode.MarkdownString;
      const link = /command:exotel\.flows\.showRun\?([^)]+)\)/.exec(md.value);
      assert.ok(link, `no link to the run: ${md.value}`);
      const [runId] = JSON.parse(decodeURIComponent(link[1])) as string[];
      assert.ok(flows.runs.get(runId), 'the linked run is not in the Flow Runs view');
      assert.strictEqual(flows.panelView(runId), undefined, "a test's run opened a panel by itself");
      await vscode.commands.executeCommand(COMMANDS.flowsShowRun, runId);
      const view = await waitFor('the linked run panel', () => flows.panelView(runId));
      assert.strictEqual(view.graph.nodes.find(n => n.id === 'support')?.state, 'visited');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });
});
