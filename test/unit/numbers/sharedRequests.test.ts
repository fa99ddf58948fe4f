import * as assert from 'assert';
import { CancelledError } from '../../../src/exotel';
import { SharedRequests } from '../../../src/services/numbers/sharedRequests';

/** A request the test settles by hand, recording whether it was aborted. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('numbers: SharedRequests', () => {
  it('gives concurrent callers of one key the same single request', async () => {
    const shared = new SharedRequests<string>();
    const d = deferred<string>();
    let starts = 0;
    const start = () => {
      starts++;
      return d.promise;
    };
    const all = Promise.all([shared.run('k', start), shared.run('k', start), shared.run('k', start)]);
    d.resolve('answer');
    assert.deepStrictEqual(await all, ['answer', 'answer', 'answer']);
    assert.strictEqual(starts, 1);
    assert.strictEqual(shared.started, 1);
    assert.strictEqual(shared.inFlight, 0);
  });

  it('starts a new request once the previous one settled, and one per key', async () => {
    const shared = new SharedRequests<number>();
    let n = 0;
    await shared.run('k', async () => ++n);
    await shared.run('k', async () => ++n);
    await Promise.all([shared.run('a', async () => ++n), shared.run('b', async () => ++n)]);
    assert.strictEqual(shared.started, 4);
  });

  it('passes a failure to every caller and does not keep it', async () => {
    const shared = new SharedRequests<string>();
    const d = deferred<string>();
    const a = shared.run('k', () => d.promise);
    const b = shared.run('k', () => d.promise);
    d.reject(new Error('401'));
    await assert.rejects(a, /401/);
    await assert.rejects(b, /401/);
    assert.strictEqual(await shared.run('k', async () => 'ok'), 'ok');
  });

  it('one caller aborting ends only its wait; the request goes on for the others', async () => {
    const shared = new SharedRequests<string>();
    const d = deferred<string>();
    let aborted = false;
    const start = (signal: AbortSignal) => {
      signal.addEventListener('abort', () => {
        aborted = true;
      });
      return d.promise;
    };
    const ac = new AbortController();
    const a = shared.run('k', start, ac.signal);
    const b = shared.run('k', start);
    ac.abort();
    await assert.rejects(a, CancelledError);
    assert.strictEqual(aborted, false);
    d.resolve('answer');
    assert.strictEqual(await b, 'answer');
  });

  it('aborts the request when the last caller has gone, and a later caller starts afresh', async () => {
    const shared = new SharedRequests<string>();
    const d = deferred<string>();
    let signalSeen: AbortSignal | undefined;
    const ac1 = new AbortController();
    const ac2 = new AbortController();
    const start = (signal: AbortSignal) => {
      signalSeen = signal;
      return d.promise;
    };
    const a = shared.run('k', start, ac1.signal);
    const b = shared.run('k', start, ac2.signal);
    ac1.abort();
    assert.strictEqual(signalSeen?.aborted, false);
    ac2.abort();
    assert.strictEqual(signalSeen?.aborted, true);
    await assert.rejects(a, CancelledError);
    await assert.rejects(b, CancelledError);
    // The aborted request has not settled yet; a new caller must not join it.
    assert.strictEqual(await shared.run('k', async () => 'fresh'), 'fresh');
    assert.strictEqual(shared.started, 2);
    d.reject(new CancelledError());
  });

  it('rejects at once for an already aborted signal, without starting anything', async () => {
    const shared = new SharedRequests<string>();
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(
      shared.run('k', async () => 'x', ac.signal),
      CancelledError,
    );
    assert.strictEqual(shared.started, 0);
  });

  it('turns a start that throws into a rejection', async () => {
    const shared = new SharedRequests<string>();
    await assert.rejects(
      shared.run('k', () => {
        throw new Error('bad number');
      }),
      /bad number/,
    );
    assert.strictEqual(shared.inFlight, 0);
  });
});
