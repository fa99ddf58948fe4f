// Every call of a set of requests (31-day windows × number directions), page by page within the caller's rate
// limit; calls listed twice (To and From) are kept once. Used by the Call Stats panel (with a progress bar), the
// editor's language-model tool and the MCP server. Editor-free.
import type { Call, CallFilter, ExotelClient } from '../exotel';
import { t } from '../common/callText/translate';

export interface FetchedCalls {
  calls: Call[];
  pages: number;
  skipped: number;
}

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
  return { calls: [...seen.values()], pages, skipped };
}
