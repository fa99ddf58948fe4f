// The call log's data: the pages loaded so far for the current filter, where the next page is,
// the calls placed from this editor (the bulk API leaves ongoing calls out), and the last error.
import * as vscode from 'vscode';
import { Call, CallFilter, CallPage, ExotelClient, isFinalStatus } from '../../exotel';
import { Disposable } from '../../common/disposable';

export interface CallLogState {
  calls: Call[];
  loading: boolean;
  hasMore: boolean;
  error?: unknown;
}

export interface CallSource {
  client(): Promise<ExotelClient | undefined>;
}

/** Pages through a list of requests (date windows × number directions), one page per loadMore(). */
export class CallLogModel extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private loaded = new Map<string, Call>();
  private readonly placed = new Map<string, Call>();
  private requests: CallFilter[] = [];
  private requestIndex = 0;
  private lastPage: CallPage | undefined;
  private inFlight: Promise<void> | undefined;
  private generation = 0;
  private error: unknown;
  private started = false;
  /** Requests sent, for the figures and for tests of "no page twice". */
  pagesFetched = 0;

  constructor(private readonly source: CallSource) {
    super();
  }

  /** Starts over with new requests (a new filter, a refresh, another account). */
  reset(requests: CallFilter[]): void {
    this.generation++;
    this.requests = requests;
    this.requestIndex = 0;
    this.lastPage = undefined;
    this.loaded = new Map();
    this.error = undefined;
    this.inFlight = undefined;
    this.started = false;
    this.changed.fire();
  }

  /** Calls placed here show only in the unfiltered log: they have not been matched against a filter. */
  showPlaced = true;

  get state(): CallLogState {
    const merged = new Map(this.loaded);
    // A call placed here is shown at once; once the listing has it (the bulk API lists only ended calls), the listing wins.
    if (this.showPlaced) {
      for (const [sid, call] of this.placed) if (!merged.has(sid)) merged.set(sid, call);
    }
    const calls = [...merged.values()].sort((a, b) => (b.dateCreated ?? '').localeCompare(a.dateCreated ?? ''));
    return { calls, loading: this.inFlight !== undefined, hasMore: this.hasMore, error: this.error };
  }

  get hasMore(): boolean {
    if (!this.started) return true;
    if (this.lastPage?.nextPageUri) return true;
    return this.requestIndex < this.requests.length;
  }

  /** Loads the first page if nothing was loaded yet. */
  ensureLoaded(): Promise<void> {
    return this.started ? (this.inFlight ?? Promise.resolve()) : this.loadMore();
  }

  /** Loads the next page. Concurrent calls share one request, so two clicks never load a page twice. */
  loadMore(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.started && !this.hasMore) return Promise.resolve();
    const generation = this.generation;
    this.started = true;
    this.error = undefined;
    this.inFlight = this.fetchNext(generation).finally(() => {
      if (generation === this.generation) {
        this.inFlight = undefined;
        this.changed.fire();
      }
    });
    this.changed.fire();
    return this.inFlight;
  }

  /**
   * Fetches the newest page again and merges it, keeping every page already loaded and the cursor:
   * what auto-refresh does, so that it never throws away what "Load more" brought in.
   */
  async refreshHead(): Promise<void> {
    if (!this.started || this.inFlight || !this.requests.length) return this.ensureLoaded();
    const generation = this.generation;
    try {
      const client = await this.source.client();
      const page = client && await client.listCalls(this.requests[0]);
      if (!page || generation !== this.generation) return;
      for (const c of page.calls) this.loaded.set(c.sid, c);
      this.error = undefined;
    } catch (err) {
      if (generation === this.generation) this.error = err;
    }
    this.changed.fire();
  }

  /** A call placed from the editor: shown at once, updated as it is polled. */
  upsertPlaced(call: Call): void {
    this.placed.set(call.sid, call);
    this.changed.fire();
  }

  /** Placed calls that have not ended yet and are not listed: these still need following. */
  unfinishedPlaced(): Call[] {
    return [...this.placed.values()].filter(c => !isFinalStatus(c.status) && !this.loaded.has(c.sid));
  }

  /** Another account: its placed calls do not belong in this log. */
  clearPlaced(): void {
    this.placed.clear();
    this.changed.fire();
  }

  private async fetchNext(generation: number): Promise<void> {
    try {
      const client = await this.source.client();
      if (!client) return;
      let page: CallPage | undefined;
      let nextIndex = this.requestIndex;
      if (this.lastPage?.nextPageUri) {
        page = await client.nextPage(this.lastPage);
      } else if (this.requestIndex < this.requests.length) {
        page = await client.listCalls(this.requests[nextIndex++]);
      }
      if (generation !== this.generation || !page) return;
      // Only a page that arrived moves the cursor: after an error, Retry asks for the same page again.
      this.requestIndex = nextIndex;
      this.pagesFetched++;
      this.lastPage = page;
      for (const c of page.calls) this.loaded.set(c.sid, c);
    } catch (err) {
      if (generation === this.generation) this.error = err;
    }
  }
}
