// The one translator for every user-facing string, editor-free or not (no direct vscode.l10n.t elsewhere).
// The extension installs vscode.l10n.t at activation; unit tests
// keep `plain`, which fills `{0}` placeholders the way vscode.l10n.t does for the default language.

export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

export const plain: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : whole));

let current: Translate = plain;

/** Called once by the composition root with vscode.l10n.t. */
export function useTranslator(t: Translate): void {
  current = t;
}

/** Translates with whatever translator is installed (a function, so that it is read at call time). */
export const t: Translate = (message, ...args) => current(message, ...args);
