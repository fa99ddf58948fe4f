import * as vscode from 'vscode';
import { showInfo, showWarning } from '../../common/notify';
import { defaultSaveUri } from '../../common/saveLocation';
import { Call, CallFilter, ExotelClient, newestFirst } from '../../exotel';
import { toCsv, toJson } from './callExportFormat';
import { callForExport } from '../../common/callText/callFormat';
import { maskingNumbers } from '../../common/privacy';
import { t } from '../../common/callText/translate';

export interface ExportArgs {
  format?: 'csv' | 'json';
  uri?: vscode.Uri;
}

/**
 * Export Calls…: every page of the current filter, within the shared rate limit, with a cancellable
 * progress bar. Returns the file written, or undefined when cancelled.
 */
export async function exportCalls(client: ExotelClient, requests: CallFilter[], args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
  const format = args.format ?? (await vscode.window.showQuickPick(['csv', 'json'] as const, { title: t('Export Calls: format') }));
  if (!format) return undefined;
  const uri =
    args.uri ??
    (await vscode.window.showSaveDialog({
      title: t('Export Calls'),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      defaultUri: defaultSaveUri(`exotel-calls.${format}`),
    }));
  if (!uri) return undefined;
  let skipped = 0; // rows Exotel sent that could not be read: the file leaves them out, and the message says so
  const calls = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Exporting Exotel calls'), cancellable: true },
    async (progress, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      const seen = new Map<string, Call>();
      try {
        for (const request of requests) {
          for await (const page of client.pages(request, { signal: ac.signal })) {
            for (const c of page.calls) seen.set(c.sid, c);
            skipped += page.skipped ?? 0;
            progress.report({ message: t('{0} calls so far', seen.size) });
            if (token.isCancellationRequested) return undefined;
          }
        }
      } catch (err) {
        // The abort surfaces as the request's CancelledError; whatever failed after Cancel no longer matters.
        if (token.isCancellationRequested) return undefined;
        throw err;
      }
      return [...seen.values()].sort(newestFirst);
    },
  );
  if (!calls) {
    // Said here: the command wrapper keeps quiet about cancellations, but a user who cancels an export should
    // know no partial file was left behind.
    void showInfo(t('Export cancelled; nothing was written.'));
    return undefined;
  }
  const rows = calls.map(callForExport);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(format === 'csv' ? toCsv(rows) : toJson(rows), 'utf8'));
  const where = vscode.workspace.asRelativePath(uri);
  const done = `${calls.length === 1 ? t('Exported 1 call to {0}.', where) : t('Exported {0} calls to {1}.', calls.length, where)} ${maskedNote()}`;
  const left =
    skipped === 1 ? t('1 row Exotel sent could not be read and was left out.') : t('{0} rows Exotel sent could not be read and were left out.', skipped);
  if (skipped) void showWarning(`${done} ${left}`);
  else void showInfo(done);
  return uri;
}

/** What an export or a copy says about its phone numbers. */
export function maskedNote(): string {
  return maskingNumbers() ? t('Phone numbers are masked (exotel.privacy.maskNumbers).') : t('Phone numbers are in full.');
}
