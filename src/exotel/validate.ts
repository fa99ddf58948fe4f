// Checks made before any request, each with a message that says what to change.
import { parsePhone } from '../phone';
import { ValidationError } from './errors';

export function fail(field: string, message: string): never {
  throw new ValidationError(field, message);
}

/** A phone number in the E.164 form Exotel prefers. */
export function phoneField(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(field, `${field} is required: give a phone number such as +919876543210.`);
  }
  const parsed = parsePhone(value);
  if (!parsed.ok) {
    fail(field, `${field}: ${parsed.reason}`);
  }
  return parsed.number.exotel;
}

export function intField(field: string, value: unknown, min: number, max: number, unit = ''): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    fail(field, `${field} must be a whole number from ${min} to ${max}${unit} (got ${describe(value)}).`);
  }
  return n;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(field, `${field} must be one of ${allowed.join(', ')} (got ${describe(value)}).`);
  }
  return value as T;
}

export function urlField(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(field, `${field} must be a URL such as https://example.com/exotel/status.`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // Not quoted back: a URL may carry credentials.
    fail(field, `${field} is not a valid URL: give it as https://host/path.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(field, `${field} must start with http:// or https:// (got ${url.protocol}).`);
  }
  if (url.username || url.password) {
    fail(field, `${field} must not carry a user name or password.`);
  }
  return url.toString();
}

export function maxLength(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string') {
    fail(field, `${field} must be text.`);
  }
  if (value.length > max) {
    fail(field, `${field} is ${value.length} characters long; Exotel accepts at most ${max}.`);
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
