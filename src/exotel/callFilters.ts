// Typed filters of the bulk call-details API, checked and encoded exactly as Exotel documents them:
// `gte:…;lte:…` ranges, `10s` durations, comma lists.
import { CALL_DIRECTIONS, CALL_STATUSES, CallDirection, CallStatus } from './models';
import { t } from '../common/callText/translate';
import { DAY_MS, formatExotelTime, IST_OFFSET_MINUTES, parseExotelTime } from './time';
import { CALL_SID_PATTERN, describe, fail, intField, oneOf, phoneField, recordingValidityField } from './validate';

export interface NumberRange {
  gte?: number;
  eq?: number;
  lte?: number;
}

/** A moment as a Date, or Exotel's `YYYY-MM-DD HH:mm:ss` in the account's zone. */
export type Moment = Date | string;

export interface CallFilter {
  sids?: string[];
  dateCreated?: { gte?: Moment; lte?: Moment };
  to?: string[];
  from?: string[];
  /** ExoPhones. */
  phoneNumbers?: string[];
  status?: CallStatus[];
  /** Seconds. */
  duration?: NumberRange;
  price?: NumberRange;
  direction?: CallDirection;
  pageSize?: number;
  sortBy?: 'DateCreated:asc' | 'DateCreated:desc';
  before?: string;
  after?: string;
  details?: boolean;
  recordingUrlValidity?: number;
}

export const FILTER_LIMITS = { sids: 100, numbers: 5, rangeDays: 31, historyMonths: 6, pageSize: 100 } as const;

export interface FilterContext {
  now?: Date;
  offsetMinutes?: number;
}

function momentText(field: string, m: Moment, offset: number): { text: string; at: Date } {
  if (m instanceof Date) {
    if (Number.isNaN(m.getTime())) fail(field, t('{0} is not a valid date.', field));
    return { text: formatExotelTime(m, offset), at: m };
  }
  const at = typeof m === 'string' ? parseExotelTime(m.trim(), offset) : undefined;
  if (!at) fail(field, t('{0} must be a date like 2024-01-31 23:59:59 (got {1}).', field, describe(m)));
  return { text: (m as string).trim(), at };
}

function sixMonthsBefore(now: Date): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - FILTER_LIMITS.historyMonths);
  return d;
}

function dateCreated(f: NonNullable<CallFilter['dateCreated']>, ctx: Required<FilterContext>): string | undefined {
  const parts: string[] = [];
  const gte = f.gte !== undefined ? momentText('DateCreated (from)', f.gte, ctx.offsetMinutes) : undefined;
  const lte = f.lte !== undefined ? momentText('DateCreated (to)', f.lte, ctx.offsetMinutes) : undefined;
  const oldest = sixMonthsBefore(ctx.now);
  if (gte && lte && gte.at > lte.at) fail('DateCreated', t('The date range starts after it ends.'));
  // Without an end the range runs to now, and Exotel's one-month limit still applies.
  const end = lte?.at ?? ctx.now;
  if (gte && end.getTime() - gte.at.getTime() > FILTER_LIMITS.rangeDays * DAY_MS) {
    fail(
      'DateCreated',
      t('Exotel searches at most {0} days at a time; split the range ({1} to {2}) into shorter ones.', FILTER_LIMITS.rangeDays, gte.text, lte?.text ?? 'now'),
    );
  }
  const earliest = gte ?? lte;
  if (earliest && earliest.at < oldest) {
    fail('DateCreated', t('Exotel keeps call details for {0} months only; {1} is older than that.', FILTER_LIMITS.historyMonths, earliest.text));
  }
  if (gte) parts.push(`gte:${gte.text}`);
  if (lte) parts.push(`lte:${lte.text}`);
  return parts.length ? parts.join(';') : undefined;
}

function numberList(field: string, list: unknown): string {
  if (!Array.isArray(list) || list.length === 0) fail(field, t('{0} must be a list of phone numbers.', field));
  if (list.length > FILTER_LIMITS.numbers) fail(field, t('{0} takes at most {1} numbers (got {2}).', field, FILTER_LIMITS.numbers, list.length));
  return list.map(n => phoneField(field, n)).join(',');
}

function range(field: string, r: NumberRange, suffix: string, integer: boolean): string {
  const parts: string[] = [];
  for (const op of ['gte', 'eq', 'lte'] as const) {
    const v = r[op];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
      fail(field, t('{0} {1} must be a {2}number of zero or more (got {3}).', field, op, integer ? 'whole ' : '', describe(v)));
    }
    parts.push(`${op}:${v}${suffix}`);
  }
  if (!parts.length) fail(field, t('{0} needs at least one of gte, eq or lte.', field));
  if (r.eq !== undefined && (r.gte !== undefined || r.lte !== undefined)) fail(field, t('{0}: use eq alone, or gte/lte.', field));
  if (r.gte !== undefined && r.lte !== undefined && r.gte > r.lte) fail(field, t('{0}: gte is larger than lte.', field));
  return parts.join(';');
}

/** The query parameters for a filter, in Exotel's encoding; throws ValidationError on a bad filter. */
export function encodeCallFilter(f: CallFilter, context: FilterContext = {}): Array<[string, string]> {
  const ctx = { now: context.now ?? new Date(), offsetMinutes: context.offsetMinutes ?? IST_OFFSET_MINUTES };
  const q: Array<[string, string]> = [];
  if (f.sids !== undefined) {
    if (!Array.isArray(f.sids) || !f.sids.length) fail('Sid', t('Sid must be a list of call SIDs.'));
    if (f.sids.length > FILTER_LIMITS.sids) fail('Sid', t('Exotel looks up at most {0} call SIDs at once (got {1}).', FILTER_LIMITS.sids, f.sids.length));
    for (const s of f.sids)
      if (typeof s !== 'string' || !CALL_SID_PATTERN.test(s)) fail('Sid', t('{0} is not a call SID (32 lowercase letters and digits).', describe(s)));
    q.push(['Sid', f.sids.join(',')]);
  }
  if (f.dateCreated !== undefined) {
    const v = dateCreated(f.dateCreated, ctx);
    if (v) q.push(['DateCreated', v]);
  }
  if (f.to !== undefined) q.push(['To', numberList('To', f.to)]);
  if (f.from !== undefined) q.push(['From', numberList('From', f.from)]);
  if (f.phoneNumbers !== undefined) q.push(['PhoneNumber', numberList('PhoneNumber', f.phoneNumbers)]);
  if (f.status !== undefined) {
    if (!Array.isArray(f.status) || !f.status.length) fail('Status', t('Status must be a list of call statuses.'));
    q.push(['Status', [...new Set(f.status)].map(s => oneOf('Status', s, CALL_STATUSES)).join(',')]);
  }
  if (f.duration !== undefined) q.push(['Duration', range('Duration', f.duration, 's', true)]);
  if (f.price !== undefined) q.push(['Price', range('Price', f.price, '', false)]);
  if (f.direction !== undefined) q.push(['Direction', oneOf('Direction', f.direction, CALL_DIRECTIONS)]);
  if (f.pageSize !== undefined) q.push(['PageSize', String(intField('PageSize', f.pageSize, 1, FILTER_LIMITS.pageSize))]);
  if (f.sortBy !== undefined) q.push(['SortBy', oneOf('SortBy', f.sortBy, ['DateCreated:asc', 'DateCreated:desc'])]);
  if (f.before !== undefined && f.after !== undefined) fail('Before', t('Give Before or After, not both.'));
  if (f.before !== undefined) q.push(['Before', String(f.before)]);
  if (f.after !== undefined) q.push(['After', String(f.after)]);
  if (f.details !== undefined) q.push(['details', String(Boolean(f.details))]);
  if (f.recordingUrlValidity !== undefined) {
    q.push(['RecordingUrlValidity', String(recordingValidityField(f.recordingUrlValidity))]);
  }
  return q;
}

/** Splits a long range into windows of at most 31 days, newest first, for callers that want more. */
export function splitDateRange(from: Date, to: Date, days = FILTER_LIMITS.rangeDays): Array<{ gte: Date; lte: Date }> {
  const windows: Array<{ gte: Date; lte: Date }> = [];
  let end = to.getTime();
  while (end > from.getTime()) {
    const start = Math.max(from.getTime(), end - days * DAY_MS + 1000);
    windows.push({ gte: new Date(start), lte: new Date(end) });
    end = start - 1000;
  }
  return windows;
}
