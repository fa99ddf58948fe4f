// Calls/connect parameter checks → a ConnectRequest, or the 400 message Exotel-style clients show users.
import { checked, Invalid } from './invalid';
import { arrayValues, lastValue } from './body';
import type { NumberEcho } from './context';
import { toEcho } from './phoneEcho';
import { CallbackEvent, ConnectRequest, PhoneEcho } from './types';

const LIMITS = { timeLimit: 14400, timeOut: 60, customField: 128 } as const;

export type Validation = { ok: true; request: ConnectRequest } | { ok: false; message: string };

export function validateConnect(fields: ReadonlyArray<[string, string]>, echo: NumberEcho = 'national'): Validation {
  return checked(
    () => build(fields, echo),
    request => ({ ok: true as const, request }),
  );
}

function build(fields: ReadonlyArray<[string, string]>, echo: NumberEcho): ConnectRequest {
  const phone = (raw: string, message: string): PhoneEcho => {
    const parsed = toEcho(raw, echo);
    if (!parsed) {
      throw new Invalid(message);
    }
    return parsed;
  };
  const get = (name: string): string | undefined => {
    const value = lastValue(fields, name)?.trim();
    return value === '' ? undefined : value;
  };
  const fromRaw = required(get('From'), 'From');
  const url = get('Url');
  const toRaw = get('To');
  if (url === undefined && toRaw === undefined) {
    throw new Invalid("Missing mandatory parameter 'To' (or 'Url' to connect From to a call flow)");
  }
  if (url !== undefined && toRaw !== undefined) {
    throw new Invalid("Send either 'To' (connect two numbers) or 'Url' (connect to a call flow), not both");
  }
  const callerIdRaw = required(get('CallerId'), 'CallerId');
  const from = phone(fromRaw, `From number ${fromRaw} is invalid`);
  const to = toRaw === undefined ? null : phone(toRaw, `To number ${toRaw} is invalid`);
  const callerId = phone(callerIdRaw, 'CallerId is not a valid ExoPhone');
  const record = bool(get('Record'), 'Record');
  const customField = lastValue(fields, 'CustomField') || null;
  if (customField !== null && customField.length > LIMITS.customField) {
    throw new Invalid(`CustomField must be at most ${LIMITS.customField} characters (got ${customField.length})`);
  }
  return {
    from,
    to,
    callerId,
    flowUrl: url === undefined ? null : httpUrl(url, 'Url'),
    callType: callType(get('CallType')),
    timeLimit: integer(get('TimeLimit'), 'TimeLimit', 1, LIMITS.timeLimit),
    timeOut: integer(get('TimeOut'), 'TimeOut', 1, LIMITS.timeOut),
    waitUrl: optionalUrl(get('WaitUrl'), 'WaitUrl'),
    record,
    recordingChannels: oneOf(get('RecordingChannels'), 'RecordingChannels', ['single', 'dual'] as const, 'single'),
    recordingFormat: oneOf(get('RecordingFormat'), 'RecordingFormat', ['mp3', 'mp3-hq'] as const, 'mp3'),
    customField,
    statusCallback: optionalUrl(get('StatusCallback'), 'StatusCallback'),
    statusCallbackEvents: events(arrayValues(fields, 'StatusCallbackEvents')),
    warnings: eventSpellingWarnings(fields),
    statusCallbackJson:
      oneOf(get('StatusCallbackContentType'), 'StatusCallbackContentType', ['multipart/form-data', 'application/json'] as const, 'multipart/form-data') ===
      'application/json',
  };
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) {
    throw new Invalid(`Missing mandatory parameter '${name}'`);
  }
  return value;
}

function bool(value: string | undefined, name: string): boolean {
  if (value === undefined) {
    return false;
  }
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    throw new Invalid(`${name} must be 'true' or 'false' (got '${value}')`);
  }
  return lower === 'true';
}

function integer(value: string | undefined, name: string, min: number, max: number): number | null {
  if (value === undefined) {
    return null;
  }
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new Invalid(`${name} must be a whole number of seconds from ${min} to ${max} (got '${value}')`);
  }
  return n;
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Invalid(`${name} must be one of ${allowed.map(a => `'${a}'`).join(', ')} (got '${value}')`);
  }
  return value as T;
}

function callType(value: string | undefined): string | null {
  if (value === 'promo') {
    throw new Invalid("CallType 'promo' is no longer supported; use 'trans'");
  }
  return value === undefined ? null : oneOf(value, 'CallType', ['trans'] as const, 'trans');
}

function httpUrl(value: string, name: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    throw new Invalid(`${name} must be an absolute http:// or https:// URL (got '${value}')`);
  }
  return value;
}

function optionalUrl(value: string | undefined, name: string): string | null {
  return value === undefined ? null : httpUrl(value, name);
}

/**
 * Exotel documents an array (`StatusCallbackEvents[0]=terminal`, or `StatusCallbackEvents[]=terminal` in a newer
 * example); a bare `StatusCallbackEvents=terminal` or a comma list appears in no Exotel text, and real Exotel may
 * silently send only the default callback. Accepted here, with a warning the developer sees.
 */
export const UNDOCUMENTED_EVENTS_SPELLING = 'undocumented spelling: send StatusCallbackEvents[0]=…';

export function eventSpellingWarnings(fields: ReadonlyArray<[string, string]>): string[] {
  const mine = fields.filter(([k]) => k === 'StatusCallbackEvents' || /^StatusCallbackEvents\[\d*\]$/.test(k));
  if (!mine.some(([k, v]) => k === 'StatusCallbackEvents' || v.includes(','))) {
    return [];
  }
  const values = mine
    .flatMap(([, v]) => v.split(','))
    .map(v => v.trim())
    .filter(Boolean);
  const documented = values.map((v, i) => `StatusCallbackEvents[${i}]=${v}`).join('&');
  return [
    `${UNDOCUMENTED_EVENTS_SPELLING.replace('StatusCallbackEvents[0]=…', documented || 'StatusCallbackEvents[0]=terminal')} (Exotel documents an array; a bare or comma-separated value may get only the default callback on a real account)`,
  ];
}

function events(values: string[] | undefined): CallbackEvent[] {
  const out: CallbackEvent[] = [];
  for (const value of (values ?? [])
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(Boolean)) {
    if (value !== 'terminal' && value !== 'answered') {
      throw new Invalid(`StatusCallbackEvents values must be 'terminal' or 'answered' (got '${value}')`);
    }
    if (!out.includes(value)) {
      out.push(value);
    }
  }
  return out;
}
