// The call log's filter as the user chose it, turned into requests Exotel accepts:
// date presets become DateCreated ranges, and a range over 31 days becomes several windows.
import { sameNumber } from '../../phone';
import {
  Call,
  CallDirection,
  CallFilter,
  CallStatus,
  DAY_MS,
  FILTER_LIMITS,
  formatExotelTime,
  NumberRange,
  splitDateRange,
  ValidationError,
} from '../../exotel';

export type DatePreset = 'today' | 'yesterday' | 'last7' | 'last31' | 'custom';

export interface CallLogFilter {
  statuses?: CallStatus[];
  direction?: CallDirection;
  date?: { preset: DatePreset; from?: Date; to?: Date };
  /** A number the call was to or from (E.164). */
  number?: string;
  duration?: NumberRange;
  price?: NumberRange;
  /** Exactly these calls (a bar or cell clicked in Call Stats): SIDs with the date window each was listed in. */
  selection?: CallSelection;
}

export interface CallSelection {
  /** Says what was clicked, with the count ("Call Stats: 03-12 · Busy (4 calls)"). */
  label: string;
  windows: Array<{ gte: Date; lte: Date; sids: string[] }>;
}

/** Midnight in the account's zone, as an instant. */
function startOfDay(at: Date, offsetMinutes: number): Date {
  const local = at.getTime() + offsetMinutes * 60_000;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - offsetMinutes * 60_000);
}

export function presetRange(preset: DatePreset, now: Date, offsetMinutes: number, custom?: { from?: Date; to?: Date }): { from: Date; to: Date } {
  const today = startOfDay(now, offsetMinutes);
  switch (preset) {
    case 'today':
      return { from: today, to: now };
    case 'yesterday':
      return { from: new Date(today.getTime() - DAY_MS), to: new Date(today.getTime() - 1000) };
    case 'last7':
      return { from: new Date(today.getTime() - 6 * DAY_MS), to: now };
    case 'last31':
      return { from: new Date(now.getTime() - 31 * DAY_MS + 1000), to: now };
    case 'custom':
      return { from: custom?.from ?? today, to: custom?.to ?? now };
  }
}

/**
 * The requests (first pages) that together cover the filter, newest window first. A number filter
 * becomes two requests per window (To, then From): Exotel ANDs To and From, and we want either.
 */
export function toRequests(f: CallLogFilter, pageSize: number, now: Date, offsetMinutes: number): CallFilter[] {
  // Exotel looks up at most 100 SIDs at once, and without DateCreated only in the last 31 days: each window asks for its own.
  if (f.selection) {
    return f.selection.windows.flatMap(w =>
      chunk(w.sids, FILTER_LIMITS.sids).map(sids => ({ pageSize: FILTER_LIMITS.pageSize, sids, dateCreated: { gte: w.gte, lte: w.lte }, details: true })),
    );
  }
  // details=true: each row carries Leg1Status/Leg2Status, so a missed incoming call (Status completed, no agent
  // answered) shows as missed. Where Exotel leaves them out, the row says the outcome is unknown.
  const base: CallFilter = { pageSize, details: true };
  if (f.statuses?.length) base.status = f.statuses;
  if (f.direction) base.direction = f.direction;
  if (f.duration) base.duration = f.duration;
  if (f.price) base.price = f.price;
  let windows: Array<CallFilter['dateCreated']> = [undefined];
  if (f.date) {
    const { from, to } = presetRange(f.date.preset, now, offsetMinutes, f.date);
    const oldest = new Date(now.getTime());
    oldest.setUTCMonth(oldest.getUTCMonth() - FILTER_LIMITS.historyMonths);
    if (from < oldest) {
      throw new ValidationError(
        'DateCreated',
        `Exotel keeps call details for ${FILTER_LIMITS.historyMonths} months; ${formatExotelTime(from, offsetMinutes).slice(0, 10)} is older than that, so it was not asked for.`,
      );
    }
    if (from > to) throw new ValidationError('DateCreated', 'The date range starts after it ends.');
    windows = splitDateRange(from, to).map(w => ({ gte: w.gte, lte: w.lte }));
  }
  const byNumber: CallFilter[] = f.number ? [{ to: [f.number] }, { from: [f.number] }] : [{}];
  return windows.flatMap(w => byNumber.map(n => ({ ...base, ...n, ...(w ? { dateCreated: w } : {}) })));
}

/**
 * Whether a call placed from the editor (not listed yet) belongs under the filter. Numbers are compared by E.164
 * (the connect answer writes them 0-prefixed); a date, duration or price filter is Exotel's to apply, so such a
 * filter shows only what the listing returns.
 */
export function placedMatches(call: Call, f: CallLogFilter): boolean {
  if (f.date || f.duration || f.price) return false;
  if (f.statuses?.length && !f.statuses.includes(call.status as CallStatus)) return false;
  if (f.direction && call.direction !== f.direction) return false;
  return !f.number || sameNumber(call.to, f.number) || sameNumber(call.from, f.number);
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const PRESET_LABELS: Record<DatePreset, string> = {
  today: 'today',
  yesterday: 'yesterday',
  last7: 'last 7 days',
  last31: 'last 31 days',
  custom: 'custom dates',
};

function rangeText(r: NumberRange, unit: string): string {
  if (r.eq !== undefined) return `= ${r.eq}${unit}`;
  if (r.gte !== undefined && r.lte !== undefined) return `${r.gte}–${r.lte}${unit}`;
  return r.gte !== undefined ? `≥ ${r.gte}${unit}` : `≤ ${r.lte}${unit}`;
}

/** A one-line summary for the view's description; empty when nothing is filtered. */
export function describeFilter(f: CallLogFilter, offsetMinutes: number): string {
  const parts: string[] = [];
  if (f.selection) parts.push(f.selection.label);
  if (f.statuses?.length) parts.push(f.statuses.join(', '));
  if (f.direction) parts.push(f.direction);
  if (f.date) {
    parts.push(
      f.date.preset === 'custom' && f.date.from && f.date.to
        ? `${formatExotelTime(f.date.from, offsetMinutes).slice(0, 10)} → ${formatExotelTime(f.date.to, offsetMinutes).slice(0, 10)}`
        : PRESET_LABELS[f.date.preset],
    );
  }
  if (f.number) parts.push(f.number);
  if (f.duration) parts.push(`duration ${rangeText(f.duration, ' s')}`);
  if (f.price) parts.push(`price ${rangeText(f.price, '')}`);
  return parts.join(' · ');
}

export function isEmptyFilter(f: CallLogFilter): boolean {
  return describeFilter(f, 0) === '';
}

/** Parses "10-60", ">=30", "<=90", "=45" (spaces allowed; whole numbers when `integer`); undefined when it is none of these. */
export function parseRange(s: string, integer: boolean): NumberRange | undefined {
  const n = integer ? '(\\d+)' : '(\\d+(?:\\.\\d+)?)';
  const text = s.replace(/\s+/g, '');
  let m = new RegExp(`^${n}-${n}$`).exec(text);
  if (m) return Number(m[1]) <= Number(m[2]) ? { gte: Number(m[1]), lte: Number(m[2]) } : undefined;
  m = new RegExp(`^(>=|<=|=)${n}$`).exec(text);
  if (!m) return undefined;
  const value = Number(m[2]);
  return m[1] === '>=' ? { gte: value } : m[1] === '<=' ? { lte: value } : { eq: value };
}
