import * as fs from 'fs';
import * as vscode from 'vscode';
import { showInfo } from '../../common/notify';
import { defaultSaveUri } from '../../common/saveLocation';
import { Call, CancelledError, ExotelClient, recordingFileName, ValidationError } from '../../exotel';
import { RECORDING_VALIDITY_MINUTES } from './callDetailsPanel';

import { t } from '../../common/callText/translate';

export interface DownloadRecordingArgs {
  /** Where to save; asked with a save dialog when absent. */
  uri?: vscode.Uri;
}

/**
 * Download Recording…: the call's details again (a fresh pre-signed link, if the account has them), a save dialog,
 * then the file with a cancellable progress notification. A private link is fetched with the key and token in a
 * header, only from an Exotel host or the API's own origin; a partial file never stays behind.
 * Returns the file written, or undefined when cancelled.
 */
export async function downloadRecording(client: ExotelClient, call: Call, args: DownloadRecordingArgs = {}): Promise<vscode.Uri | undefined> {
  const fresh = await client.getCall(call.sid, { recordingUrlValidity: RECORDING_VALIDITY_MINUTES });
  const source = client.recordingSource(fresh);
  if (!source) throw new ValidationError('RecordingUrl', t('Exotel has no recording for call {0}.', call.sid));
  const name = recordingFileName(call.sid, source.url);
  const uri =
    args.uri ??
    (await vscode.window.showSaveDialog({
      title: t('Download Recording'),
      filters: { [t('Audio')]: [name.split('.').pop() ?? 'mp3'] },
      defaultUri: defaultSaveUri(name),
    }));
  if (!uri) return undefined;
  if (uri.scheme !== 'file') throw new ValidationError('uri', t('Recordings are saved to a file on this machine; pick a local folder.'));
  const part = `${uri.fsPath}.part`;
  const ok = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Downloading the recording of call {0}…', call.sid.slice(0, 8)), cancellable: true },
    async (progress, token) => {
      const ac = new AbortController();
      const sub = token.onCancellationRequested(() => ac.abort());
      const out = fs.createWriteStream(part);
      let reported = 0;
      try {
        await client.fetchRecording(source, {
          signal: ac.signal,
          onData: chunk => new Promise<void>((resolve, reject) => out.write(chunk, err => (err ? reject(err) : resolve()))),
          onProgress: (received, total) => {
            if (total) {
              const pct = Math.floor((received / total) * 100);
              progress.report({ increment: pct - reported, message: `${pct} %` });
              reported = pct;
            } else {
              progress.report({ message: t('{0} KB', Math.round(received / 1024)) });
            }
          },
        });
        await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
        await fs.promises.rename(part, uri.fsPath);
        return true;
      } catch (err) {
        out.destroy();
        await fs.promises.rm(part, { force: true });
        if (token.isCancellationRequested || err instanceof CancelledError) return false;
        throw err;
      } finally {
        sub.dispose();
      }
    },
  );
  if (!ok) {
    // The command wrapper keeps quiet about cancellations; a user who cancels should know nothing was left behind.
    void showInfo(t('Download cancelled; nothing was saved.'));
    return undefined;
  }
  void showInfo(t('Saved the recording of call {0} to {1}.', call.sid.slice(0, 8), vscode.workspace.asRelativePath(uri)));
  return uri;
}
