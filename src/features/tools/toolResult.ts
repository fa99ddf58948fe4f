import * as vscode from 'vscode';
import { redact, ValidationError } from '../../exotel';
import { dataBlock } from './toolData';
import { errorMessage } from '../../base/errorMessage';

/** A tool's answer: our own sentences, with anything from Exotel inside data blocks (see toolData.ts). */
export function toolText(...parts: string[]): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(parts.filter(Boolean).join('\n\n'))]);
}

/** A failure as a result the model can read; the message may quote Exotel, so it is data too. */
export function errorResult(what: string, err: unknown): vscode.LanguageModelToolResult {
  const message = errorMessage(err);
  // A bad input is caught before any request: say so, since the model may otherwise retry blindly.
  return toolText(err instanceof ValidationError ? `${what} Nothing was sent: the input was refused.` : what, dataBlock([['error', redact(message)]]));
}

export const NOT_SIGNED_IN = 'Not signed in to Exotel, so nothing was sent. Ask the user to run “Exotel: Sign In” or “Exotel: Start Sandbox”.';

/** An AbortSignal that follows a cancellation token, for the client's requests. */
export function abortOn(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  if (token.isCancellationRequested) ac.abort();
  const sub = token.onCancellationRequested(() => ac.abort());
  return { signal: ac.signal, dispose: () => sub.dispose() };
}
