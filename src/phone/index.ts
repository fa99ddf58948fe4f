// Phone numbers for the Exotel extension: parse what a user types, find numbers in text, format for Exotel.
// Editor-free on purpose (no 'vscode' import), so it is unit-tested in plain Node and usable by the sandbox.
import type { PhoneNumberInfo } from './types';

export type { ParseResult, PhoneKind, PhoneMatch, PhoneNumberInfo } from './types';
export { parsePhone, clearPhoneCache, DEFAULT_COUNTRY } from './parse';
export { findPhoneNumbers } from './find';

/** The form Exotel's API wants: E.164. */
export function formatForExotel(info: PhoneNumberInfo): string {
  return info.exotel;
}

/** The form to show people: international, e.g. '+91 98765 43210'. */
export function formatForDisplay(info: PhoneNumberInfo): string {
  return info.international;
}
