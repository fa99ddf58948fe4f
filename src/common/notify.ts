// Every notification goes through here, so that text from Exotel can never form a command link in it
// (lint forbids vscode.window.show*Message elsewhere).
import * as vscode from 'vscode';
import { inertNotificationText as inert } from './untrustedText';

export { inert };

type Show = typeof vscode.window.showInformationMessage;

function safe(kind: 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage'): Show {
  return ((message: string, ...rest: unknown[]) => {
    const first = rest[0];
    if (typeof first === 'object' && first !== null && !('title' in first)) {
      const options = first as vscode.MessageOptions;
      rest = [{ ...options, detail: options.detail === undefined ? undefined : inert(options.detail) }, ...rest.slice(1)];
    }
    // Looked up at call time, so that tests which watch vscode.window see every message.
    return (vscode.window[kind] as (...a: unknown[]) => Thenable<unknown>)(inert(message), ...rest);
  }) as Show;
}

export const showInfo = safe('showInformationMessage');
export const showWarning = safe('showWarningMessage') as typeof vscode.window.showWarningMessage;
export const showError = safe('showErrorMessage') as typeof vscode.window.showErrorMessage;
