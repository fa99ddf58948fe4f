// Bulk call details: query string → a checked filter, or the 400 message. Limits: docs/exotel-api-notes.md, Bulk call details.
import { decodeCursor, Cursor } from './cursor';
import { parseIndian } from './phoneEcho';
import { checked, Invalid } from './invalid';
import { RECORDING_VALIDITY_MINUTES } from './recording';
import { dateRange, range, Range } from './ranges';
import { CALL_STATUSES, DIRECTIONS } from './types';

export type { Range };

export interface ListFilter {
  sids?: Set<string>;
  createdFrom: number;
  createdTo: number;
  to?: Set<string>;
  from?: Set<string>;
  phoneNumbers?: Set<string>;
  statuses?: Set<string>;
  directions?: Set<string>;
  duration?: Range;
  /** Thousandths of the currency unit, to compare prices exactly. */
  price?: Range;
  pageSize: number;
  order: 'asc' | 'desc';
  after?: Cursor;
  before?: Cursor;
  details: boolean;
  recordingValidity?: number;
  /** The caller's filters (no cursor), carried into the page URIs. */
  carried: Array<[string, string]>;
}

const LIST_LIMITS = { sids: 100, numbers: 5, pageSizeDefault: 50, pageSizeMax: 100, rangeDays: 31, historyMonths: 6 } as const;

export function parseListQuery(query: URLSearchParams, nowMs: number): { ok: true; filter: ListFilter } | { ok: false; message: string } {
  return checked(
    () => build(query, nowMs),
    filter => ({ ok: true as const, filter }),
  );
}

function build(query: URLSearchParams, nowMs: number): ListFilter {
  const get = (name: string): string | undefined => query.get(name)?.trim() || undefined;
  const [createdFrom, createdTo] = dateRange(get('DateCreated'), nowMs, LIST_LIMITS.rangeDays, LIST_LIMITS.historyMonths);
  const after = cursor(get('After'), 'After');
  const before = cursor(get('Before'), 'Before');
  if (after && before) {
    throw new Invalid('Send either After or Before, not both');
  }
  return {
    sids: sids(get('Sid')),
    createdFrom,
    createdTo,
    to: numbers(get('To'), 'To'),
    from: numbers(get('From'), 'From'),
    phoneNumbers: numbers(get('PhoneNumber'), 'PhoneNumber'),
    statuses: words(get('Status'), 'Status', CALL_STATUSES),
    directions: words(get('Direction'), 'Direction', DIRECTIONS),
    duration: range(get('Duration'), 'Duration', ['gte', 'eq', 'lte'], /^(\d+)s$/, 'seconds with an s suffix, e.g. gte:10s;lte:45s', m => Number(m[1])),
    price: range(get('Price'), 'Price', ['gte', 'eq', 'lte'], /^(\d+(?:\.\d+)?)$/, 'an amount, e.g. gte:0.10;lte:1.0', m => Math.round(Number(m[1]) * 1000)),
    pageSize: pageSize(get('PageSize')),
    order: sortBy(get('SortBy')),
    after,
    before,
    details: get('details') === 'true',
    recordingValidity: recordingValidity(get('RecordingUrlValidity')),
    carried: [...query].filter(([name]) => name !== 'After' && name !== 'Before'),
  };
}

function list(value: string, name: string, max: number): string[] {
  const items = value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  if (items.length > max) {
    throw new Invalid(`${name}: at most ${max} comma-separated values are allowed (got ${items.length})`);
  }
  return items;
}

function sids(value: string | undefined): Set<string> | undefined {
  return value === undefined ? undefined : new Set(list(value, 'Sid', LIST_LIMITS.sids));
}

function numbers(value: string | undefined, name: string): Set<string> | undefined {
  if (value === undefined) {
    return undefined;
  }
  return new Set(
    list(value, name, LIST_LIMITS.numbers).map(n => {
      const parsed = parseIndian(n);
      if (!parsed.ok) {
        throw new Invalid(`${name}: '${n}' is not a valid phone number`);
      }
      return parsed.number.e164;
    }),
  );
}

function words(value: string | undefined, name: string, allowed: readonly string[]): Set<string> | undefined {
  if (value === undefined) {
    return undefined;
  }
  const items = list(value, name, allowed.length);
  const bad = items.find(i => !allowed.includes(i));
  if (bad !== undefined) {
    throw new Invalid(`${name}: '${bad}' is not one of ${allowed.join(', ')}`);
  }
  return new Set(items);
}

function pageSize(value: string | undefined): number {
  if (value === undefined) {
    return LIST_LIMITS.pageSizeDefault;
  }
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > LIST_LIMITS.pageSizeMax) {
    throw new Invalid(`PageSize must be a whole number from 1 to ${LIST_LIMITS.pageSizeMax} (got '${value}')`);
  }
  return n;
}

function sortBy(value: string | undefined): 'asc' | 'desc' {
  if (value === undefined) {
    return 'desc';
  }
  const m = /^DateCreated:(asc|desc)$/i.exec(value);
  if (!m) {
    throw new Invalid(`SortBy must be DateCreated:asc or DateCreated:desc (got '${value}')`);
  }
  return m[1].toLowerCase() as 'asc' | 'desc';
}

function cursor(value: string | undefined, name: string): Cursor | undefined {
  if (value === undefined) {
    return undefined;
  }
  const decoded = decodeCursor(value);
  if (!decoded) {
    throw new Invalid(`${name} is not a valid page cursor; use the PrevPageUri/NextPageUri given in Metadata`);
  }
  return decoded;
}

function recordingValidity(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = Number(value);
  const { min, max } = RECORDING_VALIDITY_MINUTES;
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new Invalid(`RecordingUrlValidity must be a whole number of minutes from ${min} to ${max} (got '${value}')`);
  }
  return n;
}

export function checkRecordingValidity(value: string | undefined): { ok: true; minutes?: number } | { ok: false; message: string } {
  return checked(
    () => recordingValidity(value),
    minutes => ({ ok: true as const, minutes }),
  );
}
