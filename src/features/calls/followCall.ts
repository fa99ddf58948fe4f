import * as vscode from 'vscode';
import { Call, ExotelClient, isFinalStatus } from '../../exotel';
import { Log } from '../../common/log';
import { outcomeText } from './callOutcome';

const t = vscode.l10n.t;

export interface FollowOptions {
  /** Give up following after this long (the call log keeps the call). */
  maxMs: number;
  onUpdate(call: Call): void;
  sandbox: boolean;
}

/**
 * Follows a placed call in a progress notification: call details polled with backoff until a final
 * status, then the outcome in words with "Show Details" and "Show in Call Log".
 */
export async function followCall(client: ExotelClient, placed: Call, log: Log, o: FollowOptions): Promise<Call> {
  const final = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: o.sandbox ? t('Sandbox call') : t('Exotel call'), cancellable: true },
    async (progress, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      const deadline = Date.now() + o.maxMs;
      let call = placed;
      let delay = 1000;
      progress.report({ message: t('{0} — {1}', call.status, call.to ?? call.from ?? '') });
      while (!isFinalStatus(call.status) && Date.now() < deadline && !token.isCancellationRequested) {
        await new Promise(r => setTimeout(r, delay));
        delay = Math.min(5000, Math.round(delay * 1.5));
        try {
          call = await client.getCall(placed.sid, { details: true, signal: ac.signal });
          o.onUpdate(call);
          progress.report({ message: t('{0} — {1}', call.status, call.to ?? call.from ?? '') });
        } catch (err) {
          log.warn(`Following call ${placed.sid}: ${err instanceof Error ? err.message : String(err)}`);
          if (ac.signal.aborted) break;
        }
      }
      return call;
    });
  const message = outcomeText(final);
  const show = final.status === 'completed' ? vscode.window.showInformationMessage
    : isFinalStatus(final.status) ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void Promise.resolve(show(message, t('Show Details'), t('Show in Call Log'))).then(pick => {
    if (pick === t('Show Details')) void vscode.commands.executeCommand('exotel.callLog.showDetails', final);
    if (pick === t('Show in Call Log')) void vscode.commands.executeCommand('exotel.calls.focus');
  });
  log.info(`Call ${final.sid}: ${message}`);
  return final;
}
