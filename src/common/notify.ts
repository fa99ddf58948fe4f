// Every notification goes through here, so that text from Exotel can never form a command link in it
// (lint forbids vscode.window.show*Message elsewhere).
import * as vscode from 'vscode';
import { maskNumbersIn } from './privacy';
import { displayText, inertNotificationText } from './untrustedText';

let mask: (text: string) => string = text => text;

/** Masks known secrets in every notification (the log's list): set once by activate(). */
export function useNotificationMask(m: (text: string) => string): void {
  mask = m;
}

/** Text as a notification shows it: secrets (and numbers, when asked) masked, bidi and control characters visible, no command links. */
export function inert(text: string, multiline = false): string {
  return inertNotificationText(displayText(maskNumbersIn(mask(text)), multiline));
}

type Show = typeof vscode.window.showInformationMessage;

function safe(kind: 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage'): Show {
  return ((message: string, ...rest: unknown[]) => {
    const first = rest[0];
    if (typeof first === 'object' && first !== null && !('title' in first)) {
      const options = first as vscode.MessageOptions;
      rest = [{ ...options, detail: options.detail === undefined ? undefined : inert(options.detail, true) }, ...rest.slice(1)];
    }
    // Looked up at call time, so that tests which watch vscode.window see every message.
    return (vscode.window[kind] as (...a: unknown[]) => Thenable<unknown>)(inert(message), ...rest);
  }) as Show;
}

export const showInfo = safe('showInformationMessage');
export const showWarning = safe('showWarningMessage') as typeof vscode.window.showWarningMessage;
export const showError = safe('showErrorMessage') as typeof vscode.window.showErrorMessage;
