// Failures over real loopback HTTP: malformed bodies, retries, timeouts, drops, cancellation, secrets.
import * as assert from 'assert';
import { mayHavePlacedCall } from '../../../src/exotel';
import { Reply, startLoopback } from '../../helpers/loopback';
import { ACCOUNT, API_KEY, CANARY_TOKEN, makeClient, rejection } from './clientHarness';

const CONNECT = { from: '9876543210', to: '9123456780', callerId: '08030752400' };
const okCall = JSON.stringify({ Call: { Sid: 'b'.repeat(32), Status: 'completed' } });

async function withServer<T>(replies: Reply[] | ((i: number) => Reply), fn: (baseUrl: string, count: () => number) => Promise<T>): Promise<T> {
  const pick = typeof replies === 'function' ? replies : (i: number) => replies[Math.min(i, replies.length - 1)];
  const server = await startLoopback((_r, i) => pick(i));
  try {
    return await fn(server.baseUrl, () => server.received.length);
  } finally {
    await server.close();
  }
}

describe('client resilience over loopback HTTP', () => {
  for (const [label, reply, what, pattern] of [
    [
      'an HTML page from a proxy',
      { body: '<!DOCTYPE html><html><body>Login to Wi-Fi</body></html>', headers: { 'Content-Type': 'text/html' } },
      'html',
      /HTML page/,
    ],
    ['XML where JSON was asked', { body: '<?xml version="1.0"?><TwilioResponse><Call></Call></TwilioResponse>' }, 'xml', /XML/],
    ['truncated JSON', { body: '{"Call":{"Sid":"abc' }, 'truncated', /cut short/],
    ['an empty body', { body: '' }, 'empty', /empty/],
    ['wrong types', { body: '{"Call":"yes"}' }, 'shape', /expected shape/],
    ['a call with no Sid', { body: '{"Call":{"Status":"completed"}}' }, 'shape', /no Sid/],
  ] as const) {
    it(`${label} is a MalformedResponseError (${what})`, async () => {
      const err = await withServer([reply], base => rejection(() => makeClient(base).client.getCall('c'.repeat(32))));
      assert.strictEqual((err as { what?: string }).what, what);
      assert.match(err.message, pattern);
      assert.doesNotMatch(err.message, /undefined|\[object Object\]|at .*\.js/);
    });
  }

  it('GETs are retried on 5xx, then succeed', async () => {
    const fail503 = { status: 503, body: '{"RestException":{"Status":503,"Message":"Service Unavailable; ","Code":35008}}' };
    const calls = await withServer([fail503, fail503, { body: okCall }], async (base, count) => {
      const call = await makeClient(base).client.getCall('b'.repeat(32));
      assert.strictEqual(call.status, 'completed');
      return count();
    });
    assert.strictEqual(calls, 3);
  });

  it('GET retries are bounded', async () => {
    const n = await withServer([{ status: 500, body: '' }], async (base, count) => {
      const err = await rejection(() => makeClient(base, { retries: 2 }).client.getCall('b'.repeat(32)));
      assert.strictEqual((err as { kind?: string }).kind, 'server');
      return count();
    });
    assert.strictEqual(n, 3);
  });

  it('a 429 with a short Retry-After is waited out; a long one is reported with its wait', async () => {
    const n = await withServer([{ status: 429, headers: { 'Retry-After': '0' }, body: '' }, { body: okCall }], async (base, count) => {
      await makeClient(base).client.getCall('b'.repeat(32));
      return count();
    });
    assert.strictEqual(n, 2);
    const err = await withServer([{ status: 429, headers: { 'Retry-After': '3600' }, body: '' }], base =>
      rejection(() => makeClient(base).client.getCall('b'.repeat(32))),
    );
    assert.strictEqual((err as { retryAfterMs?: number }).retryAfterMs, 3_600_000);
    assert.match(err.message, /Try again in 3600 s/);
  });

  it('a dropped connection on GET is retried; on connect it is not, and says the call may have been placed', async () => {
    const n = await withServer([{ drop: true }, { body: okCall }], async (base, count) => {
      await makeClient(base).client.getCall('b'.repeat(32));
      return count();
    });
    assert.strictEqual(n, 2);
    await withServer([{ drop: true }], async (base, count) => {
      const err = await rejection(() => makeClient(base).client.connectCall(CONNECT));
      assert.strictEqual(count(), 1, 'one POST only');
      assert.ok(mayHavePlacedCall(err));
      assert.match(err.message, /may have been placed/);
      assert.match(err.message, /call log/);
    });
  });

  it('a connect that times out after sending is never retried and points at the call log', async () => {
    await withServer([{ delayMs: 2000, body: okCall }], async (base, count) => {
      const err = await rejection(() => makeClient(base, { timeoutMs: 200 }).client.connectCall(CONNECT));
      assert.strictEqual((err as { kind?: string }).kind, 'timeout');
      assert.ok(mayHavePlacedCall(err));
      assert.match(err.message, /within 0 s|within 1 s|no answer/);
      assert.strictEqual(count(), 1);
    });
  });

  it('a GET that times out says so and places nothing', async () => {
    await withServer([{ delayMs: 2000, body: okCall }], async base => {
      const err = await rejection(() => makeClient(base, { timeoutMs: 150, retries: 0 }).client.getCall('b'.repeat(32)));
      assert.strictEqual((err as { kind?: string }).kind, 'timeout');
      assert.ok(!mayHavePlacedCall(err));
    });
  });

  it('a redirect is not followed with the credentials', async () => {
    await withServer([{ status: 302, headers: { Location: 'http://127.0.0.1:9/elsewhere' }, body: '' }], async (base, count) => {
      const err = await rejection(() => makeClient(base).client.connectCall(CONNECT));
      assert.match(err.message, /redirect/);
      assert.ok(!mayHavePlacedCall(err));
      assert.strictEqual(count(), 1);
    });
  });

  it('a refused connection says nothing was sent', async () => {
    const server = await startLoopback(() => ({}));
    const base = server.baseUrl;
    await server.close();
    const err = await rejection(() => makeClient(base).client.connectCall(CONNECT));
    assert.strictEqual((err as { kind?: string }).kind, 'network');
    assert.ok(!mayHavePlacedCall(err));
    assert.match(err.message, /refused the connection/);
  });

  it('the caller can cancel a request in flight', async () => {
    await withServer([{ delayMs: 3000, body: okCall }], async base => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 50);
      const err = await rejection(() => makeClient(base).client.getCall('b'.repeat(32), { signal: ac.signal }));
      assert.strictEqual((err as { kind?: string }).kind, 'cancelled');
    });
  });

  it('sends Basic auth in a header, a form body, and no credential in the URL; the token leaks nowhere', async () => {
    const server = await startLoopback((_r, i) =>
      i === 0 ? { body: okCall } : { status: 401, body: `{"RestException":{"Status":401,"Message":"bad ${CANARY_TOKEN}"}}` },
    );
    try {
      const { client, logs } = makeClient(server.baseUrl);
      await client.connectCall({ ...CONNECT, statusCallback: 'https://example.com/cb', statusCallbackEvents: ['terminal', 'answered'], record: true });
      const req = server.received[0];
      assert.strictEqual(req.headers.authorization, `Basic ${Buffer.from(`${API_KEY}:${CANARY_TOKEN}`).toString('base64')}`);
      assert.strictEqual(req.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.strictEqual(req.url, `/v1/Accounts/${ACCOUNT}/Calls/connect.json`);
      assert.strictEqual(
        req.body,
        'From=%2B919876543210&To=%2B919123456780&CallerId=%2B918030752400&Record=true&StatusCallback=https%3A%2F%2Fexample.com%2Fcb' +
          '&StatusCallbackEvents%5B0%5D=terminal&StatusCallbackEvents%5B1%5D=answered',
      );
      const err = await rejection(() => client.listCalls());
      const described = JSON.stringify(client.describeConnect(CONNECT));
      for (const text of [err.message, JSON.stringify(logs), described, String(err.stack)]) {
        assert.ok(!text.includes(Buffer.from(`${API_KEY}:${CANARY_TOKEN}`).toString('base64')), 'no encoded credentials');
      }
      assert.ok(!JSON.stringify(logs).includes(CANARY_TOKEN));
      assert.ok(!described.includes(CANARY_TOKEN) && !described.includes(API_KEY));
      assert.ok(!err.message.includes(CANARY_TOKEN), 'an echoed token is masked in the error');
      assert.deepStrictEqual(
        logs.map(l => [l.method, l.status]),
        [
          ['POST', 200],
          ['GET', 401],
        ],
      );
    } finally {
      await server.close();
    }
  });
});
