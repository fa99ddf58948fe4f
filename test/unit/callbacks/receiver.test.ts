// The local receiver and inspecting proxy over real loopback HTTP: records, forwards, caps, and survives
// handlers that hang or reset and bodies that make no sense.
import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { AddressInfo } from 'net';
import { Capture, fromCapture, joinTarget, Receiver, resultKind, startReceiver } from '../../../src/callbacks';
import { sendRequest } from '../../../src/webhooks';
import { startLoopback, Loopback } from '../../helpers/loopback';

async function until<T>(probe: () => T | undefined, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 10));
  }
}

const post = (url: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  sendRequest({ method: 'POST', url, headers, body }, { timeoutMs: 10_000 });

describe('callbacks: the local receiver', () => {
  let rx: Receiver | undefined;
  let handler: Loopback | undefined;
  afterEach(async () => {
    await rx?.close();
    await handler?.close();
    rx = handler = undefined;
  });

  it('binds to 127.0.0.1 only and records a POST exactly as received, answering 200', async () => {
    const seen: Capture[] = [];
    rx = await startReceiver({ onRecord: c => seen.push(c) });
    assert.match(rx.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await post(`${rx.url}/exotel/status?x=1`, '{"CallSid":"abc","Status":"completed"}', { 'Content-Type': 'application/json', 'X-Custom': 'Yes' });
    assert.strictEqual(r.status, 200);
    const [c] = rx.captures;
    assert.strictEqual(c.method, 'POST');
    assert.strictEqual(c.url, '/exotel/status?x=1');
    assert.strictEqual(c.headers['X-Custom'], 'Yes');
    assert.strictEqual(c.body, '{"CallSid":"abc","Status":"completed"}');
    assert.strictEqual(c.answeredStatus, 200);
    assert.ok(seen.includes(c));
    const d = fromCapture(c, rx.url);
    assert.strictEqual(d.callSid, 'abc');
    assert.strictEqual(d.event, 'terminal');
    assert.strictEqual(resultKind(d), '2xx');
  });

  it('forwards to the handler (path and query appended) and records and relays its answer', async () => {
    handler = await startLoopback(() => ({ status: 201, body: '{"ok":true}', headers: { 'X-Handler': 'mine' } }));
    rx = await startReceiver({ forwardTo: `${handler.baseUrl}/base` });
    const r = await post(`${rx.url}/status?a=b`, '{"CallSid":"s1"}', { 'Content-Type': 'application/json', 'X-From-Exotel': '1' });
    assert.strictEqual(r.status, 201);
    assert.strictEqual(r.body, '{"ok":true}');
    assert.strictEqual(handler.received[0].url, '/base/status?a=b');
    assert.strictEqual(handler.received[0].body, '{"CallSid":"s1"}');
    assert.strictEqual(handler.received[0].headers['x-from-exotel'], '1');
    const c = await until(() => (rx!.captures[0]?.done ? rx!.captures[0] : undefined), 'forward done');
    assert.strictEqual(c.forward?.result?.status, 201);
    assert.strictEqual(c.forward?.result?.headers?.['X-Handler'], 'mine');
    const d = fromCapture(c, rx.url);
    assert.strictEqual(d.answer?.status, 201);
    assert.strictEqual(d.forwardedTo, `${handler.baseUrl}/base/status?a=b`);
  });

  it('a handler that hangs: the sender gets 502 after the forward timeout, recorded as a timeout', async () => {
    handler = await startLoopback(() => ({ delayMs: 5000 }));
    rx = await startReceiver({ forwardTo: handler.baseUrl, forwardTimeoutMs: 200 });
    const r = await post(`${rx.url}/`, '{}');
    assert.strictEqual(r.status, 502);
    const c = await until(() => (rx!.captures[0]?.done ? rx!.captures[0] : undefined), 'timeout recorded');
    assert.strictEqual(c.forward?.result?.failure, 'timeout');
    assert.strictEqual(resultKind(fromCapture(c, rx.url)), 'timeout');
  });

  it('a handler that resets the connection, and one that is not listening', async () => {
    handler = await startLoopback(() => ({ drop: true }));
    rx = await startReceiver({ forwardTo: handler.baseUrl });
    assert.strictEqual((await post(`${rx.url}/`, '{}')).status, 502);
    const reset = await until(() => (rx!.captures[0]?.done ? rx!.captures[0] : undefined), 'reset recorded');
    assert.strictEqual(reset.forward?.result?.failure, 'reset');

    const closedPort = await freePort();
    rx.setForwardTo(`http://127.0.0.1:${closedPort}`);
    assert.strictEqual((await post(`${rx.url}/`, '{}')).status, 502);
    const refused = await until(() => (rx!.captures[1]?.done ? rx!.captures[1] : undefined), 'refused recorded');
    assert.strictEqual(refused.forward?.result?.failure, 'refused');
  });

  it('refuses a body over the cap with 413 (declared or streamed) and keeps the start of it', async () => {
    rx = await startReceiver({ maxBodyBytes: 1000 });
    const big = 'x'.repeat(5000);
    const declared = await post(`${rx.url}/`, big);
    assert.strictEqual(declared.status, 413);
    assert.strictEqual(rx.captures[0].tooLarge, true);
    assert.strictEqual(rx.captures[0].bodyBytes, 5000);
    // Chunked: no Content-Length, so the cap is found while reading.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${rx!.url}/`, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, res => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('y'.repeat(800));
      req.end('y'.repeat(800));
    });
    assert.strictEqual(status, 413);
    const c = await until(() => rx!.captures[1], 'second capture');
    assert.strictEqual(c.tooLarge, true);
    assert.ok(c.body.length <= 1000, `kept ${c.body.length} bytes`);
  });

  it('rate limit: past the cap a sender gets 429 and nothing more is recorded', async () => {
    rx = await startReceiver({ maxPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(`${rx.url}/`, '{}')).status ?? 0);
    assert.deepStrictEqual(statuses, [200, 200, 200, 429, 429]);
    assert.strictEqual(rx.captures.length, 3);
    assert.strictEqual(rx.limited, 2);
  });

  it('keeps only the newest maxRecords', async () => {
    rx = await startReceiver({ maxRecords: 2 });
    for (const n of [1, 2, 3]) await post(`${rx.url}/${n}`, '{}');
    assert.deepStrictEqual(
      rx.captures.map(c => c.url),
      ['/2', '/3'],
    );
  });

  it('bad bodies are recorded as text, never evaluated: broken JSON, multipart without its boundary, binary', async () => {
    rx = await startReceiver();
    await post(`${rx.url}/`, '{"CallSid": "x", ', { 'Content-Type': 'application/json' });
    await post(`${rx.url}/`, '--nope\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n', { 'Content-Type': 'multipart/form-data; boundary=other' });
    await post(`${rx.url}/`, '<script>alert(1)</script>${process.exit()}', { 'Content-Type': 'text/html' });
    assert.strictEqual(rx.captures.length, 3);
    assert.strictEqual(rx.captures[2].body, '<script>alert(1)</script>${process.exit()}');
    for (const c of rx.captures) assert.strictEqual(fromCapture(c, rx.url).callSid, undefined);
  });

  it('refuses to forward to itself (no loop) and only http(s) handlers', async () => {
    rx = await startReceiver();
    rx.setForwardTo(rx.url);
    const r = await post(`${rx.url}/`, '{}');
    assert.strictEqual(r.status, 508); // the second hop's refusal, relayed
    const c = await until(() => (rx!.captures[0]?.done ? rx!.captures[0] : undefined), 'loop');
    assert.strictEqual(c.forward?.result?.status, 508);
    assert.strictEqual(rx.captures.length, 1);
    assert.throws(() => rx!.setForwardTo('file:///etc/passwd'), /http/);
  });

  it('joinTarget keeps the handler path and appends the received one', () => {
    assert.strictEqual(joinTarget('http://localhost:3000', '/exotel/status?x=1'), 'http://localhost:3000/exotel/status?x=1');
    assert.strictEqual(joinTarget('http://localhost:3000/hook/', '/'), 'http://localhost:3000/hook');
    assert.strictEqual(joinTarget('http://localhost:3000/hook?k=1', '/a?b=2'), 'http://localhost:3000/hook/a?k=1&b=2');
  });
});

function freePort(): Promise<number> {
  return new Promise(resolve => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
