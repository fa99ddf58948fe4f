import * as assert from 'assert';
import { Sandbox } from '../../../src/sandbox';
import { startLoopback } from '../../helpers/loopback';
import { BASIC, connect, Received, start, TIMESTAMP, waitFor, webhook } from './helpers';

type Hook = Awaited<ReturnType<typeof webhook>>;

/** An extended callback's keys in Exotel's order (F20) up to Direction; the rest depends on the event and the format. */
const EXTENDED_KEYS = [
  'CallSid',
  'EventType',
  'DateCreated',
  'DateUpdated',
  'To',
  'From',
  'PhoneNumberSid',
  'StartTime',
  'EndTime',
  'Status',
  'ConversationDuration',
  'Direction',
];
const BOTH_EVENTS = { 'StatusCallbackEvents[0]': 'terminal', 'StatusCallbackEvents[1]': 'answered' };

describe('sandbox: StatusCallback delivery', () => {
  let sb: Sandbox;
  let hook: Hook;
  before(async () => (sb = await start()));
  after(() => sb.close());
  beforeEach(async () => (hook = await webhook()));
  afterEach(() => hook.close());

  const received = (n: number): Promise<Received[]> => waitFor(`${n} callbacks`, () => (hook.received.length >= n ? hook.received : undefined));
  /** The one callback of a call, checked to stay the only one until the sandbox has nothing left to send. */
  const theOnly = async (): Promise<Received> => {
    const [cb] = await received(1);
    await waitFor('the sandbox to settle', () => sb.idle);
    assert.strictEqual(hook.received.length, 1);
    return cb;
  };

  it('default: one multipart POST at the end with CallSid, DateUpdated, Status — no RecordingUrl when not recorded', async () => {
    const sid = (await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url })).json.Call.Sid;
    const cb = await theOnly();
    assert.match(cb.contentType, /^multipart\/form-data; boundary=----ExotelSandbox[0-9a-f]{16}$/);
    assert.deepStrictEqual(
      cb.fields?.map(([k]) => k),
      ['CallSid', 'DateUpdated', 'Status'],
    );
    assert.deepStrictEqual(cb.fields?.[0], ['CallSid', sid]);
    assert.match(cb.fields?.[1][1] ?? '', TIMESTAMP);
    assert.deepStrictEqual(cb.fields?.[2], ['Status', 'completed']);
  });

  it('default with Record=true: RecordingUrl on completed, absent on busy', async () => {
    const done = (await connect(sb, { ...BASIC, To: '09876543210', Record: 'true', StatusCallback: hook.url })).json.Call.Sid;
    const busy = (await connect(sb, { ...BASIC, To: '09876543215', Record: 'true', StatusCallback: hook.url })).json.Call.Sid;
    const all = await received(2);
    const of = (sid: string): Array<[string, string]> => all.find(r => r.fields?.[0][1] === sid)?.fields ?? [];
    assert.deepStrictEqual(
      of(done).map(([k]) => k),
      ['CallSid', 'DateUpdated', 'Status', 'RecordingUrl'],
    );
    // Exotel's shape: …/exotelrecordings/<account>/<file>.mp3, where the file is not always the CallSid.
    assert.match(of(done)[3][1], new RegExp(`^${sb.baseUrl}/exotelrecordings/${sb.accountSid}/[0-9A-Za-z._-]+\\.mp3$`));
    assert.deepStrictEqual(
      of(busy).map(([k, v]) => (k === 'DateUpdated' ? [k] : [k, v])),
      [['CallSid', busy], ['DateUpdated'], ['Status', 'busy']],
    );
  });

  it('JSON when StatusCallbackContentType=application/json', async () => {
    const sid = (await connect(sb, { ...BASIC, To: '09876543216', StatusCallback: hook.url, StatusCallbackContentType: 'application/json' })).json.Call.Sid;
    const [cb] = await received(1);
    assert.strictEqual(cb.contentType, 'application/json');
    assert.deepStrictEqual(Object.keys(cb.json ?? {}), ['CallSid', 'DateUpdated', 'Status']);
    assert.strictEqual(cb.json?.CallSid, sid);
    assert.strictEqual(cb.json?.Status, 'no-answer');
  });

  it('extended (JSON): answered per leg (agent, then customer) then terminal, F20 key order, CustomField and RecordingUrl on terminal only', async () => {
    const options = { Record: 'true', CustomField: 'order_12345', StatusCallback: hook.url, StatusCallbackContentType: 'application/json', ...BOTH_EVENTS };
    const sid = (await connect(sb, { ...BASIC, To: '09876543210', ...options })).json.Call.Sid;
    const all = await received(3);
    // Sent 20 ms apart: pick each by what it is, not by arrival order (the machine may be loaded).
    const answeredOnes = all.filter(r => r.json?.EventType === 'answered');
    const legStatus = (r: Received, i: number): unknown => (r.json?.Legs as Array<{ Status: unknown }>)[i].Status;
    const agent = answeredOnes.find(r => legStatus(r, 1) === null)!;
    const customer = answeredOnes.find(r => legStatus(r, 1) !== null)!;
    const terminal = all.find(r => r.json?.EventType === 'terminal')!;
    assert.strictEqual(answeredOnes.length, 2);
    assert.ok(sb.callbacks.findIndex(a => a.body === agent.raw) < sb.callbacks.findIndex(a => a.body === customer.raw), "the agent's is sent first");
    for (const answered of [agent, customer]) {
      assert.strictEqual(answered.json?.EventType, 'answered');
      assert.deepStrictEqual(Object.keys(answered.json ?? {}), [...EXTENDED_KEYS, 'Legs']);
      assert.strictEqual(answered.json?.Status, 'in-progress');
      assert.strictEqual(answered.json?.EndTime, null);
    }
    // frappe/crm's Exotel UI: leg 1 in-progress and leg 2 empty → "Ringing…"; both in-progress → "In Progress".
    assert.deepStrictEqual(agent.json?.Legs, [
      { OnCallDuration: 0, Status: 'in-progress', AnsweredBy: 'NA' },
      { OnCallDuration: 0, Status: null, AnsweredBy: 'NA' },
    ]);
    assert.deepStrictEqual(customer.json?.Legs, [
      { OnCallDuration: 0, Status: 'in-progress', AnsweredBy: 'NA' },
      { OnCallDuration: 0, Status: 'in-progress', AnsweredBy: 'HUMAN' },
    ]);
    const t = terminal.json ?? {};
    assert.deepStrictEqual(Object.keys(t), [...EXTENDED_KEYS, 'CustomField', 'RecordingUrl', 'Legs']);
    assert.deepStrictEqual(
      [t.CallSid, t.EventType, t.To, t.From, t.PhoneNumberSid, t.Status, t.Direction, t.CustomField, t.RecordingUrl],
      [sid, 'terminal', '09876543210', '09845012340', '08047112345', 'completed', 'outbound-api', 'order_12345', t.RecordingUrl],
    );
    assert.match(String(t.RecordingUrl), new RegExp(`^${sb.baseUrl}/exotelrecordings/${sb.accountSid}/[0-9A-Za-z._-]+\\.mp3$`));
    const legs = t.Legs as Array<{ OnCallDuration: number; Status: string; AnsweredBy: string }>;
    assert.deepStrictEqual(
      legs.map(l => [l.Status, l.AnsweredBy]),
      [
        ['completed', 'NA'],
        ['completed', 'HUMAN'],
      ],
    );
    assert.strictEqual(t.ConversationDuration, legs[1].OnCallDuration);
    const stored = sb.calls.get(sid);
    assert.strictEqual(t.StartTime, t.DateCreated);
    assert.match(String(t.EndTime), TIMESTAMP);
    assert.strictEqual(
      (Date.parse(String(t.EndTime).replace(' ', 'T')) - Date.parse(String(t.StartTime).replace(' ', 'T'))) / 1000,
      (stored?.plan?.ring1 ?? 0) + legs[0].OnCallDuration,
    );
    assert.ok(String(t.DateUpdated) >= String(t.EndTime), `DateUpdated ${t.DateUpdated} before EndTime ${t.EndTime}`);
  });

  it("extended (multipart): Legs as Legs[i][Field]; a busy customer: the agent's answered (leg 2 empty), then terminal without RecordingUrl", async () => {
    await connect(sb, { ...BASIC, To: '09876543215', Record: 'true', CustomField: 'c1', StatusCallback: hook.url, ...BOTH_EVENTS });
    await received(2);
    await waitFor('the sandbox to settle', () => sb.idle);
    const event = (r: Received): string | undefined => r.fields?.find(([k]) => k === 'EventType')?.[1];
    const agent = hook.received.find(r => event(r) === 'answered')!;
    const terminal = hook.received.find(r => event(r) === 'terminal')!;
    assert.strictEqual(hook.received.length, 2, 'no answered for the customer, who never picked up');
    const first = Object.fromEntries(agent.fields ?? []);
    assert.deepStrictEqual(
      [first.EventType, first.Status, first['Legs[0][Status]'], first['Legs[1][Status]'], 'CustomField' in first],
      ['answered', 'in-progress', 'in-progress', '', false],
    );
    const fields = Object.fromEntries(terminal.fields ?? []);
    assert.deepStrictEqual(Object.keys(fields), [
      ...EXTENDED_KEYS,
      'CustomField',
      'Legs[0][OnCallDuration]',
      'Legs[0][Status]',
      'Legs[0][AnsweredBy]',
      'Legs[1][OnCallDuration]',
      'Legs[1][Status]',
      'Legs[1][AnsweredBy]',
    ]);
    assert.deepStrictEqual(
      [
        fields.EventType,
        fields.Status,
        fields.ConversationDuration,
        fields.CustomField,
        fields['Legs[0][Status]'],
        fields['Legs[1][Status]'],
        fields['Legs[1][OnCallDuration]'],
        fields['Legs[1][AnsweredBy]'],
      ],
      ['terminal', 'busy', '0', 'c1', 'completed', 'busy', '0', 'NA'],
    );
  });

  it('only the subscribed events are sent: answered alone means two answered callbacks and no terminal one', async () => {
    await connect(sb, {
      ...BASIC,
      To: '09876543210',
      StatusCallback: hook.url,
      'StatusCallbackEvents[0]': 'answered',
      StatusCallbackContentType: 'application/json',
    });
    await received(2);
    await waitFor('the sandbox to settle', () => sb.idle);
    assert.deepStrictEqual(
      hook.received
        .map(r => [r.json?.EventType, (r.json?.Legs as Array<{ Status: string | null }>).map(l => l.Status)])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      [
        ['answered', ['in-progress', null]],
        ['answered', ['in-progress', 'in-progress']],
      ],
    );
    assert.strictEqual('CustomField' in (hook.received[0].json ?? {}), false);
  });

  it('no answered callback when the agent never picks up (To ending in 9)', async () => {
    await connect(sb, { ...BASIC, To: '09876543219', StatusCallback: hook.url, ...BOTH_EVENTS });
    const cb = await theOnly();
    const fields = Object.fromEntries(cb.fields ?? []);
    assert.deepStrictEqual([fields.EventType, fields.Status, fields['Legs[0][Status]']], ['terminal', 'no-answer', 'no-answer']);
  });

  it('Status is one Exotel lists for callbacks: a call ended canceled (To ending in 8) calls back no-answer, leg 2 canceled', async () => {
    const sid = (await connect(sb, { ...BASIC, To: '09876543218', StatusCallback: hook.url, ...BOTH_EVENTS })).json.Call.Sid;
    await received(2);
    const terminal = hook.received.find(r => r.fields?.some(([k, v]) => k === 'EventType' && v === 'terminal'));
    const fields = Object.fromEntries(terminal?.fields ?? []);
    assert.deepStrictEqual([fields.EventType, fields.Status, fields['Legs[1][Status]']], ['terminal', 'no-answer', 'canceled']);
    assert.strictEqual(sb.calls.get(sid)?.status, 'canceled', 'the call details keep canceled');
  });

  it('a flow call ignores StatusCallbackEvents and gets the default callback', async () => {
    await connect(sb, {
      From: '09845012340',
      CallerId: '08047112345',
      Url: 'http://my.exotel.com/x/exoml/start_voice/1',
      StatusCallback: hook.url,
      'StatusCallbackEvents[0]': 'terminal',
      StatusCallbackContentType: 'application/json',
    });
    const [cb] = await received(1);
    assert.deepStrictEqual(Object.keys(cb.json ?? {}), ['CallSid', 'DateUpdated', 'Status']);
  });
});

describe('sandbox: StatusCallback retries and override', () => {
  it('a failing webhook is retried twice (3 attempts), each logged', async () => {
    const hook = await webhook([500, 500, 500, 500]);
    const sb = await start();
    try {
      const sid = (await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url })).json.Call.Sid;
      await waitFor('three answered attempts', () => sb.callbacks.length >= 3 && sb.callbacks.every(a => a.status !== undefined));
      await waitFor('the sandbox to settle', () => sb.idle); // nothing more can arrive now
      assert.strictEqual(hook.received.length, 3);
      assert.deepStrictEqual(
        sb.callbacks.map(a => [a.callSid, a.attempt, a.status, a.ok]),
        [
          [sid, 1, 500, false],
          [sid, 2, 500, false],
          [sid, 3, 500, false],
        ],
      );
      assert.strictEqual(hook.received[0].raw, hook.received[2].raw, 'a retry resends the same body');
    } finally {
      await sb.close();
      await hook.close();
    }
  });

  it('stops retrying once delivered', async () => {
    const hook = await webhook([503]);
    const sb = await start();
    try {
      await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: hook.url });
      await waitFor('a delivery', () => sb.callbacks.some(a => a.ok));
      await waitFor('the sandbox to settle', () => sb.idle); // nothing more can arrive now
      assert.deepStrictEqual(
        sb.callbacks.map(a => [a.attempt, a.status, a.ok]),
        [
          [1, 503, false],
          [2, 200, true],
        ],
      );
    } finally {
      await sb.close();
      await hook.close();
    }
  });

  it('a webhook that never answers times out (per-delivery timeout) and is retried', async () => {
    const silent = await startLoopback(() => ({ hang: true }));
    const url = `${silent.baseUrl}/hook`;
    const sb = await start({ callbackTimeoutMs: 50 });
    try {
      await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: url });
      await waitFor('three timed-out attempts', () => sb.callbacks.length === 3 && sb.callbacks[2].error !== undefined);
      assert.deepStrictEqual(
        sb.callbacks.map(a => [a.attempt, a.error]),
        [1, 2, 3].map(n => [n, 'no response within 50 ms']),
      );
    } finally {
      await sb.close();
      await silent.close();
    }
  });

  it('statusCallbackOverride receives every live call’s callbacks, with or without StatusCallback', async () => {
    const hook = await webhook();
    const elsewhere = await webhook();
    const sb = await start({ statusCallbackOverride: hook.url });
    try {
      const a = (await connect(sb, { ...BASIC, To: '09876543210' })).json.Call.Sid;
      const b = (await connect(sb, { ...BASIC, To: '09876543217', StatusCallback: elsewhere.url })).json.Call.Sid;
      await waitFor('two callbacks', () => hook.received.length >= 2);
      await waitFor('the sandbox to settle', () => sb.idle); // nothing more can arrive now
      assert.deepStrictEqual(hook.received.map(r => r.fields?.[0][1]).sort(), [a, b].sort());
      assert.strictEqual(elsewhere.received.length, 0);
    } finally {
      await sb.close();
      await hook.close();
      await elsewhere.close();
    }
  });

  it('refuses a non-http override', async () => {
    await assert.rejects(
      start({ statusCallbackOverride: 'file:///tmp/x' }),
      /statusCallbackOverride must be an http:\/\/ or https:\/\/ URL \(got 'file:\/\/\/tmp\/x'\)/,
    );
  });
});
