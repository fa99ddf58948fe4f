// The shared rate limiter queues past its budget instead of failing, in order, and honours cancellation.
import * as assert from 'assert';
import { CancelledError, RateLimiter } from '../../../src/exotel';

describe('rate limiter', () => {
  it('lets the budget through at once and queues the rest in order', async () => {
    let clock = 0;
    const limiter = new RateLimiter({ perMinute: 2, windowMs: 50, now: () => clock });
    const order: number[] = [];
    const all = [1, 2, 3, 4].map(i => limiter.acquire().then(() => order.push(i)));
    await new Promise(r => setImmediate(r));
    assert.deepStrictEqual(order, [1, 2]);
    assert.strictEqual(limiter.queued, 2);
    clock = 60;
    await Promise.all(all);
    assert.deepStrictEqual(order, [1, 2, 3, 4]);
    limiter.dispose();
  });

  it('a queued request can be cancelled', async () => {
    const limiter = new RateLimiter({ perMinute: 1, windowMs: 60_000 });
    await limiter.acquire();
    const ac = new AbortController();
    const waiting = limiter.acquire(ac.signal);
    ac.abort();
    await assert.rejects(waiting, CancelledError);
    assert.strictEqual(limiter.queued, 0);
    limiter.dispose();
  });

  it('dispose cancels the requests still waiting', async () => {
    const limiter = new RateLimiter({ perMinute: 1, windowMs: 60_000 });
    await limiter.acquire();
    const waiting = limiter.acquire();
    limiter.dispose();
    await assert.rejects(waiting, CancelledError);
    assert.strictEqual(limiter.queued, 0);
  });

  it('pauses everyone after a Retry-After', async () => {
    let clock = 0;
    const limiter = new RateLimiter({ perMinute: 100, now: () => clock });
    limiter.pauseFor(40);
    let started = false;
    const p = limiter.acquire().then(() => (started = true));
    await new Promise(r => setImmediate(r));
    assert.strictEqual(started, false);
    clock = 41;
    await p;
    assert.strictEqual(started, true);
    limiter.dispose();
  });
});
