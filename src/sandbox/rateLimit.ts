// Exotel allows 200 Voice API requests a minute per account; past that, 429. A sliding 60 s window.

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

export class SlidingWindowLimiter {
  private stamps: number[] = [];

  constructor(
    public limit: number,
    private readonly now: () => number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts the request if admitted; a refused request does not use up the window. */
  take(): Admission {
    const now = this.now();
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.stamps.length && this.stamps[drop] <= cutoff) {
      drop++;
    }
    if (drop) {
      this.stamps = this.stamps.slice(drop);
    }
    if (this.limit > 0 && this.stamps.length >= this.limit) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((this.stamps[0] + this.windowMs - now) / 1000)) };
    }
    this.stamps.push(now);
    return { ok: true };
  }

  reset(): void {
    this.stamps = [];
  }
}
