// Phone numbers for the Exotel extension: parse what a user types, find numbers in text, format for Exotel.
// Editor-free on purpose (no 'vscode' import), so it is unit-tested in plain Node and usable by the sandbox.
import type { PhoneNumberInfo } from './types';
import { parsePhone as parsePhoneForCompare } from './parse';

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

/**
 * The E.164 form of a number as any source writes it (Exotel answers `09876543210` for `+919876543210`), or
 * undefined when it is not a number (a masked `0XXXXX38847`, an empty field). Numbers are compared by this form only.
 */
export function e164Of(text: string | undefined | null): string | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const parsed = parsePhoneForCompare(text);
  return parsed.ok ? parsed.number.e164 : undefined;
}

/** True when both are the same phone number, whatever form each is written in. */
export function sameNumber(a: string | undefined | null, b: string | undefined | null): boolean {
  const x = e164Of(a);
  return x !== undefined && x === e164Of(b);
}
