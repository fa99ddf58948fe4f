import * as vscode from 'vscode';
import { CancelledError, canLookUp, DAY_MS, HOUR_MS, LookupOptions, NumberEntry, NumberLookups, NumberMetadata } from '../../exotel';
import { Disposable } from '../../common/disposable';
import { Log } from '../../common/log';
import { affects, setting } from '../../common/settings';
import { parsePhone } from '../../phone';
import { SANDBOX_PROFILE_ID } from '../../session/profile';
import { Connection, Session } from '../../session/session';
import { accountOf, CachedNumber, cacheKey, CachePolicy, NumberCache } from './numberCache';
import { SharedRequests } from './sharedRequests';
import { errorMessage } from '../../base/errorMessage';

const CACHE_STATE_KEY = 'exotel.numberCache';
const MAX_ENTRIES = 5000;
// Global state is read by every window at start-up, so only the newest answers are kept across restarts.
const MAX_STORED = 2000;
const SAVE_DELAY_MS = 2000;

/**
 * Number metadata from Exotel, cached per account in memory and in global state. Circle and operator are
 * trusted for `exotel.numbers.cacheDays`, DND for `exotel.numbers.dndCacheHours`. Concurrent lookups of a
 * number share one request; failures are not cached.
 */
export class NumberInfoService extends Disposable implements NumberLookups {
  /** Read from global state on first use, not at activation (up to 2000 answers). */
  private restored: NumberCache | undefined;
  private readonly requests = new SharedRequests<NumberMetadata>();
  /** The signed-in account's SID; peek() reads only its answers. */
  private account: string | undefined;
  private accountGeneration = 0;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly session: Session,
    private readonly log: Log,
    now: () => number = Date.now,
  ) {
    super();
    this.now = now;
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (affects(e, 'numbers') && this.restored) this.restored.policy = readPolicy();
      }),
    );
    this.register(session.onDidChange(() => this.onSessionChange()));
    this.register({ dispose: () => this.flush() });
    void this.onSessionChange(false);
  }

  private readonly now: () => number;

  private get cache(): NumberCache {
    if (!this.restored) {
      this.restored = new NumberCache(readPolicy(), this.now);
      const loaded = this.restored.load(this.state.get(CACHE_STATE_KEY));
      if (loaded) this.log.info(`Number cache: ${loaded} answers restored`);
    }
    return this.restored;
  }

  /** The current account's cached answer for a number, within its time to live; never sends anything. */
  peek(e164: string): NumberMetadata | undefined {
    return this.entry(e164)?.meta;
  }

  /** peek() with the answer's age and whether its DND may still be relied on. */
  entry(e164: string): (NumberEntry & CachedNumber) | undefined {
    if (!this.account) return undefined;
    const e = this.cache.get(cacheKey(this.account, e164));
    return e && { ...e, dndFresh: this.cache.isDndFresh(e) };
  }

  /** Requests sent to Exotel (for tests and the bench). */
  get requestCount(): number {
    return this.requests.started;
  }

  /** True when an account is signed in (the sandbox included), as last reported by the session. */
  get signedIn(): boolean {
    return this.account !== undefined;
  }

  /**
   * The metadata of an Indian mobile or landline number: from the cache while fresh, else from Exotel.
   * Undefined when signed out, for other numbers, and (with network: false) when nothing is cached.
   * Exotel's errors are thrown, and a caller's abort throws CancelledError.
   */
  async lookup(e164: string, opts: LookupOptions = {}): Promise<NumberMetadata | undefined> {
    const parsed = parsePhone(e164);
    if (!parsed.ok || !canLookUp(parsed.number)) return undefined;
    const number = parsed.number.e164;
    if (opts.signal?.aborted) throw new CancelledError();
    const conn = await this.session.current();
    if (!conn) return undefined;
    const key = cacheKey(conn.client.accountSid, number);
    const cached = this.cache.get(key);
    if (cached && !opts.refresh && this.cache.isDndFresh(cached)) return cached.meta;
    if (opts.network === false) return cached?.meta;
    return this.requests.run(key, this.fetch(key, number, conn), opts.signal);
  }

  /** Forgets every answer, here and in global state. */
  async clear(): Promise<void> {
    this.cache.clear();
    await this.save();
  }

  get size(): number {
    return this.cache.size;
  }

  private fetch(key: string, e164: string, conn: Connection): (signal: AbortSignal) => Promise<NumberMetadata> {
    const volatile = conn.profile.id === SANDBOX_PROFILE_ID;
    return async signal => {
      const meta = await conn.client.getNumberMetadata(e164, { signal });
      this.cache.set(key, meta, volatile);
      if (!volatile) this.scheduleSave();
      return meta;
    };
  }

  /**
   * The session changed: until the new connection is known, nothing is peeked (it may be another account's).
   * Answers stay with their account while it is signed in; an account signed out of (or a stopped sandbox) loses them.
   */
  private async onSessionChange(prune = true): Promise<void> {
    const generation = ++this.accountGeneration;
    this.account = undefined;
    const c = await this.session.current().catch(() => undefined);
    if (generation !== this.accountGeneration || this.isDisposed) return;
    this.account = c?.client.accountSid;
    if (!prune) return;
    const known = new Set(this.session.profiles.list().map(p => p.accountSid));
    if (c) known.add(c.client.accountSid);
    const dropped = this.cache.retain(key => known.has(accountOf(key)));
    if (dropped) {
      this.log.info(`Number cache: ${dropped} answers of accounts no longer signed in dropped`);
      this.scheduleSave();
    }
  }

  private scheduleSave(): void {
    if (this.saveTimer || this.isDisposed) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  private flush(): void {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    void this.save();
  }

  private async save(): Promise<void> {
    try {
      await this.state.update(CACHE_STATE_KEY, this.cache.toStored(MAX_STORED));
    } catch (err) {
      this.log.warn(`Number cache not saved: ${errorMessage(err)}`);
    }
  }

  /** Writes the cache now (tests check what survives a restart). */
  async saveNow(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.save();
  }
}

function readPolicy(): CachePolicy {
  return {
    ttlMs: setting('numbers.cacheDays') * DAY_MS,
    dndTtlMs: setting('numbers.dndCacheHours') * HOUR_MS,
    maxEntries: MAX_ENTRIES,
  };
}
