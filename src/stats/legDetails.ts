// Incoming `completed` calls listed without legs. Exotel documents `details=true` for one call's details only (support
// article 56523; the bulk pages list no such filter), so a real listing may carry no Leg2Status: whether an agent
// answered is then unknown — never "answered" — until that call's own details are fetched. This fetches them one by
// one through the client (so within the shared rate limit), remembering each: an ended call's legs do not change.
import type { Call, CallDetails } from '../exotel';

/** An incoming call Exotel marks completed, listed without Details: only its own details tell answered from missed. */
export function needsLegDetails(call: Call): boolean {
  return call.status === 'completed' && call.direction === 'inbound' && !call.details;
}

export interface DetailsClient {
  getCall(callSid: string, opts: { details: boolean; signal?: AbortSignal }): Promise<Call>;
}

export interface FillProgress {
  /** Calls done so far (fetched, from the cache, or failed) of `total`. */
  done: number;
  total: number;
}

export interface FillResult {
  /** The calls, those that needed legs now with Details where they could be had. */
  calls: Call[];
  /** Calls that needed legs. */
  needed: number;
  fetched: number;
  fromCache: number;
  /** Fetches that failed (the call stays "outcome unknown"). */
  failed: number;
}

const CACHE_MAX = 20_000;

/** Details of ended calls by CallSid, kept across loads (the oldest dropped past 20,000). */
export class LegDetailsCache {
  private readonly byCall = new Map<string, CallDetails>();

  get size(): number {
    return this.byCall.size;
  }

  /** The call with its remembered Details, when it needs them and they are known; else the call as it was. */
  withKnown(call: Call): Call {
    const details = needsLegDetails(call) ? this.byCall.get(call.sid) : undefined;
    return details ? { ...call, details } : call;
  }

  remember(sid: string, details: CallDetails): void {
    this.byCall.delete(sid);
    this.byCall.set(sid, details);
    if (this.byCall.size > CACHE_MAX) this.byCall.delete(this.byCall.keys().next().value!);
  }

  clear(): void {
    this.byCall.clear();
  }

  /**
   * Fills in the Details of every call that needs them: from the cache, else one `getCall(sid, details)` at a time.
   * Stops early when the signal aborts (the rest stay unknown). A failed fetch leaves that call unknown.
   */
  async fill(client: DetailsClient, calls: readonly Call[], opts: { signal?: AbortSignal; onProgress?: (p: FillProgress) => void } = {}): Promise<FillResult> {
    const out = calls.map(c => this.withKnown(c));
    const needed = calls.filter(needsLegDetails).length;
    const missing = out.map((c, i) => [c, i] as const).filter(([c]) => needsLegDetails(c));
    const result: FillResult = { calls: out, needed, fetched: 0, fromCache: needed - missing.length, failed: 0 };
    let done = result.fromCache;
    if (needed) opts.onProgress?.({ done, total: needed });
    for (const [call, i] of missing) {
      if (opts.signal?.aborted) break;
      try {
        const full = await client.getCall(call.sid, { details: true, signal: opts.signal });
        if (full.details) {
          this.remember(call.sid, full.details);
          out[i] = { ...call, details: full.details };
          result.fetched++;
        } else {
          result.failed++;
        }
      } catch {
        if (opts.signal?.aborted) break;
        result.failed++;
      }
      opts.onProgress?.({ done: ++done, total: needed });
    }
    return result;
  }
}
