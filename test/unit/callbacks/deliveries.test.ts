// What the Callbacks view is built from: the sandbox's full record of each attempt, the sandbox inbox,
// payload parsing and the edit document, masking in every format, and grouping by call.
import * as assert from 'assert';
import {
  curlCommand,
  Delivery,
  DeliveryStore,
  deliveryRow,
  fixtureOf,
  fromAttempt,
  fromEditable,
  groupDeliveries,
  jsonLine,
  maskIdentifiers,
  maskUrl,
  parsePayload,
  resultKind,
  toEditable,
} from '../../../src/callbacks';
import { sendRequest } from '../../../src/webhooks';
import { CALLBACK_INBOX_PATH, Sandbox } from '../../../src/sandbox';
import { startLoopback } from '../../helpers/loopback';
import { BASIC, connect, start, waitFor } from '../sandbox/helpers';

describe('callbacks: sandbox attempts in full', () => {
  let sb: Sandbox;
  before(async () => (sb = await start()));
  after(() => sb.close());
  beforeEach(() => sb.clearLogs());

  it('a handler answering 500 then 200: both attempts keep request headers, answer, latency; attempt 1 of 3 then 2 of 3', async () => {
    const hook = await startLoopback((_r, i) => (i === 0 ? { status: 500, body: 'boom' } : { status: 200, body: '{"ok":1}', headers: { 'X-Mine': 'y' } }));
    try {
      const sid = (await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: `${hook.baseUrl}/status` })).json.Call.Sid as string;
      await waitFor('two attempts', () => (sb.callbacks.length === 2 && sb.callbacks[1].done ? true : undefined), 5000);
      const [a1, a2] = sb.callbacks;
      assert.deepStrictEqual([a1.attempt, a1.maxAttempts, a1.status, a1.ok, a1.responseBody], [1, 3, 500, false, 'boom']);
      assert.deepStrictEqual([a2.attempt, a2.status, a2.ok, a2.responseBody, a2.responseHeaders?.['X-Mine']], [2, 200, true, '{"ok":1}', 'y']);
      assert.match(a1.requestHeaders['Content-Type'], /^multipart\/form-data; boundary=/);
      assert.strictEqual(Number(a1.requestHeaders['Content-Length']), Buffer.byteLength(a1.body));
      assert.strictEqual(hook.received[0].headers['content-type'], a1.requestHeaders['Content-Type']);
      assert.ok(typeof a1.latencyMs === 'number');
      const d1 = fromAttempt(a1, 'a1');
      const d2 = fromAttempt(a2, 'a2');
      assert.deepStrictEqual([resultKind(d1), resultKind(d2)], ['5xx', '2xx']);
      assert.strictEqual(d1.callSid, sid);
      assert.strictEqual(d1.callStatus, 'completed');
      const [group] = groupDeliveries([d1, d2]);
      assert.strictEqual(group.deliveries[0].id, 'a2', 'newest first');
      assert.match(group.description, /2 deliveries, 1 failed/);
      const row = deliveryRow(d1, () => '10:00:00');
      assert.strictEqual(row.label, 'HTTP 500 · attempt 1 of 3');
      assert.match(row.description, /^terminal · 10:00:00 · \d+ ms · → 127\.0\.0\.1:\d+\/status$/);
      assert.strictEqual(deliveryRow(d2, () => '10:00:01').label, 'HTTP 200 · attempt 2 of 3');
    } finally {
      await hook.close();
    }
  });

  it('connection refused is recorded as its own kind', async () => {
    const hook = await startLoopback(() => ({}));
    const url = hook.baseUrl;
    await hook.close();
    await connect(sb, { ...BASIC, To: '09876543216', StatusCallback: url });
    await waitFor('attempt', () => (sb.callbacks[0]?.done ? true : undefined), 5000);
    assert.strictEqual(sb.callbacks[0].errorKind, 'refused');
    assert.strictEqual(resultKind(fromAttempt(sb.callbacks[0], 'x')), 'refused');
  });

  it('the sandbox inbox answers a StatusCallback with 200, without credentials', async () => {
    await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: `${sb.baseUrl}${CALLBACK_INBOX_PATH}`, StatusCallbackContentType: 'application/json' });
    const inbox = await waitFor('delivered', () => sb.callbacks.find(a => a.url.endsWith(CALLBACK_INBOX_PATH) && a.done), 5000);
    assert.strictEqual(inbox.status, 200);
    assert.strictEqual(inbox.ok, true);
    const get = await sendRequest({ method: 'GET', url: `${sb.baseUrl}${CALLBACK_INBOX_PATH}`, headers: {}, body: '' }, { timeoutMs: 5000 });
    assert.strictEqual(get.status, 405);
  });
});

describe('callbacks: payloads, edit documents and formats', () => {
  const multipart = (fields: Array<[string, string]>, b = 'XyZ') =>
    fields.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${b}--\r\n`;

  it('parses multipart, JSON (flattened Legs) and urlencoded; explains a broken body', () => {
    assert.deepStrictEqual(
      parsePayload(
        'multipart/form-data; boundary=XyZ',
        multipart([
          ['CallSid', 'a'],
          ['Legs[0][Status]', 'busy'],
        ]),
      ).fields,
      [
        ['CallSid', 'a'],
        ['Legs[0][Status]', 'busy'],
      ],
    );
    assert.deepStrictEqual(parsePayload('application/json', '{"a":1,"Legs":[{"S":null}]}').fields, [
      ['a', '1'],
      ['Legs[0][S]', ''],
    ]);
    assert.deepStrictEqual(parsePayload('application/x-www-form-urlencoded', 'a=1&b=%20x').fields, [
      ['a', '1'],
      ['b', ' x'],
    ]);
    assert.match(parsePayload('application/json', '{').problem ?? '', /Not valid JSON/);
    assert.match(parsePayload('multipart/form-data', 'x').problem ?? '', /boundary/);
  });

  it('Edit and Resend round trip: a changed field goes out, with a fresh boundary and Content-Length left to the sender', () => {
    const body = multipart([
      ['CallSid', 'a'],
      ['Status', 'completed'],
    ]);
    const doc = toEditable({
      method: 'POST',
      url: 'http://h/x',
      headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ', 'Content-Length': '99' },
      body,
    });
    assert.deepStrictEqual(doc.fields, { CallSid: 'a', Status: 'completed' });
    assert.strictEqual(doc.headers['Content-Length'], undefined);
    const edited = JSON.parse(JSON.stringify(doc));
    edited.fields.Status = 'busy';
    const out = fromEditable(edited);
    const type = out.headers['Content-Type'];
    assert.match(type, /boundary=----ExotelResend/);
    assert.deepStrictEqual(parsePayload(type, String(out.body)).fields, [
      ['CallSid', 'a'],
      ['Status', 'busy'],
    ]);
    const json = fromEditable({
      ...toEditable({ method: 'POST', url: 'http://h/', headers: { 'Content-Type': 'application/json' }, body: '{"Status":"completed"}' }),
      json: { Status: 'failed' },
    });
    assert.strictEqual(json.body, '{"Status":"failed"}');
    assert.throws(() => fromEditable({ url: 'javascript:alert(1)' }), /url/);
    assert.throws(() => fromEditable('nope'), /JSON object/);
  });

  const hostile: Delivery = {
    id: 'h',
    source: 'receiver',
    at: new Date(0),
    done: true,
    callSid: 'c',
    request: {
      method: 'POST',
      url: 'https://user:pw@example.com/hook?token=SECRET1&x=1',
      headers: { Authorization: 'Basic dXNlcjpTRUNSRVQy', 'Content-Type': 'multipart/form-data; boundary=XyZ', Cookie: 'sid=SECRET3' },
      body: multipart([
        ['RecordingUrl', 'https://s3.example/rec.mp3?X-Amz-Signature=SECRET4&a=1'],
        ['Name', "it's @/etc/passwd"],
      ]),
    },
    answer: { status: 200, headers: { 'Set-Cookie': 'SECRET5' }, body: 'Bearer SECRET6abcdefgh', truncated: false },
  };

  it('JSON Lines, cURL and fixtures never carry a secret; cURL quotes hostile text and never reads files', () => {
    const line = jsonLine(hostile);
    const curl = curlCommand(hostile.request);
    const fixture = fixtureOf(hostile.request, false);
    for (const [name, text] of [
      ['jsonl', line],
      ['curl', curl],
      ['fixture', fixture],
    ]) {
      for (const s of ['SECRET1', 'SECRET2', 'dXNlcjpTRUNSRVQy', 'SECRET3', 'SECRET4', 'SECRET5', 'SECRET6', 'user:pw'])
        assert.ok(!text.includes(s), `${name} leaks ${s}: ${text}`);
    }
    assert.doesNotThrow(() => JSON.parse(line));
    assert.match(curl, /--form-string 'Name=it'\\''s @\/etc\/passwd'/);
    assert.ok(!/ -F /.test(curl));
    assert.match(maskUrl('https://a.b/x?sig=1&keep=2'), /sig=\*\*\*&keep=2/);
  });

  it('a fixture masks numbers and SIDs on request, and keeps timestamps', () => {
    const r = {
      method: 'POST',
      url: 'http://h/',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ CallSid: 'b6cfaf5fbc0ee55f4ff9e1ea8d2e1aa1', To: '09876543210', From: '+919845012340', DateUpdated: '2024-01-15 14:30:45' }),
    };
    const masked = JSON.parse(fixtureOf(r, true));
    assert.deepStrictEqual(masked, { CallSid: `b6cf${'x'.repeat(28)}`, To: 'XXXXXXX3210', From: '+XXXXXXXX2340', DateUpdated: '2024-01-15 14:30:45' });
    assert.strictEqual(JSON.parse(fixtureOf(r, false)).To, '09876543210');
    assert.strictEqual(maskIdentifiers('https://x/v1/Accounts/exotel123/Calls'), 'https://x/v1/Accounts/ACCOUNT_SID/Calls');
  });

  it('the store is bounded, keeps a replaced record in place and groups retries', () => {
    const store = new DeliveryStore(3);
    const d = (id: string, callSid?: string): Delivery => ({
      id,
      source: 'sandbox',
      at: new Date(Number(id.slice(1)) * 1000),
      done: true,
      callSid,
      event: 'terminal',
      request: { method: 'POST', url: 'http://h/', headers: {}, body: '' },
    });
    for (const id of ['d1', 'd2', 'd3', 'd4']) store.upsert(d(id, 'c'));
    assert.deepStrictEqual(
      store.all().map(x => x.id),
      ['d2', 'd3', 'd4'],
    );
    store.upsert({ ...d('d3', 'c'), latencyMs: 5 });
    assert.deepStrictEqual(
      store.all().map(x => x.id),
      ['d2', 'd3', 'd4'],
    );
    assert.strictEqual(store.attemptsOf(store.get('d4')!).length, 3);
    store.upsert(d('d5'));
    const groups = groupDeliveries(store.all());
    assert.deepStrictEqual(
      groups.map(g => g.label),
      ['Requests without a CallSid', 'Call c…'],
    );
  });
});
