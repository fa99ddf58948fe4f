// Every call of a set of requests (31-day windows × number directions), page by page within the caller's rate
// limit; calls listed twice (To and From) are kept once. Used by the Call Stats panel (with a progress bar), the
// editor's language-model tool and the MCP server. Editor-free.
import type { Call, CallFilter, ExotelClient } from '../exotel';
import { t } from '../common/callText/translate';
import { LegDetailsCache } from './legDetails';

export interface FetchedCalls {
  calls: Call[];
  pages: number;
  skipped: number;
  /** Incoming completed calls the listing gave without legs: how their details were had. */
  withoutLegs?: { needed: number; fetched: number; fromCache: number; failed: number };
}

/** Details fetched for calls listed without legs, shared by every load in this process (an ended call's legs never change). */
export const legDetails = new LegDetailsCache();

/** The fetch itself: ends early (undefined) once the signal aborts. `onPage` hears of each page. */
export async function collectCalls(
  client: ExotelClient,
  requests: CallFilter[],
  signal: AbortSignal,
  onPage: (message: string) => void = () => undefined,
): Promise<FetchedCalls | undefined> {
  const seen = new Map<string, Call>();
  let pages = 0;
  let skipped = 0;
  try {
    for (const [i, request] of requests.entries()) {
      for await (const page of client.pages({ ...request, details: true }, { signal })) {
        pages++;
        for (const c of page.calls) seen.set(c.sid, c);
        skipped += page.skipped ?? 0;
        onPage(t('Fetching calls: {0} so far (request {1} of {2}, page {3})', seen.size, i + 1, requests.length, pages));
        if (signal.aborted) return undefined;
      }
    }
  } catch (err) {
    if (signal.aborted) return undefined;
    throw err;
  }
  // Exotel documents details=true for one call only: where the listing left the legs out, ask each call (one at a time,
  // through the caller's rate limiter). Until then such a call is "outcome unknown", never answered.
  const filled = await legDetails.fill(client, [...seen.values()], {
    signal,
    onProgress: p => onPage(t('The listing gave no legs for {0} incoming calls: fetching their details ({1} of {0})', p.total, p.done)),
  });
  if (signal.aborted) return undefined;
  const { needed, fetched, fromCache, failed } = filled;
  return { calls: filled.calls, pages, skipped, ...(needed ? { withoutLegs: { needed, fetched, fromCache, failed } } : {}) };
}

/** What the figures say about calls listed without legs, for the panel's and the tools' notes. */
export function withoutLegsNote(f: Pick<FetchedCalls, 'withoutLegs'>): string | undefined {
  const w = f.withoutLegs;
  if (!w) return undefined;
  const got = t(
    'Exotel listed {0} incoming calls without leg statuses: their details were fetched one by one ({1} fetched, {2} remembered).',
    w.needed,
    w.fetched,
    w.fromCache,
  );
  return w.failed ? `${got} ${t('{0} could not be fetched and stay "outcome unknown".', w.failed)}` : got;
}
