import * as vscode from 'vscode';
import { inert, showError, showWarning } from './notify';
import { AuthenticationError, ExotelError, mayHavePlacedCall, ValidationError } from '../exotel';
import { NotSignedInError } from './errors';
import { Log } from './log';

/** A command's handler: whatever it returns reaches `executeCommand` callers (tests, other commands). */
export type CommandHandler = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The one command wrapper: every error is logged and shown once, in words a user can act on.
 * It is not rethrown (VS Code would show it a second time); the command then returns undefined.
 */
export function registerCommand(log: Log, id: string, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      reportError(log, id, err);
      return undefined;
    }
  });
}

/** Errors already shown: invocations that joined one action (a double Enter on Connect) share its error, and one action gets one message. */
const reported = new WeakSet<object>();

/** Logs and shows an error; the message's buttons are handled later, so nothing waits on the user. */
export function reportError(log: Log, where: string, err: unknown): void {
  if (typeof err === 'object' && err !== null) {
    if (reported.has(err)) return;
    reported.add(err);
  }
  if (err instanceof ExotelError && err.kind === 'cancelled' && !mayHavePlacedCall(err)) {
    log.info(`${where}: cancelled`);
    return;
  }
  log.error(where, err);
  const message = log.mask(userMessage(err));
  const actions: string[] = [];
  if (err instanceof AuthenticationError || err instanceof NotSignedInError) actions.push(vscode.l10n.t('Sign In'));
  if (err instanceof NotSignedInError) actions.push(vscode.l10n.t('Try the Sandbox'));
  if (mayHavePlacedCall(err) || /call log/.test(message)) actions.push(vscode.l10n.t('Show Call Log'));
  if (!(err instanceof NotSignedInError)) actions.push(vscode.l10n.t('Show Log'));
  const show = err instanceof ValidationError ? showWarning : showError;
  log.noteShown(inert(message)); // as the notification shows it
  void Promise.resolve(show(message, ...actions)).then(picked => {
    const next = picked === vscode.l10n.t('Sign In') ? 'exotel.signIn'
      : picked === vscode.l10n.t('Show Call Log') ? 'exotel.calls.focus'
        : picked === vscode.l10n.t('Try the Sandbox') ? 'exotel.startSandbox'
          : picked === vscode.l10n.t('Show Log') ? 'exotel.showLog' : undefined;
    if (next) void vscode.commands.executeCommand(next);
  });
}

/** A message for people: our own errors already are; anything else gets a plain sentence. */
export function userMessage(err: unknown): string {
  if (err instanceof ExotelError || err instanceof NotSignedInError) return err.message;
  if (err instanceof Error && err.message) return vscode.l10n.t('Something went wrong: {0}', err.message);
  return vscode.l10n.t('Something went wrong. See the Exotel log for details.');
}
