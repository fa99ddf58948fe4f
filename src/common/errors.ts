import * as vscode from 'vscode';

/** A command needs an account and there is none: the message offers sign-in and the sandbox. */
export class NotSignedInError extends Error {
  constructor() {
    super(vscode.l10n.t('Sign in to Exotel, or start the sandbox, first.'));
    this.name = 'NotSignedInError';
  }
}
