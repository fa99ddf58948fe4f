// More of placing calls on the sandbox: Connect Call to Flow, the DND check before dialling, the production
// confirmation, Repeat Last Call, and every connect option reaching the sandbox. Modal questions are answered
// through watchMessages (the host cannot click a dialog); everything else is the real command.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Call } from '../../src/exotel';
import { startLoopback } from '../helpers/loopback';
import { api, connects, lookups, sandbox, ShownMessage, waitFor, watchMessages, withProfile } from './helpers';

const AGENT = '+919845012340';
const CALLER = '08047112345';
const CALLER_E164 = '+918047112345';

/** A local webhook that keeps what it receives. */
async function webhook() {
  const server = await startLoopback(() => ({ body: 'ok' }));
  return { url: `${server.baseUrl}/exotel/status`, received: server.received, close: () => server.close() };
}

/**
 * The notification that ended the follow-up of one call (with Show Details / Show in Call Log). The extension logs
 * it as "Call <sid>: <message>", which ties the message shown to this call and not to an earlier one.
 */
async function outcomeShown(sid: string, shown: ShownMessage[]): Promise<ShownMessage> {
  const a = await api();
  const prefix = `Call ${sid}: `;
  const line = await waitFor(`the outcome of ${sid}`, () => a.log.recent.find(l => l.startsWith(prefix)), 20000);
  const told = shown.find(m => !m.modal && m.message === line.slice(prefix.length) && m.items.includes('Show in Call Log'));
  assert.ok(told, `the outcome was logged but not shown: ${line}`);
  return told;
}

describe('connect call: flows, DND, production, repeat, every option', function () {
  this.timeout(60000);
  let watch: ReturnType<typeof watchMessages> | undefined;

  before(async () => {
    await sandbox();
  });

  afterEach(() => {
    watch?.dispose();
    watch = undefined;
  });

  it('an error message from Exotel holding a command link is shown as text: no live link in the notification', async () => {
    const s = await sandbox();
    watch = watchMessages();
    const link = '[Fix the number](command:exotel.signOut?%5B%22all%22%5D)';
    s.faults.next({ kind: 'status', status: 400, body: { RestException: { Status: 400, Message: `Invalid To. ${link}` } } }, { path: '/Calls/connect' });
    const result = await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543231', callerId: CALLER });
    assert.strictEqual(result, undefined);
    const shown = watch.shown.find(m => m.message.includes('Invalid To'));
    assert.ok(shown, `not shown: ${JSON.stringify(watch.shown.map(m => m.message))}`);
    assert.ok(shown.message.includes('Fix the number'), 'the text itself is kept');
    assert.strictEqual(/\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+\)/.exec(shown.message), null, shown.message);
  });

  it('sends every connect option, and the sandbox acts on them: WaitUrl, RecordingChannels, RecordingFormat, CallType, StatusCallbackContentType', async () => {
    const s = await sandbox();
    const hook = await webhook();
    try {
      const before = connects(s).length;
      const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, {
        from: AGENT,
        to: '+919876543232',
        callerId: CALLER,
        options: {
          callType: 'trans',
          timeLimit: 900,
          timeOut: 45,
          waitUrl: 'https://example.com/music/hold.wav',
          record: true,
          recordingChannels: 'dual',
          recordingFormat: 'mp3-hq',
          customField: 'every-field',
          statusCallback: hook.url,
          statusCallbackEvents: ['terminal', 'answered'],
          statusCallbackContentType: 'application/json',
        },
      });
      assert.ok(call?.sid, 'no call was placed');
      assert.strictEqual(connects(s).length - before, 1);
      const req = connects(s).at(-1)!;
      assert.deepStrictEqual(req.fields, [
        ['From', AGENT],
        ['To', '+919876543232'],
        ['CallerId', CALLER_E164],
        ['WaitUrl', 'https://example.com/music/hold.wav'],
        ['Record', 'true'],
        ['RecordingChannels', 'dual'],
        ['RecordingFormat', 'mp3-hq'],
        ['CallType', 'trans'],
        ['TimeLimit', '900'],
        ['TimeOut', '45'],
        ['CustomField', 'every-field'],
        ['StatusCallback', hook.url],
        ['StatusCallbackEvents[0]', 'terminal'],
        ['StatusCallbackEvents[1]', 'answered'],
        ['StatusCallbackContentType', 'application/json'],
      ]);
      assert.match(req.body, /&WaitUrl=https%3A%2F%2Fexample\.com%2Fmusic%2Fhold\.wav&/);
      assert.match(req.body, /&StatusCallbackContentType=application%2Fjson$/);
      // what the sandbox made of them
      const request = s.calls.get(call.sid)?.request;
      assert.ok(request, 'the sandbox kept no request for the call');
      assert.strictEqual(request.waitUrl, 'https://example.com/music/hold.wav');
      assert.strictEqual(request.recordingChannels, 'dual');
      assert.strictEqual(request.recordingFormat, 'mp3-hq');
      assert.strictEqual(request.callType, 'trans');
      assert.strictEqual(request.statusCallbackJson, true);
      assert.deepStrictEqual(request.statusCallbackEvents, ['terminal', 'answered']);
      // StatusCallbackContentType=application/json: both events arrive as JSON
      const terminal = await waitFor('the terminal callback', () => hook.received.find(r => r.body.includes('"EventType":"terminal"')), 20000);
      const answered = hook.received.find(r => r.body.includes('"EventType":"answered"'));
      assert.ok(answered, 'no answered callback');
      for (const r of [terminal, answered]) assert.strictEqual(r.headers['content-type'], 'application/json');
      const body = JSON.parse(terminal.body) as Record<string, unknown>;
      assert.strictEqual(body.CallSid, call.sid);
      assert.strictEqual(body.Status, 'completed');
      assert.strictEqual(body.CustomField, 'every-field');
    } finally {
      await hook.close();
    }
  });

  describe('Connect Call to Flow', () => {
    it('with an app id: one POST whose Url is the documented flow URL of the account, no To; the outcome follows', async () => {
      const s = await sandbox();
      const a = await api();
      watch = watchMessages();
      const before = connects(s).length;
      // a flow call dials From: its last digit (1) asks the sandbox for "completed"
      const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCallToFlow, {
        from: '+919876543241',
        callerId: CALLER,
        flow: { appId: '201334' },
        options: {},
      });
      assert.ok(call?.sid, 'no call was placed');
      assert.strictEqual(connects(s).length - before, 1);
      assert.deepStrictEqual(connects(s).at(-1)!.fields, [
        ['From', '+919876543241'],
        ['CallerId', CALLER_E164],
        ['Url', `http://my.exotel.com/${s.accountSid}/exoml/start_voice/201334`],
      ]);
      assert.strictEqual(s.calls.get(call.sid)?.request?.flowUrl, `http://my.exotel.com/${s.accountSid}/exoml/start_voice/201334`);
      const final = await waitFor('completed', () => a.callLog.model.state.calls.find(c => c.sid === call.sid && c.status === 'completed'), 20000);
      assert.strictEqual(final.status, 'completed');
      const told = await outcomeShown(call.sid, watch.shown);
      assert.match(told.message, /^Call completed/);
      assert.strictEqual(connects(s).length - before, 1, 'following the call sent nothing more');
    });

    it('with a full URL: the Url as given; options that do not apply to flows are refused by name; busy is told as busy', async () => {
      const s = await sandbox();
      const a = await api();
      watch = watchMessages();
      const before = connects(s).length;
      const url = 'https://flows.example.com/ivr/start?lang=hi';
      const refused = await vscode.commands.executeCommand(COMMANDS.connectCallToFlow, {
        from: '+919876543245',
        callerId: CALLER,
        flow: { url },
        options: { timeLimit: 300, record: true },
      });
      assert.strictEqual(refused, undefined);
      assert.strictEqual(connects(s).length, before, 'a flow call with a recording option was sent');
      assert.ok(
        watch.shown.some(m => /options\.record/.test(m.message)),
        `not told which key: ${JSON.stringify(watch.shown.map(m => m.message))}`,
      );
      const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCallToFlow, {
        from: '+919876543245',
        callerId: CALLER,
        flow: { url },
        options: { timeLimit: 300, customField: 'flow-1' },
      });
      assert.ok(call?.sid, 'no call was placed');
      assert.strictEqual(connects(s).length - before, 1);
      assert.deepStrictEqual(connects(s).at(-1)!.fields, [
        ['From', '+919876543245'],
        ['CallerId', CALLER_E164],
        ['Url', url],
        ['TimeLimit', '300'],
        ['CustomField', 'flow-1'],
      ]);
      await waitFor('busy', () => a.callLog.model.state.calls.find(c => c.sid === call.sid && c.status === 'busy'), 20000);
      const told = await outcomeShown(call.sid, watch.shown);
      assert.strictEqual(told.kind, 'showWarningMessage');
      assert.match(told.message, /^Call ended: busy\./);
    });

    it('a From on the DND register is checked too (a flow dials From): onDnd cancel sends nothing', async () => {
      const s = await sandbox();
      const before = connects(s).length;
      const result = await vscode.commands.executeCommand(COMMANDS.connectCallToFlow, {
        from: '+919000012343',
        callerId: CALLER,
        flow: { appId: '201334' },
        onDnd: 'cancel',
        options: {},
      });
      assert.strictEqual(result, undefined);
      assert.strictEqual(connects(s).length, before, 'a connect was sent');
      assert.ok(lookups(s, '+919000012343').length >= 1, 'From was not looked up');
    });
  });

  describe('the DND check before a call', () => {
    it('a To on the DND register brings the warning that says what Exotel will do; Cancel sends nothing', async () => {
      const s = await sandbox();
      watch = watchMessages(() => undefined);
      const before = connects(s).length;
      const result = await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919000012351', callerId: CALLER, options: {} });
      assert.strictEqual(result, undefined);
      assert.strictEqual(connects(s).length, before, 'a connect was sent');
      assert.strictEqual(lookups(s, '+919000012351').length, 1, 'To was looked up once');
      const [warning, ...more] = watch.modals();
      assert.ok(warning, 'no DND warning');
      assert.strictEqual(more.length, 0);
      assert.strictEqual(warning.kind, 'showWarningMessage');
      assert.strictEqual(warning.message, '+919000012351 is on the DND register.');
      assert.match(warning.detail ?? '', /transactional/);
      assert.match(warning.detail ?? '', /last 6 months/);
      assert.match(warning.detail ?? '', /whitelisted/);
      assert.match(warning.detail ?? '', /403/);
      assert.deepStrictEqual(warning.items, ['Call Anyway']);
    });

    it("Call Anyway sends one connect; the sandbox's 403 is explained in words", async () => {
      const s = await sandbox();
      const a = await api();
      watch = watchMessages(m => (m.message.includes('DND register') ? 'Call Anyway' : undefined));
      const before = connects(s).length;
      const result = await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919000012352', callerId: CALLER, options: {} });
      assert.strictEqual(result, undefined);
      assert.strictEqual(watch.modals().length, 1, 'the warning was not shown');
      assert.strictEqual(connects(s).length - before, 1);
      assert.strictEqual(connects(s).at(-1)!.status, 403);
      const error = watch.shown.find(m => m.kind === 'showErrorMessage');
      assert.ok(error, 'the refusal was not shown');
      assert.strictEqual(a.log.shown.at(-1), error.message);
      assert.match(error.message, /^Placing the call was refused \(403\)\./);
      assert.match(error.message, /TRAI NDNC/);
      assert.match(error.message, /Do Not Disturb \(NCPR\) register/);
      assert.match(error.message, /transactional calls to numbers that called your ExoPhone in the last 6 months, or whitelisted numbers/);
    });

    it('onDnd cancel: nothing is sent and nothing is asked', async () => {
      const s = await sandbox();
      watch = watchMessages();
      const before = connects(s).length;
      const result = await vscode.commands.executeCommand(COMMANDS.connectCall, {
        from: AGENT,
        to: '+919000012353',
        callerId: CALLER,
        onDnd: 'cancel',
        options: {},
      });
      assert.strictEqual(result, undefined);
      assert.strictEqual(connects(s).length, before, 'a connect was sent');
      assert.strictEqual(lookups(s, '+919000012353').length, 1, 'To was not looked up');
      assert.strictEqual(watch.modals().length, 0);
    });

    it('onDnd call: sent without asking; the 403 for DND is explained', async () => {
      const s = await sandbox();
      const a = await api();
      watch = watchMessages();
      const before = connects(s).length;
      const result = await vscode.commands.executeCommand(COMMANDS.connectCall, {
        from: AGENT,
        to: '+919000012354',
        callerId: CALLER,
        onDnd: 'call',
        options: {},
      });
      assert.strictEqual(result, undefined);
      assert.strictEqual(watch.modals().length, 0);
      assert.strictEqual(connects(s).length - before, 1);
      assert.deepStrictEqual(connects(s).at(-1)!.fields, [
        ['From', AGENT],
        ['To', '+919000012354'],
        ['CallerId', CALLER_E164],
      ]);
      const shown = a.log.shown.at(-1) ?? '';
      assert.match(shown, /refused \(403\)/);
      assert.match(shown, /Do Not Disturb/);
    });

    it('a number whose DND status is Unavailable, or not on the register, is called without a warning', async () => {
      const s = await sandbox();
      watch = watchMessages();
      const before = connects(s).length;
      for (const to of ['+919000112344', '+919876543304']) {
        const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, { from: AGENT, to, callerId: CALLER, options: {} });
        assert.ok(call?.sid, `no call to ${to} was placed`);
        assert.strictEqual(lookups(s, to).length, 1, `${to} was not looked up`);
      }
      assert.strictEqual(connects(s).length - before, 2);
      assert.strictEqual(watch.modals().length, 0);
    });
  });

  describe('confirmation before a call', () => {
    const NAME = 'Production (connect test)';

    it('a production profile asks before each call, with a summary; declining sends nothing', async () => {
      const s = await sandbox();
      const a = await api();
      await withProfile(s, { name: NAME, production: true }, async () => {
        let answer: string | undefined;
        watch = watchMessages(() => answer);
        const before = connects(s).length;
        const args = { from: AGENT, to: '+919876543263', callerId: CALLER, options: { timeLimit: 60 } };

        answer = undefined; // Cancel
        assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.connectCall, args), undefined);
        assert.strictEqual(connects(s).length, before, 'a declined call was sent');
        const [asked] = watch.modals();
        assert.ok(asked, 'nothing was asked');
        assert.strictEqual(asked.message, `Place a real call from the production profile “${NAME}”?`);
        assert.strictEqual(asked.detail, `From: ${AGENT}\nTo: +919876543263\nCallerId: ${CALLER_E164}\nTimeLimit: 60`);
        assert.deepStrictEqual(asked.items, ['Place Call']);

        answer = 'Place Call';
        const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, args);
        assert.ok(call?.sid, 'a confirmed call was not placed');
        assert.strictEqual(watch.modals().length, 2, 'the second call was not asked about');
        assert.strictEqual(connects(s).length - before, 1);

        answer = undefined;
        const other = { from: AGENT, to: '+919876543264', callerId: CALLER, options: {} };
        assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.connectCall, other), undefined);
        assert.strictEqual(watch.modals().length, 3, 'the third call was not asked about');
        assert.strictEqual(connects(s).length - before, 1);
      });
      assert.strictEqual((await a.account.current())?.id, 'sandbox');
      assert.ok(!a.account.list().some(p => p.name === NAME));
    });

    it('exotel.confirmBeforeCalling asks on the sandbox profile too', async () => {
      const s = await sandbox();
      await vscode.workspace.getConfiguration('exotel').update('confirmBeforeCalling', true, vscode.ConfigurationTarget.Global);
      try {
        watch = watchMessages(() => undefined);
        const before = connects(s).length;
        const result = await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543273', callerId: CALLER, options: {} });
        assert.strictEqual(result, undefined);
        assert.strictEqual(connects(s).length, before, 'a declined call was sent');
        assert.deepStrictEqual(
          watch.modals().map(m => m.message),
          ['Place this call?'],
        );
      } finally {
        await vscode.workspace.getConfiguration('exotel').update('confirmBeforeCalling', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });

  describe('Repeat Last Call', () => {
    // The repeat window (CallPlacer.REPEAT_WINDOW_MS) is measured on the test clock: stopped by a test, so that
    // "within the window" holds however slow the machine, and moved on rather than waited out.
    afterEach(async () => (await api()).placer.clock.resume());

    it('asks first; declining sends nothing; each confirmed repeat sends the same request once', async () => {
      const s = await sandbox();
      const a = await api();
      const windowMs = a.placer.repeatWindowMs;
      assert.ok(windowMs > 1, `REPEAT_WINDOW_MS is ${windowMs}`);
      a.placer.clock.stop();
      let answer: string | undefined;
      watch = watchMessages(() => answer);
      const first = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, {
        from: AGENT,
        to: '+919876543283',
        callerId: CALLER,
        options: { timeLimit: 120, customField: 'again' },
      });
      assert.ok(first?.sid, 'no call was placed');
      const original = connects(s).at(-1)!.fields;
      const before = connects(s).length;

      answer = undefined;
      assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.repeatLastCall), undefined);
      assert.strictEqual(connects(s).length, before, 'a declined repeat was sent');
      assert.deepStrictEqual(
        watch.modals().map(m => [m.message, m.items]),
        [[`Call +919876543283 again from ${AGENT}?`, ['Call Again']]],
      );

      // Answered in the dialog, the repeat is deliberate: placed at once, within the repeat window.
      answer = 'Call Again';
      const second = await vscode.commands.executeCommand<Call>(COMMANDS.repeatLastCall);
      assert.ok(second?.sid, 'a confirmed repeat placed no call');
      assert.notStrictEqual(second.sid, first.sid);
      assert.strictEqual(connects(s).length - before, 1);
      assert.deepStrictEqual(connects(s).at(-1)!.fields, original);
      assert.strictEqual(watch.modals().length, 2);

      // confirmed by the caller (the argument true): no question; within the window (up to its last millisecond on
      // the stopped clock) it is taken for an echo
      const echo = await vscode.commands.executeCommand<Call>(COMMANDS.repeatLastCall, true);
      assert.strictEqual(echo?.sid, second.sid, 'an automated repeat within the window placed a call');
      await waitFor('the repeated call in the call log', () => a.callLog.model.state.calls.find(c => c.sid === second.sid));
      a.placer.clock.advance(windowMs - 1);
      const late = await vscode.commands.executeCommand<Call>(COMMANDS.repeatLastCall, true);
      assert.strictEqual(late?.sid, second.sid, 'an automated repeat at the end of the window placed a call');
      assert.strictEqual(connects(s).length - before, 1);
      a.placer.clock.advance(1); // the window is over
      const third = await vscode.commands.executeCommand<Call>(COMMANDS.repeatLastCall, true);
      assert.ok(third?.sid, 'a repeat confirmed by argument placed no call');
      assert.ok(third.sid !== first.sid && third.sid !== second.sid);
      assert.strictEqual(connects(s).length - before, 2);
      assert.deepStrictEqual(connects(s).at(-1)!.fields, original);
      assert.strictEqual(watch.modals().length, 2, 'a confirmed repeat asked again');
    });

    it('repeats a flow call as a flow call', async () => {
      const s = await sandbox();
      const flow = await vscode.commands.executeCommand<Call>(COMMANDS.connectCallToFlow, {
        from: '+919876543292',
        callerId: CALLER,
        flow: { appId: '4242' },
        options: { timeOut: 20 },
      });
      assert.ok(flow?.sid, 'no flow call was placed');
      const original = connects(s).at(-1)!.fields;
      assert.deepStrictEqual(
        original.find(([k]) => k === 'Url'),
        ['Url', `http://my.exotel.com/${s.accountSid}/exoml/start_voice/4242`],
      );
      const before = connects(s).length;
      watch = watchMessages(() => 'Call Again');
      const again = await vscode.commands.executeCommand<Call>(COMMANDS.repeatLastCall);
      assert.ok(again?.sid && again.sid !== flow.sid, 'the flow call was not repeated');
      assert.strictEqual(connects(s).length - before, 1);
      assert.deepStrictEqual(connects(s).at(-1)!.fields, original);
      assert.deepStrictEqual(
        watch.modals().map(m => m.message),
        [`Call the flow again from +919876543292?`],
      );
    });
  });
});
