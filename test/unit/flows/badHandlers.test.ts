// Handlers that misbehave: each is recorded at its applet with what Exotel would do next, capped, and the run
// (and the process) goes on. And flows that loop, runs that are stopped, listeners that throw.
import * as assert from 'assert';
import * as http from 'http';
import { AddressInfo } from 'net';
import { events, flow, handler, Handler, json, pathOf, run, text } from './helpers';

describe('flows: bad handlers', () => {
  let h: Handler | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a 50 MB answer is cut at the cap, recorded as too large, and the Connect takes "We didn\'t dial anyone"', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      let sent = 0;
      const more = (): void => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', () => (sent++, more()));
      };
      res.on('error', () => undefined);
      more();
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pc`;
    try {
      const before = process.memoryUsage().rss;
      const r = await run(flow({ c: { type: 'connect', url, next: { notDialled: 'e' } }, e: { type: 'hangup' } }), { settings: { maxBodyBytes: 4096 } });
      const [req] = events(r, 'request');
      assert.strictEqual(req.response?.body?.length, 4096);
      assert.ok(req.response?.truncated);
      assert.strictEqual(req.problem?.kind, 'too-large');
      assert.deepStrictEqual(pathOf(r), ['c:notDialled', 'e']);
      assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    }
  });

  it('a Gather URL that answers 500, times out, or refuses: recorded at the applet, then "noInput"', async () => {
    h = await handler({ '/500': text('boom', 500), '/slow': { ...json({ gather_prompt: { text: 'late' } }), delayMs: 1000 } });
    const closed = await handler({});
    const refusedUrl = closed.url('/x');
    await closed.close();
    for (const [url, kind] of [
      [h.url('/500'), 'status'],
      [h.url('/slow'), 'timeout'],
      [refusedUrl, 'refused'],
    ]) {
      const r = await run(flow({ m: { type: 'gather', url, next: { entered: 'e', noInput: 'e' } }, e: { type: 'hangup' } }), {
        settings: { appletTimeoutMs: 150 },
      });
      assert.deepStrictEqual(pathOf(r), ['m:noInput', 'e'], url);
      const [req] = events(r, 'request');
      if (kind === 'status') assert.strictEqual(req.response?.status, 500);
      else assert.strictEqual(req.response?.failure, kind);
      assert.match(req.exotelNext ?? '', /didn't enter anything/);
    }
  });

  it('JSON that is not the contract: an ill-typed Gather field', async () => {
    h = await handler({ '/m': json({ gather_prompt: { text: 'x' }, max_input_digits: 'four' }) });
    const r = await run(flow({ m: { type: 'gather', url: h.url('/m'), next: { noInput: 'e' } }, e: { type: 'hangup' } }));
    assert.strictEqual(events(r, 'request')[0].problem?.kind, 'contract');
    assert.match(events(r, 'request')[0].problem?.message ?? '', /max_input_digits/);
  });

  it('a reset connection is recorded and the Passthru takes "else"', async () => {
    h = await handler({ '/p': { drop: true } });
    const r = await run(flow({ p: { type: 'passthru', url: h.url('/p'), next: { else: 'e' } }, e: { type: 'hangup' } }));
    assert.deepStrictEqual(pathOf(r), ['p:else', 'e']);
    assert.strictEqual(events(r, 'request')[0].response?.failure, 'reset');
  });

  it('a flow that loops without end stops after maxApplets, with a message', async () => {
    const r = await run(flow({ m: { type: 'gather', prompt: { text: 'again' }, next: { entered: 'm', noInput: 'm' } } }), { settings: { maxApplets: 25 } });
    assert.strictEqual(r.outcome?.reason, 'max-applets');
    assert.strictEqual(r.path.length, 25);
    assert.match(r.outcome?.message ?? '', /25 applets/);
    assert.strictEqual(events(r, 'warning').length, 1);
  });

  it('a stopped run ends "cancelled", also while waiting for keys', async () => {
    const stop = new AbortController();
    const done = run(flow({ m: { type: 'gather', prompt: { text: 'x' }, next: { entered: 'e' } }, e: { type: 'hangup' } }), {
      signal: stop.signal,
      keys: (_p, signal) => new Promise(resolve => signal.addEventListener('abort', () => resolve(null))),
    });
    setTimeout(() => stop.abort(), 20);
    const r = await done;
    assert.strictEqual(r.outcome?.reason, 'cancelled');
  });

  it('a listener that throws does not stop the call; events are told live, requests twice', async () => {
    h = await handler({ '/p': text('') });
    const told: string[] = [];
    const r = await run(flow({ p: { type: 'passthru', url: h.url('/p'), next: { ok: 'e' } }, e: { type: 'hangup' } }), {
      onEvent: e => {
        told.push(`${e.kind}${e.kind === 'request' ? `:${e.done}` : ''}`);
        throw new Error('listener bug');
      },
    });
    assert.strictEqual(r.outcome?.reason, 'hangup');
    assert.deepStrictEqual(told, ['call-start', 'applet', 'request:false', 'request:true', 'branch', 'applet', 'call-end']);
  });
});
