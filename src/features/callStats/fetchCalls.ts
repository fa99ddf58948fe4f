// Every call of a set of requests (31-day windows × number directions), page by page within the shared rate
// limit; calls listed twice (To and From) are kept once. The panel shows a cancellable progress bar; the
// language-model tool follows its chat's cancellation instead.
import * as vscode from 'vscode';
import { CallFilter, ExotelClient } from '../../exotel';
import { collectCalls, FetchedCalls } from '../../stats';

export { collectCalls } from '../../stats';
export type { FetchedCalls } from '../../stats';

import { t } from '../../common/callText/translate';

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
