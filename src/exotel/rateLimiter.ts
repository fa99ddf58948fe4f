// One limiter shared by every caller of the API (tree, hovers, exports, calls): Exotel allows
// 200 requests a minute per account, so requests past that wait their turn instead of failing.
import { CancelledError } from './errors';

export interface RateLimiterOptions {
  perMinute?: number;
  windowMs?: number;
  now?: () => number;
}

export class RateLimiter {
  private readonly starts: number[] = [];
  private readonly waiters: Array<{ grant: () => void; cancel: () => void }> = [];
  private timer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;
  readonly perMinute: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions = {}) {
    this.perMinute = Math.max(1, Math.floor(options.perMinute ?? 200));
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** How many requests are waiting for a slot. */
  get queued(): number {
    return this.waiters.length;
  }

  /** Resolves when a request may start; rejects with CancelledError if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(new CancelledError());
    }
    // The common case, a free slot and nobody waiting, costs no closure and no listener.
    if (!this.waiters.length && this.now() >= this.pausedUntil) {
      this.expire(this.now());
      if (this.starts.length < this.perMinute) {
        this.starts.push(this.now());
        return Promise.resolve();
      }
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        cancel: () => {
          signal?.removeEventListener('abort', onAbort);
          reject(new CancelledError());
        },
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) {
          this.waiters.splice(i, 1);
        }
        reject(new CancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.drain();
    });
  }

  /** How long requests are paused for now (after a 429), in ms; 0 when they are not. */
  get pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  /** After a 429, nobody starts until Exotel's Retry-After (or our own pause) has passed. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** Stops the limiter; requests still waiting are cancelled rather than left hanging. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters.splice(0)) w.cancel();
  }

  private expire(now: number): void {
    while (this.starts.length && this.starts[0] <= now - this.windowMs) {
      this.starts.shift();
    }
  }

  private drain(): void {
    const now = this.now();
    this.expire(now);
    while (this.waiters.length && now >= this.pausedUntil && this.starts.length < this.perMinute) {
      this.starts.push(now);
      this.waiters.shift()!.grant();
    }
    if (this.waiters.length && !this.timer) {
      const freeAt = this.starts.length >= this.perMinute ? this.starts[0] + this.windowMs : now;
      const wait = Math.max(freeAt, this.pausedUntil) - now;
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.drain();
        },
        Math.max(1, wait),
      );
    }
  }
}
