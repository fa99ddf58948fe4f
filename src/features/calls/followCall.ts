import * as vscode from 'vscode';
import { inert, showInfo, showWarning } from '../../common/notify';
import { Call, ExotelClient, isFinalStatus } from '../../exotel';
import { Log } from '../../common/log';
import { outcomeText } from './callOutcome';
import { COMMANDS, VIEWS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';
import { errorMessage } from '../../base/errorMessage';

export interface FollowOptions {
  /** Give up following after this long (the call log keeps the call). */
  maxMs: number;
  onUpdate(call: Call): void;
  sandbox: boolean;
  /** Aborted when the extension deactivates: nothing polls after that. */
  stop: AbortSignal;
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
      const onStop = () => ac.abort();
      o.stop.addEventListener('abort', onStop, { once: true });
      const sub = token.onCancellationRequested(() => ac.abort());
      try {
        return await poll(client, placed, log, o, ac.signal, call => progress.report({ message: inert(`${call.status} — ${call.to ?? call.from ?? ''}`) }));
      } finally {
        sub.dispose();
        o.stop.removeEventListener('abort', onStop);
      }
    },
  );
  if (o.stop.aborted) return final;
  const message = outcomeText(final);
  const show = final.status === 'completed' ? showInfo : isFinalStatus(final.status) ? showWarning : showInfo;
  void Promise.resolve(show(message, t('Show Details'), t('Show in Call Log'))).then(pick => {
    if (pick === t('Show Details')) void vscode.commands.executeCommand(COMMANDS.callLogShowDetails, final);
    if (pick === t('Show in Call Log')) void vscode.commands.executeCommand(VIEWS.callsFocus);
  });
  log.info(`Call ${final.sid}: ${message}`);
  return final;
}

/** Call details with backoff (1 s, growing to 5 s) until a final status, the time limit, or the signal. */
async function poll(client: ExotelClient, placed: Call, log: Log, o: FollowOptions, signal: AbortSignal, report: (call: Call) => void): Promise<Call> {
  const deadline = Date.now() + o.maxMs;
  let call = placed;
  let delay = 1000;
  report(call);
  while (!isFinalStatus(call.status) && Date.now() < deadline && !signal.aborted) {
    await new Promise(r => setTimeout(r, delay));
    delay = Math.min(5000, Math.round(delay * 1.5));
    try {
      call = await client.getCall(placed.sid, { details: true, signal });
      o.onUpdate(call);
      report(call);
    } catch (err) {
      if (signal.aborted) break;
      log.warn(`Following call ${placed.sid}: ${errorMessage(err)}`);
    }
  }
  return call;
}
