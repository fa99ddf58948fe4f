// Phone numbers for the Exotel extension: parse what a user types, find numbers in text. A parsed number carries its
// forms: `exotel` (E.164, what the API wants) and `international` (to show people).
// Editor-free on purpose (no 'vscode' import), so it is unit-tested in plain Node and usable by the sandbox.
export type { ParseResult, PhoneKind, PhoneMatch, PhoneNumberInfo } from './types';
export { parsePhone, clearPhoneCache } from './parse';
export { findPhoneNumbers } from './find';
