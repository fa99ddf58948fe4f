// The Callbacks view in a real VS Code: a sandbox call whose handler answers 500 then 200, Resend and Edit and
// Resend reaching the handler, the receiver recording and forwarding, Export, and Connect Call's inbox option.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Delivery, parsePayload, resultKind } from '../../src/callbacks';
import type { Call } from '../../src/exotel';
import { Loopback, startLoopback } from '../helpers/loopback';
import { api, sandbox, waitFor, watchMessages } from './helpers';

const AGENT = '+919845012340';
const CALLER = '08047112345';

describe('callbacks view', function () {
  this.timeout(90000);
  let hook: Loopback;
  const deliveriesOf = async (sid: string) => (await api()).callbacks.store.all().filter(d => d.callSid === sid);
  const fieldsOf = (body: string, type: string | undefined) => new Map(parsePayload(type, body).fields);

  before(async () => {
    await sandbox();
    // The first delivery fails with 500, every later one succeeds.
    hook = await startLoopback((_r, i) => (i === 0 ? { status: 500, body: '{"error":"db down"}' } : { status: 200, body: '{"ok":true}' }));
    await vscode.commands.executeCommand(COMMANDS.callbacksClear);
  });
  after(async () => {
    await vscode.commands.executeCommand(COMMANDS.callbacksStopReceiver);
    await hook.close();
  });

  let failed: Delivery;
  let delivered: Delivery;

  it('a sandbox call whose handler answers 500 then 200: the view shows the failure and the retry, the panel both attempts', async () => {
    const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, {
      from: AGENT,
      to: '+919876543210',
      callerId: CALLER,
      options: { statusCallback: `${hook.baseUrl}/exotel/status` },
    });
    const both = await waitFor(
      'two attempts',
      async () => {
        const list = await deliveriesOf(call.sid);
        return list.length === 2 && list.every(d => d.done) ? list : undefined;
      },
      30000,
    );
    [failed, delivered] = both;
    assert.deepStrictEqual(
      both.map(d => [resultKind(d), d.attempt, d.maxAttempts]),
      [
        ['5xx', 1, 3],
        ['2xx', 2, 3],
      ],
    );
    assert.strictEqual(failed.answer?.body, '{"error":"db down"}');

    const a = await api();
    const group = await waitFor('the group row', () => a.callbacks.rows().find(g => g.children.some(c => c.id === failed.id)));
    assert.match(group.label, /\+91 98765 43210 · completed/);
    assert.match(group.description, /2 deliveries, 1 failed/);
    assert.strictEqual(group.icon, 'pass-filled');
    const [newest, oldest] = group.children;
    assert.deepStrictEqual([newest.icon, oldest.icon], ['pass-filled', 'error']);
    assert.deepStrictEqual([oldest.label, newest.label], ['HTTP 500 · attempt 1 of 3', 'HTTP 200 · attempt 2 of 3']);
    assert.match(oldest.description, /^terminal · \d\d:\d\d:\d\d · \d+ ms · → 127\.0\.0\.1:\d+\/exotel\/status$/);

    await vscode.commands.executeCommand(COMMANDS.callbacksShow, failed.id);
    const view = await waitFor('the panel', () => a.callbacks.panelView());
    assert.strictEqual(view.answer?.line.startsWith('HTTP 500'), true);
    assert.strictEqual(view.answer?.body, '{"error":"db down"}');
    assert.match(view.request.line, /^POST http:\/\/127\.0\.0\.1:\d+\/exotel\/status$/);
    assert.ok(view.request.fields.some(f => f.label === 'CallSid' && f.value === call.sid));
    assert.ok(view.request.headers.some(h => h.label === 'Content-Type' && h.value.startsWith('multipart/form-data; boundary=')));
    assert.deepStrictEqual(
      view.attempts.map(x => [x.attempt, x.current]),
      [
        ['1 of 3', true],
        ['2 of 3', false],
      ],
    );

    await vscode.commands.executeCommand(COMMANDS.callbacksOpenCall, failed.id);
    const details = await waitFor('Open Call', () => a.callDetails.view(call.sid));
    assert.strictEqual(details.sid, call.sid);
  });

  it('Resend sends the same request again; Edit and Resend sends the changed field; both reach the handler', async () => {
    const before = hook.received.length;
    const resentId = await vscode.commands.executeCommand<string>(COMMANDS.callbacksResend, delivered.id);
    assert.ok(resentId);
    await waitFor('the resend', () => hook.received.length === before + 1);
    const again = hook.received[before];
    assert.strictEqual(again.url, '/exotel/status');
    assert.deepStrictEqual(
      [...fieldsOf(again.body, again.headers['content-type'] as string)],
      [...fieldsOf(delivered.request.body, delivered.request.headers['Content-Type'])],
    );
    const a = await api();
    assert.strictEqual(resultKind(a.callbacks.store.get(resentId)!), '2xx');

    const uri = await vscode.commands.executeCommand<string>(COMMANDS.callbacksEditAndResend, delivered.id);
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri)!;
    assert.ok(doc, 'the edit document is open');
    assert.match(doc.getText(), /"Status": "completed"/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(
      lenses.some(l => /Send Edited Callback/.test(l.command?.title ?? '')),
      'a CodeLens offers to send',
    );
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('"Status": "completed"');
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"Status": "completed"'.length)), '"Status": "busy"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const editedId = await vscode.commands.executeCommand<string>(COMMANDS.callbacksSendEdited, doc.uri);
    await waitFor('the edited resend', () => hook.received.length === before + 2);
    const sent = hook.received[before + 1];
    const fields = fieldsOf(sent.body, sent.headers['content-type'] as string);
    assert.strictEqual(fields.get('Status'), 'busy');
    assert.strictEqual(fields.get('CallSid'), delivered.callSid);
    assert.ok(a.callbacks.store.get(editedId));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("with Exotel's retry schedule (the default setting) a failed callback shows its pending retry counting down; Resend still goes at once", async () => {
    const a = await api();
    const handle = a.sandbox.handle!;
    const down = await startLoopback((_r, i) => (i === 0 ? { status: 503, body: 'down' } : { status: 200, body: 'ok' }));
    const config = vscode.workspace.getConfiguration('exotel');
    // The suite's sandbox was started with fast retries; the setting applies to the running sandbox at once.
    await config.update('sandbox.callbackRetries', 'exotel', vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual(a.callbacks.countingDown(), false, 'no timer while nothing is pending');
      const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, {
        from: AGENT,
        to: '+919876543211',
        callerId: CALLER,
        options: { statusCallback: `${down.baseUrl}/exotel/status` },
      });
      const first = await waitFor('the failed attempt', async () => (await deliveriesOf(call.sid)).find(d => d.done && d.nextRetryAt), 30000);
      assert.strictEqual(first.nextRetryAt!.getTime() - first.at.getTime() >= 299_000, true, 'Exotel: 5 minutes after the failure');
      const row = await waitFor('the row with its countdown', () =>
        a.callbacks
          .rows()
          .flatMap(g => g.children)
          .find(c => c.id === first.id && / · retry in \d+ min$/.test(c.label)),
      );
      assert.match(row.label, /^HTTP 503 · attempt 1 of 3 · retry in 5 min$/);
      assert.strictEqual(a.callbacks.countingDown(), true, 'a timer runs while the retry is pending');

      const resentId = await vscode.commands.executeCommand<string>(COMMANDS.callbacksResend, first.id);
      await waitFor('the resend, at once', () => (down.received.length === 2 ? true : undefined), 10000);
      assert.ok(a.callbacks.store.get(resentId)?.done);
      assert.strictEqual((await deliveriesOf(call.sid)).filter(d => d.source === 'sandbox').length, 1, 'the sandbox has not retried yet');
    } finally {
      await config.update('sandbox.callbackRetries', undefined, vscode.ConfigurationTarget.Global);
      handle.setCallbackRetries('fast');
      // The 5-minute retry must not land in a later test.
      handle.cancelCallbackRetries();
      await down.close();
      await vscode.commands.executeCommand(COMMANDS.callbacksClear);
    }
    // Cleared: nothing pending is shown, so no timer is left running.
    await waitFor('the timer to stop', () => (a.callbacks.rows().length === 0 && !a.callbacks.countingDown()) || undefined);
  });

  it('the receiver records a POST and forwards it to the handler; Copy as Fixture masks; Export masks secrets', async () => {
    const url = await vscode.commands.executeCommand<string>(COMMANDS.callbacksStartReceiver, { port: 0, forwardTo: hook.baseUrl });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const before = hook.received.length;
    const payload = { CallSid: 'b6cfaf5fbc0ee55f4ff9e1ea8d2e1aa1', Status: 'no-answer', To: '09876543219', EventType: 'terminal' };
    const res = await fetch(`${url}/exotel/status?src=tunnel`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer canary-secret-0123456789' },
      body: JSON.stringify(payload),
    });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(await res.text(), '{"ok":true}');
    assert.strictEqual(hook.received[before].url, '/exotel/status?src=tunnel');
    assert.deepStrictEqual(JSON.parse(hook.received[before].body), payload);
    const a = await api();
    const rec = await waitFor('the receiver record', () => a.callbacks.store.all().find(d => d.source === 'receiver' && d.done));
    assert.strictEqual(rec.callSid, payload.CallSid);
    assert.strictEqual(rec.answer?.status, 200);
    assert.strictEqual(rec.forwardedTo, `${hook.baseUrl}/exotel/status?src=tunnel`);
    const row = a.callbacks
      .rows()
      .flatMap(g => g.children)
      .find(c => c.id === rec.id)!;
    assert.strictEqual(row.label, 'HTTP 200');
    assert.match(row.description, /^terminal · \d\d:\d\d:\d\d · \d+ ms · received, forwarded to 127\.0\.0\.1:\d+\/exotel\/status$/);

    const fixture = await vscode.commands.executeCommand<string>(COMMANDS.callbacksCopyFixture, rec.id, { mask: true });
    assert.deepStrictEqual(JSON.parse(fixture), { ...payload, CallSid: `b6cf${'x'.repeat(28)}`, To: 'XXXXXXX3219' });

    const out = vscode.Uri.file(path.join(os.tmpdir(), `exotel-callbacks-${process.pid}.jsonl`));
    const watch = watchMessages();
    try {
      await vscode.commands.executeCommand(COMMANDS.callbacksExport, { uri: out });
    } finally {
      watch.dispose();
    }
    const text = fs.readFileSync(out.fsPath, 'utf8');
    fs.rmSync(out.fsPath, { force: true });
    const lines = text
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    assert.strictEqual(lines.length, a.callbacks.store.size);
    assert.ok(!text.includes('canary-secret'), 'the Authorization header is masked');
    assert.ok(lines.some(l => l.source === 'receiver' && l.request.headers.Authorization === '***'));

    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.callbacksStopReceiver), true);
    assert.strictEqual(a.callbacks.receiver.current, undefined);
  });

  it('Connect Call\'s review step offers "Send callbacks to the Callbacks view": a sandbox call then lands there, answered 200', async () => {
    const w = vscode.window as unknown as { showQuickPick: typeof vscode.window.showQuickPick };
    const original = w.showQuickPick;
    const picks: string[] = [];
    // Pick the inbox item once, then Place call.
    w.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      const list = await items;
      const inbox = list.find(i => /Send callbacks to the Callbacks view/.test(i.label));
      const choice = !picks.length ? inbox : list.find(i => /Place call/.test(i.label));
      picks.push(choice?.label ?? '');
      return choice;
    }) as unknown as typeof vscode.window.showQuickPick;
    let call: Call;
    try {
      call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, { from: AGENT, to: '+919876543212', callerId: CALLER, review: true });
    } finally {
      w.showQuickPick = original;
    }
    assert.ok(call!, `the call was placed (picked: ${picks.join(' | ')})`);
    const s = await sandbox();
    const sent = s.requests.filter(r => r.method === 'POST' && r.path.includes('/Calls/connect')).at(-1)!;
    assert.strictEqual(new Map(sent.fields).get('StatusCallback'), `${s.baseUrl}/sandbox/callbacks`);
    const d = await waitFor('the inbox delivery', async () => (await deliveriesOf(call.sid)).find(x => x.done), 30000);
    assert.strictEqual(resultKind(d), '2xx');
  });
});
