// The call log's data: the pages loaded so far for the current filter, where the next page is,
// with the calls placed from this editor merged in (the bulk API leaves ongoing calls out), and the last error.
import * as vscode from 'vscode';
import { Call, CallFilter, CallPage, ExotelClient, newestFirst } from '../../exotel';
import { Disposable } from '../../common/disposable';
import { FillProgress, LegDetailsCache, needsLegDetails } from '../../stats';

export interface CallLogState {
  calls: Call[];
  loading: boolean;
  hasMore: boolean;
  error?: unknown;
  /** Rows Exotel sent that could not be read (no Sid), left out of `calls`. */
  skipped: number;
  /** While incoming calls listed without legs get their own details fetched: how far. */
  fillingLegs?: FillProgress;
  /** Incoming completed calls whose legs could not be fetched (they stay "outcome unknown"). */
  legsFailed: number;
}

export interface CallSource {
  client(): Promise<ExotelClient | undefined>;
  /** Calls placed from this editor (the shared call history), and when they change. */
  placed(): Call[];
  onDidChangePlaced: vscode.Event<void>;
}

/** How many pages a Refresh may load beyond those loaded before, to reach the oldest call listed again. */
const REFRESH_EXTRA_PAGES = 3;

/** Where paging stands: the requests, the next one to send, the last page (its nextPageUri goes on), pages so far. */
interface Cursor {
  requests: CallFilter[];
  index: number;
  lastPage?: CallPage;
  pages: number;
}

const start = (requests: CallFilter[]): Cursor => ({ requests, index: 0, pages: 0 });
const more = (c: Cursor): boolean => Boolean(c.lastPage?.nextPageUri) || c.index < c.requests.length;

/** The page after a cursor and the cursor past it; undefined at the end. The cursor itself is left as it was. */
async function pageAfter(client: ExotelClient, c: Cursor): Promise<{ page: CallPage; next: Cursor } | undefined> {
  const following = c.lastPage?.nextPageUri ? await client.nextPage(c.lastPage) : undefined;
  if (following) return { page: following, next: { ...c, lastPage: following, pages: c.pages + 1 } };
  if (c.index >= c.requests.length) return undefined;
  const page = await client.listCalls(c.requests[c.index]);
  return { page, next: { ...c, index: c.index + 1, lastPage: page, pages: c.pages + 1 } };
}

/** Pages through a list of requests (date windows × number directions), one page per loadMore(). */
export class CallLogModel extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private loaded = new Map<string, Call>();
  private cursorNow = start([]);
  /** Requests to make on first use (activation computes none: the view may never be shown). */
  private lazyRequests: (() => CallFilter[]) | undefined;
  private inFlight: Promise<void> | undefined;
  private reloading: Promise<void> | undefined;
  private generation = 0;
  private error: unknown;
  private skipped = 0;
  private started = false;
  /** Requests sent, for the figures and for tests of "no page twice". */
  pagesFetched = 0;
  /** Details of calls the listing gave without legs (an ended call's legs do not change: kept across loads). */
  private readonly legs = new LegDetailsCache();
  private filling: Promise<void> | undefined;
  /** Stops a fill when the filter or account changes. */
  private fillStop = new AbortController();
  private fillingLegs: FillProgress | undefined;
  private legsFailed = 0;
  /** Single-call details fetched for legs, for the in-host tests. */
  legFetches = 0;

  constructor(private readonly source: CallSource) {
    super();
    this.register(source.onDidChangePlaced(() => this.changed.fire()));
  }

  private get cursor(): Cursor {
    if (this.lazyRequests) this.cursor = start(this.lazyRequests());
    return this.cursorNow;
  }

  private set cursor(c: Cursor) {
    this.lazyRequests = undefined;
    this.cursorNow = c;
  }

  /** The first requests, made when the log is first read; nothing is fired (nothing was shown yet). */
  startWith(requests: () => CallFilter[]): void {
    this.lazyRequests = requests;
  }

  /** Starts over with new requests (a new filter, page size or account). */
  reset(requests: CallFilter[]): void {
    this.generation++;
    this.legsFailed = 0;
    this.fillStop.abort();
    this.fillStop = new AbortController();
    this.cursor = start(requests);
    this.loaded = new Map();
    this.skipped = 0;
    this.error = undefined;
    this.inFlight = undefined;
    this.started = false;
    this.changed.fire();
  }

  /**
   * Which calls placed here show before the listing has them: all of them in the unfiltered log; under a filter,
   * those it admits (numbers compared by E.164: Exotel answers 0-prefixed whatever was sent).
   */
  placedMatch: (call: Call) => boolean = () => true;

  get state(): CallLogState {
    const merged = new Map(this.loaded);
    // A call placed here is shown at once; once the listing has it (the bulk API lists only ended calls), the listing wins.
    for (const call of this.source.placed()) if (!merged.has(call.sid) && this.placedMatch(call)) merged.set(call.sid, call);
    const calls = [...merged.values()].sort(newestFirst);
    return {
      calls,
      loading: this.inFlight !== undefined,
      hasMore: this.hasMore,
      error: this.error,
      skipped: this.skipped,
      fillingLegs: this.fillingLegs,
      legsFailed: this.legsFailed,
    };
  }

  get hasMore(): boolean {
    return !this.started || more(this.cursor);
  }

  /** Loads the first page if nothing was loaded yet. */
  ensureLoaded(): Promise<void> {
    return this.started ? (this.inFlight ?? Promise.resolve()) : this.loadMore();
  }

  /** Loads the next page. Concurrent calls share one request, so two clicks never load a page twice. */
  loadMore(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.started && !this.hasMore) return Promise.resolve();
    this.started = true;
    return this.run(generation => this.fetchNext(generation));
  }

  /**
   * Refresh: the requests again, loaded as deep as before (as many pages, and back to the oldest call listed),
   * then swapped in whole. The list is updated, not collapsed to its first page; if a page fails, the old list stays.
   */
  reload(requests: CallFilter[]): Promise<void> {
    if (this.inFlight) {
      if (this.inFlight === this.reloading) return this.inFlight;
      // After a Load more, refresh what it brought in too, unless the filter or account changed meanwhile.
      const generation = this.generation;
      return this.inFlight.then(() => (generation === this.generation ? this.reload(requests) : undefined));
    }
    if (!this.cursor.pages) {
      // Nothing was loaded (or only errors): there is nothing to keep.
      this.reset(requests);
      return this.loadMore();
    }
    this.reloading = this.run(generation => this.fetchAgain(requests, generation));
    return this.reloading;
  }

  /**
   * Fetches the newest page again and merges it, keeping every page already loaded and the cursor:
   * what auto-refresh does, so that it never throws away what "Load more" brought in.
   */
  async refreshHead(): Promise<void> {
    if (!this.started || this.inFlight || !this.cursor.requests.length) return this.ensureLoaded();
    const generation = this.generation;
    try {
      const client = await this.source.client();
      const page = client && (await client.listCalls(this.cursor.requests[0]));
      if (!page || generation !== this.generation) return;
      for (const c of page.calls) this.loaded.set(c.sid, this.legs.withKnown(c));
      this.error = undefined;
    } catch (err) {
      if (generation === this.generation) this.error = err;
    }
    this.changed.fire();
    void this.fillLegs();
  }

  /** One load at a time, shown as loading; a reset meanwhile (new filter, account) makes its result moot. */
  private run(work: (generation: number) => Promise<void>): Promise<void> {
    const generation = this.generation;
    this.error = undefined;
    this.inFlight = work(generation).finally(() => {
      if (generation === this.generation) {
        this.inFlight = undefined;
        this.changed.fire();
        void this.fillLegs();
      }
    });
    this.changed.fire();
    return this.inFlight;
  }

  /** Resolves once no leg details are being fetched (for tests and the figures). */
  legsSettled(): Promise<void> {
    return this.filling ?? Promise.resolve();
  }

  /**
   * Incoming `completed` calls listed without legs: remembered details at once, the rest fetched one call at a time
   * (the client waits for the shared rate limit), shown as progress. Until then such a row says "outcome unknown".
   */
  private fillLegs(): Promise<void> {
    if (this.filling) return this.filling.then(() => this.fillLegs());
    const generation = this.generation;
    const calls = [...this.loaded.values()].filter(needsLegDetails);
    if (!calls.length) return Promise.resolve();
    this.filling = (async () => {
      try {
        const client = await this.source.client();
        if (!client || generation !== this.generation) return;
        const counting = { getCall: (sid: string, o: { details: boolean; signal?: AbortSignal }) => (this.legFetches++, client.getCall(sid, o)) };
        const result = await this.legs.fill(counting, calls, {
          signal: this.fillStop.signal,
          onProgress: p => {
            if (generation !== this.generation) return;
            this.fillingLegs = p.done < p.total ? p : undefined;
            this.changed.fire();
          },
        });
        if (generation !== this.generation) return;
        for (const c of result.calls) if (this.loaded.has(c.sid)) this.loaded.set(c.sid, c);
        this.legsFailed = [...this.loaded.values()].filter(needsLegDetails).length;
      } finally {
        this.filling = undefined;
        this.fillingLegs = undefined;
        this.changed.fire();
      }
    })();
    return this.filling;
  }

  private async fetchNext(generation: number): Promise<void> {
    try {
      const client = await this.source.client();
      const step = client && (await pageAfter(client, this.cursor));
      if (generation !== this.generation || !step) return;
      // Only a page that arrived moves the cursor: after an error, Retry asks for the same page again.
      this.cursor = step.next;
      this.pagesFetched++;
      for (const c of step.page.calls) this.loaded.set(c.sid, this.legs.withKnown(c));
      this.skipped += step.page.skipped ?? 0;
    } catch (err) {
      if (generation === this.generation) this.error = err;
    }
  }

  private async fetchAgain(requests: CallFilter[], generation: number): Promise<void> {
    const depth = this.cursor.pages;
    // New calls push older ones down: go on past `depth` until the oldest call listed before is reached again.
    const oldest = oldestDate(this.loaded.values());
    try {
      const client = await this.source.client();
      if (!client) return;
      let cursor = start(requests);
      const loaded = new Map<string, Call>();
      let reachedOldest = oldest === undefined;
      let skipped = 0;
      // Past `depth` only a little: if the oldest call fell out of the requests (a new day under "Today"), it is never reached.
      while (cursor.pages < depth || (!reachedOldest && cursor.pages < depth + REFRESH_EXTRA_PAGES)) {
        const step = await pageAfter(client, cursor);
        if (generation !== this.generation) return;
        if (!step) break;
        this.pagesFetched++;
        cursor = step.next;
        skipped += step.page.skipped ?? 0;
        for (const c of step.page.calls) {
          loaded.set(c.sid, this.legs.withKnown(c));
          if (oldest && c.dateCreated && c.dateCreated <= oldest) reachedOldest = true;
        }
      }
      this.cursor = cursor;
      this.loaded = loaded;
      this.skipped = skipped;
    } catch (err) {
      if (generation === this.generation) this.error = err;
    }
  }
}

function oldestDate(calls: Iterable<Call>): string | undefined {
  let oldest: string | undefined;
  for (const c of calls) if (c.dateCreated && (oldest === undefined || c.dateCreated < oldest)) oldest = c.dateCreated;
  return oldest;
}
