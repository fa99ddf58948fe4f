// Placing calls on the sandbox: the exact request, every outcome, one request per action, dry runs, DND and KYC.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Call } from '../../src/exotel';
import { startLoopback } from '../helpers/loopback';
import { api, CANARY, sandbox, waitFor, watchMessages } from './helpers';

const AGENT = '+919845012340';
const CALLER = '08047112345';

describe('connect call', function () {
  this.timeout(60000);
  before(async () => {
    await sandbox();
  });

  it('sends exactly the documented request: form encoding, Basic auth header, no credentials in the URL', async () => {
    const s = await sandbox();
    const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, {
      from: AGENT,
      to: '98765 43210',
      callerId: CALLER,
      options: {
        timeLimit: 600,
        timeOut: 30,
        record: true,
        customField: 'order-7',
        statusCallback: 'http://127.0.0.1:9/cb',
        statusCallbackEvents: ['terminal'],
      },
    });
    assert.match(call.sid, /^[0-9a-z]{32}$/);
    assert.strictEqual(call.status, 'in-progress');
    const req = s.requests.filter(r => r.method === 'POST').at(-1)!;
    assert.strictEqual(req.url, `/v1/Accounts/${s.accountSid}/Calls/connect.json`);
    assert.strictEqual(req.headers.authorization, s.authorization);
    assert.strictEqual(req.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepStrictEqual(req.fields, [
      ['From', AGENT],
      ['To', '+919876543210'],
      ['CallerId', '+918047112345'],
      ['Record', 'true'],
      ['TimeLimit', '600'],
      ['TimeOut', '30'],
      ['CustomField', 'order-7'],
      ['StatusCallback', 'http://127.0.0.1:9/cb'],
      ['StatusCallbackEvents[0]', 'terminal'],
    ]);
    assert.ok(!req.url.includes(s.apiToken) && !req.url.includes('@'));
    const a = await api();
    assert.ok(
      a.callLog.model.state.calls.some(c => c.sid === call.sid),
      'the call is in the call log at once',
    );
  });

  it('takes the call options flat as well as under options, and refuses a key it does not know', async () => {
    const s = await sandbox();
    const a = await api();
    const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, {
      from: AGENT,
      to: '+919876543202',
      callerId: CALLER,
      timeLimit: 600,
      customField: 'flat',
    });
    assert.match(call.sid, /^[0-9a-z]{32}$/);
    const fields = s.requests.filter(r => r.method === 'POST').at(-1)!.fields;
    assert.deepStrictEqual(
      fields.filter(([k]) => k === 'TimeLimit' || k === 'CustomField'),
      [
        ['TimeLimit', '600'],
        ['CustomField', 'flat'],
      ],
    );
    const before = s.requests.filter(r => r.method === 'POST').length;
    const result = await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543203', callerId: CALLER, TimeLimit: 600 });
    assert.strictEqual(result, undefined);
    assert.strictEqual(s.requests.filter(r => r.method === 'POST').length, before, 'nothing was sent');
    assert.match(a.log.shown.at(-1) ?? '', /exotel\.connectCall does not take “TimeLimit”.*“timeLimit”/);
  });

  for (const [to, status] of [
    ['+919876543211', 'completed'],
    ['+919876543215', 'busy'],
    ['+919876543216', 'no-answer'],
    ['+919876543217', 'failed'],
    ['+919876543218', 'canceled'],
  ] as const) {
    it(`follows a call to ${to} until it ends: ${status}`, async () => {
      const a = await api();
      const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, { from: AGENT, to, callerId: CALLER });
      const final = await waitFor(`${status}`, () => a.callLog.model.state.calls.find(c => c.sid === call.sid && c.status === status), 20000);
      assert.strictEqual(final.status, status);
    });
  }

  it('a double invocation sends one connect request', async () => {
    const s = await sandbox();
    // "Within the moment" is measured on the test clock: stopped here, so that it holds however slow the machine
    // (a loaded one took longer than the moment between the two invocations and the repeat).
    const { placer } = await api();
    placer.clock.stop();
    try {
      const before = s.requests.filter(r => r.method === 'POST').length;
      const args = { from: AGENT, to: '+919876543212', callerId: CALLER };
      const [a, b] = await Promise.all([
        vscode.commands.executeCommand<Call>(COMMANDS.connectCall, args),
        vscode.commands.executeCommand<Call>(COMMANDS.connectCall, args),
      ]);
      assert.strictEqual(a.sid, b.sid);
      assert.strictEqual(s.requests.filter(r => r.method === 'POST').length - before, 1);
      const again = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, args);
      assert.strictEqual(again.sid, a.sid, 'a repeat within the moment is not a second call');
      assert.strictEqual(s.requests.filter(r => r.method === 'POST').length - before, 1);
    } finally {
      placer.clock.resume();
    }
  });

  it("delivers the StatusCallback to the developer's own URL (exotel.sandbox.statusCallbackUrl)", async () => {
    const server = await startLoopback(() => ({ body: 'ok' }));
    const url = `${server.baseUrl}/exotel/status`;
    await vscode.workspace.getConfiguration('exotel').update('sandbox.statusCallbackUrl', url, vscode.ConfigurationTarget.Global);
    try {
      const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, { from: AGENT, to: '+919876543201', callerId: CALLER });
      const body = await waitFor('the callback', () => server.received.map(r => r.body).find(b => b.includes(call.sid)), 20000);
      assert.match(body, /name="Status"\r\n\r\ncompleted/, 'multipart/form-data with the final status');
    } finally {
      await vscode.workspace.getConfiguration('exotel').update('sandbox.statusCallbackUrl', undefined, vscode.ConfigurationTarget.Global);
      await server.close();
    }
  });

  it('a dry run copies cURL with the token masked and sends nothing', async () => {
    const s = await sandbox();
    // Only what the dry run could send counts: the call log and earlier calls' follow-ups poll in the background.
    const sent = () => s.requests.filter(r => r.method === 'POST' || r.path.includes('/Numbers/')).length;
    const before = sent();
    const snippet = await vscode.commands.executeCommand<string>(COMMANDS.connectCall, { from: AGENT, to: '+919876543213', callerId: CALLER, dryRun: 'curl' });
    assert.strictEqual(sent(), before);
    assert.match(snippet, /curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/v1\/Accounts\/.+\/Calls\/connect\.json'/);
    assert.match(snippet, /--data-urlencode 'To=\+919876543213'/);
    assert.ok(!snippet.includes(s.apiToken) && !snippet.includes(s.apiKey));
    assert.strictEqual(await vscode.env.clipboard.readText(), snippet);
  });

  it('a KYC refusal (403) is explained; a connect whose connection drops is never retried and may have placed the call', async () => {
    const s = await sandbox();
    const a = await api();
    const messages = watchMessages();
    // Errors only: an earlier test's call may end meanwhile and announce its outcome (an information or warning).
    const errors = () => messages.shown.filter(m => m.kind === 'showErrorMessage');
    try {
      const result = await vscode.commands.executeCommand(COMMANDS.connectCall, { from: '+919000212345', to: '+919876543210', callerId: CALLER });
      assert.strictEqual(result, undefined);
      assert.strictEqual(errors().length, 1, JSON.stringify(messages.shown));
      assert.match(errors()[0].message, /KYC/);
      assert.strictEqual(a.log.shown.at(-1), errors()[0].message);
      const before = s.requests.filter(r => r.method === 'POST').length;
      s.faults.next({ kind: 'drop' }, { method: 'POST' });
      await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543224', callerId: CALLER });
      assert.strictEqual(s.requests.filter(r => r.method === 'POST').length - before, 1);
      assert.strictEqual(errors().length, 2, JSON.stringify(messages.shown));
      assert.match(errors()[1].message, /may have been placed/);
      assert.strictEqual(a.log.shown.at(-1), errors()[1].message);
    } finally {
      messages.dispose();
      s.faults.clear();
    }
  });

  it('a server that echoes the token shows the user no token', async () => {
    const a = await api();
    const s = await sandbox();
    s.faults.next(
      { kind: 'status', status: 400, body: { RestException: { Status: 400, Message: `Bad request for ${s.apiToken} and ${CANARY}` } } },
      { method: 'POST' },
    );
    await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543223', callerId: CALLER });
    const shown = a.log.shown.at(-1) ?? '';
    assert.match(shown, /Bad request for/);
    assert.ok(!shown.includes(s.apiToken), `the token was shown: ${shown}`);
    assert.ok(!a.log.recent.join('\n').includes(s.apiToken));
  });
});
