import { t } from './callText/translate';
import type { NextStep } from '../exotel';

/** A command needs an account and there is none: the message offers sign-in and the sandbox. */
export class NotSignedInError extends Error {
  readonly next: NextStep = 'sign-in';
  constructor() {
    super(t('Sign in to Exotel, or start the sandbox, first.'));
    this.name = 'NotSignedInError';
  }
}
