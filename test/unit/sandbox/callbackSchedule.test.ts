// Retry schedules (Exotel's 5 min / 15 min by default, none, fast), callback faults (drop, duplicate, late) and the
// warning for StatusCallbackEvents spellings Exotel does not document. Real HTTP to a loopback webhook.
import * as assert from 'assert';
import { CALLBACK_RETRY_SCHEDULES, Sandbox } from '../../../src/sandbox';
import { BASIC, connect, start, waitFor, webhook } from './helpers';

const BOTH_EVENTS = { 'StatusCallbackEvents[0]': 'terminal', 'StatusCallbackEvents[1]': 'answered' };

describe('sandbox: StatusCallback retry schedules', () => {
  it("the schedules: Exotel's (5 min, then 15 min), none, and fast (1 s, 3 s)", () => {
    assert.deepStrictEqual(CALLBACK_RETRY_SCHEDULES, { exotel: [300_000, 900_000], none: [], fast: [1000, 3000] });
  });

  it('by default a failed callback waits 5 minutes for its first retry: the attempt says when, and nothing is sent before', async () => {
    const hook = await webhook([500]);
    let clock = Date.UTC(2026, 0, 5, 6, 0, 0);
    // No callbackRetryDelaysMs: the sandbox's own default schedule.
    const sb = await start({ callbackRetryDelaysMs: undefined, now: () => new Date(clock) });
    try {
      await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url });
      await waitFor('the failed attempt', () => sb.callbacks.find(a => a.done));
      const [first] = sb.callbacks;
      assert.deepStrictEqual([first.attempt, first.maxAttempts, first.status, first.nextRetryAt?.getTime()], [1, 3, 500, clock + 300_000]);
      assert.strictEqual(sb.idle, false, 'a retry is pending');
      clock += 1000;
      assert.strictEqual(hook.received.length, 1);
      assert.strictEqual(sb.callbacks.length, 1);
      assert.strictEqual(sb.cancelCallbackRetries(), 1);
      assert.strictEqual(first.nextRetryAt, undefined, 'no longer pending');
      await waitFor('nothing left to send (the call finishes billing)', () => sb.idle || undefined);
    } finally {
      await sb.close();
      await hook.close();
    }
  });

  it("'none': a failed callback is never retried (Exotel's older reference)", async () => {
    const hook = await webhook([500]);
    const sb = await start({ callbackRetryDelaysMs: undefined, callbackRetries: 'none' });
    try {
      await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url });
      await waitFor('the sandbox to settle', () => sb.callbacks.length === 1 && sb.idle);
      assert.deepStrictEqual(
        sb.callbacks.map(a => [a.attempt, a.maxAttempts, a.status, a.nextRetryAt]),
        [[1, 1, 500, undefined]],
      );
    } finally {
      await sb.close();
      await hook.close();
    }
  });

  it("'fast': retried after about a second; the pending retry's time is cleared when it starts; setCallbackRetries applies to later deliveries", async () => {
    const hook = await webhook([500, 500]);
    const sb = await start({ callbackRetryDelaysMs: undefined, callbackRetries: 'fast' });
    try {
      await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url });
      await waitFor('a retry', () => sb.callbacks.length >= 2);
      assert.strictEqual(sb.callbacks[0].nextRetryAt, undefined, 'no longer pending once the retry started');
      assert.strictEqual(sb.callbacks[1].attempt, 2);
      sb.setCallbackRetries('none');
      await connect(sb, { ...BASIC, To: '09876543211', StatusCallback: hook.url });
      await waitFor('the second call', () => sb.callbacks.some(a => a.attempt === 1 && a.maxAttempts === 1 && a.done));
    } finally {
      await sb.close();
      await hook.close();
    }
  });
});

describe('sandbox: callback faults', () => {
  let sb: Sandbox;
  let hook: Awaited<ReturnType<typeof webhook>>;
  before(async () => (sb = await start()));
  after(() => sb.close());
  beforeEach(async () => {
    hook = await webhook();
    sb.clearLogs();
    sb.faults.clear();
  });
  afterEach(() => hook.close());

  it('drop: the callback is never delivered (nor logged as an attempt); the call details still end', async () => {
    sb.faults.nextCallback({ kind: 'drop' }, { event: 'terminal' });
    const sid = (await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url })).json.Call.Sid;
    await waitFor('the call to end and the sandbox to settle', () => sb.calls.get(sid)?.status === 'completed' && sb.idle);
    assert.strictEqual(hook.received.length, 0);
    assert.strictEqual(sb.callbacks.length, 0);
    assert.strictEqual(sb.faults.pending, 0, 'consumed');
  });

  it('duplicate: delivered twice, the second marked as the fault', async () => {
    const sid = (await connect(sb, { ...BASIC, To: '09876543215', StatusCallback: hook.url })).json.Call.Sid;
    sb.faults.nextCallback({ kind: 'duplicate' }, { callSid: sid });
    await waitFor('two deliveries', () => hook.received.length >= 2);
    await waitFor('the sandbox to settle', () => sb.idle);
    assert.strictEqual(hook.received.length, 2);
    assert.strictEqual(hook.received[0].raw, hook.received[1].raw, 'the same body');
    assert.deepStrictEqual(
      sb.callbacks.map(a => [a.callSid, a.attempt, a.fault]),
      [
        [sid, 1, undefined],
        [sid, 1, 'duplicate'],
      ],
    );
  });

  it('late: delivered after the call details already say it ended', async () => {
    sb.faults.nextCallback({ kind: 'late', ms: 300 });
    const sid = (await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url })).json.Call.Sid;
    await waitFor('the call to end', () => sb.calls.get(sid)?.status === 'completed');
    assert.strictEqual(hook.received.length, 0, 'not yet: the details say completed, the callback has not come');
    await waitFor('the late callback', () => hook.received.length === 1);
    assert.strictEqual(sb.callbacks[0].fault, 'late');
  });

  it('a match on call and event leaves other callbacks alone; an unknown kind is refused', async () => {
    sb.faults.nextCallback({ kind: 'drop' }, { callSid: 'not-this-call' });
    await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url });
    await waitFor('the callback', () => hook.received.length === 1);
    assert.strictEqual(sb.faults.pending, 1);
    assert.throws(() => sb.faults.nextCallback({ kind: 'explode' } as never), /callback fault must be one of drop, duplicate, late/);
  });
});

describe('sandbox: StatusCallbackEvents spellings Exotel does not document', () => {
  let sb: Sandbox;
  let hook: Awaited<ReturnType<typeof webhook>>;
  before(async () => (sb = await start()));
  after(() => sb.close());
  beforeEach(async () => {
    hook = await webhook();
    sb.clearLogs();
  });
  afterEach(() => hook.close());

  const WARNING = /^undocumented spelling: send StatusCallbackEvents\[0\]=terminal&StatusCallbackEvents\[1\]=answered \(/;

  for (const [name, fields] of [
    ['a comma list', { StatusCallbackEvents: 'terminal,answered' }],
    ['a bare name, repeated', { StatusCallbackEvents: 'terminal' }],
    ['a comma list inside [0]', { 'StatusCallbackEvents[0]': 'terminal,answered' }],
  ] as Array<[string, Record<string, string>]>) {
    it(`${name}: accepted, with a warning in the request log, a header and on every callback`, async () => {
      const body = new URLSearchParams({ ...BASIC, To: '09876543210', StatusCallback: hook.url, ...fields });
      if (name.includes('repeated')) body.append('StatusCallbackEvents', 'answered');
      const res = await fetch(`${sb.baseUrl}/v1/Accounts/${sb.accountSid}/Calls/connect.json`, {
        method: 'POST',
        headers: { Authorization: sb.authorization, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
      assert.strictEqual(res.status, 200);
      assert.match(res.headers.get('x-sandbox-warning') ?? '', WARNING);
      const logged = sb.requests.find(r => r.path.endsWith('/Calls/connect.json'));
      assert.match(logged?.warnings?.[0] ?? '', WARNING);
      await waitFor('three callbacks', () => hook.received.length >= 3);
      assert.ok(
        sb.callbacks.every(a => WARNING.test(a.warnings?.[0] ?? '')),
        'each callback carries it',
      );
    });
  }

  it('the documented spellings ([0], [1] and []) carry no warning', async () => {
    const body = `${new URLSearchParams({ ...BASIC, To: '09876543210', StatusCallback: hook.url, ...BOTH_EVENTS })}&StatusCallbackEvents%5B%5D=answered`;
    const res = await fetch(`${sb.baseUrl}/v1/Accounts/${sb.accountSid}/Calls/connect.json`, {
      method: 'POST',
      headers: { Authorization: sb.authorization, 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    assert.strictEqual(res.headers.get('x-sandbox-warning'), null);
    await waitFor('a callback', () => sb.callbacks.length > 0);
    assert.strictEqual(sb.requests.at(-1)?.warnings, undefined);
    assert.strictEqual(sb.callbacks[0].warnings, undefined);
  });
});
