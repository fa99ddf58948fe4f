import * as vscode from 'vscode';
import { inert, showError, showWarning } from './notify';
import { ExotelError, mayHavePlacedCall, NextStep, ValidationError } from '../exotel';
import { t } from './callText/translate';
import { CommandId, COMMANDS, VIEWS } from './commandIds';
import { NotSignedInError } from './errors';
import { Log } from './log';

/** A command's handler: whatever it returns reaches `executeCommand` callers (tests, other commands). */
export type CommandHandler = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The one command wrapper: every error is logged and shown once, in words a user can act on.
 * It is not rethrown (VS Code would show it a second time); the command then returns undefined.
 */
export function registerCommand(log: Log, id: CommandId, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      reportError(log, id, err, () => void vscode.commands.executeCommand(id, ...args));
      return undefined;
    }
  });
}

/** The buttons an error's next step offers, and what each runs. Read from the error's fields, never its wording. */
function buttonsFor(err: unknown, retry: (() => void) | undefined): Array<[label: string, run: () => void]> {
  const run = (command: string) => () => void vscode.commands.executeCommand(command);
  const next: NextStep = err instanceof ExotelError || err instanceof NotSignedInError ? err.next : 'none';
  const buttons: Array<[string, () => void]> = [];
  if (next === 'sign-in' || next === 'check-region') buttons.push([t('Sign In'), run(COMMANDS.signIn)]);
  if (err instanceof NotSignedInError) buttons.push([t('Try the Sandbox'), run(COMMANDS.startSandbox)]);
  if (next === 'check-call-log') buttons.push([t('Show Call Log'), run(VIEWS.callsFocus)]);
  if (next === 'retry' && retry) buttons.push([t('Retry'), retry]);
  if (!(err instanceof NotSignedInError)) buttons.push([t('Show Log'), run(COMMANDS.showLog)]);
  return buttons;
}

/** Errors already shown: invocations that joined one action (a double Enter on Connect) share its error, and one action gets one message. */
const reported = new WeakSet<object>();

/** Logs and shows an error; the message's buttons are handled later, so nothing waits on the user. */
export function reportError(log: Log, where: string, err: unknown, retry?: () => void): void {
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
  const buttons = buttonsFor(err, retry);
  const show = err instanceof ValidationError ? showWarning : showError;
  log.noteShown(inert(message)); // as the notification shows it
  void Promise.resolve(show(message, ...buttons.map(([label]) => label))).then(picked => {
    buttons.find(([label]) => label === picked)?.[1]();
  });
}

/** A message for people: our own errors already are; anything else gets a plain sentence. */
function userMessage(err: unknown): string {
  if (err instanceof ExotelError || err instanceof NotSignedInError) return err.message;
  if (err instanceof Error && err.message) return t('Something went wrong: {0}', err.message);
  return t('Something went wrong. See the Exotel log for details.');
}
