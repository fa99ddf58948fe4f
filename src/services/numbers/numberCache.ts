// The number-metadata cache: time to live, DND freshness, a size bound and the stored form.
// Editor-free (no 'vscode' import), so its rules are unit-tested in plain Node.
import type { NumberMetadata } from '../../exotel';

export interface CachedNumber {
  meta: NumberMetadata;
  /** Epoch milliseconds of the answer. */
  fetchedAt: number;
  /** Kept in memory only (the sandbox: its account is new each time it starts). */
  volatile?: boolean;
}

export interface CachePolicy {
  /** How long circle, operator and type are trusted. */
  ttlMs: number;
  /** How long the DND flag is trusted; people register and leave the DND list, so it ages faster. */
  dndTtlMs: number;
  maxEntries: number;
}

/** What goes into global state: versioned, compact, newest last. */
export interface StoredCache {
  v: 1;
  entries: Array<[key: string, fetchedAt: number, meta: NumberMetadata]>;
}

/** One cache for every account: a key is the account SID and the number, so accounts never see each other's answers. */
export function cacheKey(accountSid: string, e164: string): string {
  return `${accountSid} ${e164}`;
}

export function accountOf(key: string): string {
  return key.slice(0, key.lastIndexOf(' '));
}

/** Entries in insertion order, which is answer order: set() re-inserts, so the first entry is the oldest. */
export class NumberCache {
  private readonly entries = new Map<string, CachedNumber>();

  constructor(
    private policyValue: CachePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  get policy(): CachePolicy {
    return this.policyValue;
  }

  set policy(p: CachePolicy) {
    this.policyValue = p;
    this.evict();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry while within its time to live (its DND may be stale: see isDndFresh); an expired one is dropped. */
  get(key: string): CachedNumber | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const age = this.now() - e.fetchedAt;
    if (age < this.policyValue.ttlMs && age >= 0) return e;
    this.entries.delete(key);
    return undefined;
  }

  /** True while the DND flag may be relied on; a call decision needs a fresher answer than a circle does. */
  isDndFresh(e: CachedNumber): boolean {
    const age = this.now() - e.fetchedAt;
    return age >= 0 && age < Math.min(this.policyValue.dndTtlMs, this.policyValue.ttlMs);
  }

  set(key: string, meta: NumberMetadata, volatile = false, fetchedAt = this.now()): CachedNumber {
    const entry: CachedNumber = volatile ? { meta, fetchedAt, volatile } : { meta, fetchedAt };
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.evict();
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Drops every entry whose key fails the test (e.g. accounts signed out of). Returns how many went. */
  retain(keep: (key: string) => boolean): number {
    let dropped = 0;
    for (const key of [...this.entries.keys()]) {
      if (!keep(key)) {
        this.entries.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  /** The newest `max` live, non-volatile entries, oldest first. */
  toStored(max: number): StoredCache {
    const now = this.now();
    const live = [...this.entries].filter(([, e]) => !e.volatile && now - e.fetchedAt < this.policyValue.ttlMs);
    return { v: 1, entries: live.slice(Math.max(0, live.length - max)).map(([k, e]) => [k, e.fetchedAt, e.meta]) };
  }

  /** Adds what was stored, skipping anything malformed or expired. Returns how many entries were taken. */
  load(stored: unknown): number {
    if (!isStored(stored)) return 0;
    const now = this.now();
    const valid = stored.entries
      .filter(e => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number' && isMetadata(e[2]))
      .filter(([, at]) => now - at >= 0 && now - at < this.policyValue.ttlMs)
      .sort((a, b) => a[1] - b[1]);
    for (const [key, fetchedAt, meta] of valid) {
      if (!this.entries.has(key)) this.entries.set(key, { meta: pickMetadata(meta), fetchedAt });
    }
    this.evict();
    return valid.length;
  }

  private evict(): void {
    const over = this.entries.size - Math.max(0, this.policyValue.maxEntries);
    if (over <= 0) return;
    let n = 0;
    for (const key of this.entries.keys()) {
      if (n++ >= over) break;
      this.entries.delete(key);
    }
  }
}

function isStored(x: unknown): x is StoredCache {
  return typeof x === 'object' && x !== null && (x as StoredCache).v === 1 && Array.isArray((x as StoredCache).entries);
}

const TEXT_FIELDS = ['circle', 'circleName', 'type', 'operator', 'operatorName', 'dnd'] as const;

function isMetadata(x: unknown): x is NumberMetadata {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return typeof m.phoneNumber === 'string' && TEXT_FIELDS.every(f => m[f] === undefined || typeof m[f] === 'string');
}

/** Only the known fields: global state is shared storage, and anything else in it is not ours to keep. */
function pickMetadata(m: NumberMetadata): NumberMetadata {
  const out: NumberMetadata = { phoneNumber: m.phoneNumber };
  for (const f of TEXT_FIELDS) if (m[f] !== undefined) out[f] = m[f];
  return out;
}
