// Phone numbers for the Exotel extension: parse what a user types, find numbers in text. A parsed number carries its
// forms: `exotel` (E.164, what the API wants) and `international` (to show people).
// Editor-free on purpose (no 'vscode' import), so it is unit-tested in plain Node and usable by the sandbox.
import { parsePhone as parsePhoneForCompare } from './parse';

export type { ParseResult, PhoneKind, PhoneMatch, PhoneNumberInfo } from './types';
export { parsePhone, clearPhoneCache } from './parse';
export { findPhoneNumbers } from './find';

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
