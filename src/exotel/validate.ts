// Checks made before any request, each with a message that says what to change.
import { parsePhone } from '../phone';
import { t } from '../common/callText/translate';
import { ValidationError } from './errors';

/** Exotel's call SIDs: 32 lowercase letters and digits. */
export const CALL_SID_PATTERN = /^[0-9a-z]{32}$/;

/** How long a pre-signed recording link may stay valid, in minutes (RecordingUrlValidity). */
const RECORDING_URL_VALIDITY = { min: 5, max: 60 } as const;

export function recordingValidityField(value: unknown): number {
  return intField('RecordingUrlValidity', value, RECORDING_URL_VALIDITY.min, RECORDING_URL_VALIDITY.max, t(' minutes'));
}

export function fail(field: string, message: string): never {
  throw new ValidationError(field, message);
}

/** A phone number in the E.164 form Exotel prefers. */
export function phoneField(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(field, t('{0} is required: give a phone number such as +919876543210.', field));
  }
  const parsed = parsePhone(value);
  if (!parsed.ok) {
    fail(field, t('{0}: {1}', field, parsed.reason));
  }
  return parsed.number.exotel;
}

export function intField(field: string, value: unknown, min: number, max: number, unit = ''): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    fail(field, t('{0} must be a whole number from {1} to {2}{3} (got {4}).', field, min, max, unit, describe(value)));
  }
  return n;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(field, t('{0} must be one of {1} (got {2}).', field, allowed.join(', '), describe(value)));
  }
  return value as T;
}

export function urlField(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(field, t('{0} must be a URL such as https://example.com/exotel/status.', field));
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    fail(field, t('{0} is not a valid URL (got {1}).', field, describe(value)));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(field, t('{0} must start with http:// or https:// (got {1}).', field, url.protocol));
  }
  if (url.username || url.password) {
    fail(field, t('{0} must not carry a user name or password.', field));
  }
  return url.toString();
}

export function maxLength(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string') {
    fail(field, t('{0} must be text.', field));
  }
  if (value.length > max) {
    fail(field, t('{0} is {1} characters long; Exotel accepts at most {2}.', field, value.length, max));
  }
  return value;
}

/** Shows a bad value in a message without dumping objects or huge strings. */
export function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    return value.length > 40 ? `“${value.slice(0, 40)}…”` : `“${value}”`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return value === null ? 'null' : `a ${Array.isArray(value) ? 'list' : typeof value}`;
}
