// One request per key however many callers want it at once. A caller's abort ends only its own wait; the request
// itself is aborted when the last caller has gone. Editor-free, so the concurrency rules are unit-tested in Node.
import { CancelledError } from '../../exotel';

interface Running<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export class SharedRequests<T> {
  private readonly running = new Map<string, Running<T>>();
  /** Requests started (not callers served). */
  started = 0;

  get inFlight(): number {
    return this.running.size;
  }

  /** Joins the request running for `key`, or starts one with `start`. Rejects with CancelledError when `signal` aborts. */
  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    return this.wait(this.join(key, start), signal);
  }

  private join(key: string, start: (signal: AbortSignal) => Promise<T>): Running<T> {
    const current = this.running.get(key);
    // An aborted request may still be settling: a new caller gets a request of its own.
    if (current && !current.controller.signal.aborted) return current;
    const controller = new AbortController();
    this.started++;
    let promise: Promise<T>;
    try {
      promise = start(controller.signal);
    } catch (err) {
      promise = Promise.reject(err);
    }
    const r: Running<T> = { promise, controller, waiters: 0 };
    this.running.set(key, r);
    // Failures reach the waiters; this only ends the sharing (and keeps an unwatched rejection quiet).
    const end = () => {
      if (this.running.get(key) === r) this.running.delete(key);
    };
    promise.then(end, end);
    return r;
  }

  private wait(r: Running<T>, signal: AbortSignal | undefined): Promise<T> {
    r.waiters++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = (): boolean => {
        if (settled) return false;
        settled = true;
        r.waiters--;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (r.waiters === 0) r.controller.abort();
        reject(new CancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      r.promise.then(
        v => {
          if (leave()) resolve(v);
        },
        err => {
          if (leave()) reject(err);
        },
      );
    });
  }
}
