// Every call of a set of requests (31-day windows × number directions), page by page within the shared rate
// limit; calls listed twice (To and From) are kept once. The panel shows a cancellable progress bar; the
// language-model tool follows its chat's cancellation instead.
import * as vscode from 'vscode';
import { Call, CallFilter, ExotelClient } from '../../exotel';

import { t } from '../../common/callText/translate';

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

/** With a cancellable progress notification. Undefined when the user cancelled. `onProgress` also tells the panel. */
export async function fetchAllCalls(client: ExotelClient, requests: CallFilter[], onProgress: (message: string) => void): Promise<FetchedCalls | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Call Stats'), cancellable: true }, async (progress, token) => {
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort());
    try {
      return await collectCalls(client, requests, ac.signal, message => {
        progress.report({ message });
        onProgress(message);
      });
    } finally {
      sub.dispose();
    }
  });
}
