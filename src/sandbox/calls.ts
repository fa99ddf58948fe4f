// The call store: a Map for lookups plus an array kept sorted by (DateCreated, Sid) — the same
// key the listing cursors encode, so paging is a binary search, not an offset.
import { CallRecord } from './types';

export function compareKey(a: { createdAt: number; sid: string }, b: { createdAt: number; sid: string }): number {
  if (a.createdAt !== b.createdAt) {
    return a.createdAt - b.createdAt;
  }
  return a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0;
}

export class CallStore {
  private readonly bySid = new Map<string, CallRecord>();
  private sorted: CallRecord[] = [];

  get size(): number {
    return this.bySid.size;
  }

  get(sid: string): CallRecord | undefined {
    return this.bySid.get(sid);
  }

  /** Oldest first. Callers must not mutate the array. */
  ascending(): readonly CallRecord[] {
    return this.sorted;
  }

  add(call: CallRecord): void {
    if (this.bySid.has(call.sid)) {
      throw new Error(`duplicate Call SID ${call.sid}`);
    }
    this.bySid.set(call.sid, call);
    // New calls are nearly always the newest: append, else insert at the binary-searched spot.
    const last = this.sorted[this.sorted.length - 1];
    if (!last || compareKey(last, call) < 0) {
      this.sorted.push(call);
    } else {
      this.sorted.splice(lowerBound(this.sorted, call), 0, call);
    }
  }

  /** Bulk insert (seeding thousands): one sort instead of many splices. */
  addMany(calls: readonly CallRecord[]): void {
    for (const call of calls) {
      if (this.bySid.has(call.sid)) {
        throw new Error(`duplicate Call SID ${call.sid}`);
      }
      this.bySid.set(call.sid, call);
    }
    this.sorted = [...this.sorted, ...calls].sort(compareKey);
  }

  /** Takes these calls out again (a seeded history added for one test); returns how many were there. */
  remove(sids: ReadonlySet<string>): number {
    const before = this.sorted.length;
    for (const sid of sids) this.bySid.delete(sid);
    this.sorted = this.sorted.filter(c => !sids.has(c.sid));
    return before - this.sorted.length;
  }

  clear(): void {
    this.bySid.clear();
    this.sorted = [];
  }
}

/** First index whose key is ≥ `key`. */
export function lowerBound(items: readonly { createdAt: number; sid: string }[], key: { createdAt: number; sid: string }): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKey(items[mid], key) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
