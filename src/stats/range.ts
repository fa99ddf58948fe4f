// The ranges Call Stats offers, resolved in the account's zone, and the API's 31-day windows that cover them.
import { FILTER_LIMITS, formatExotelTime, splitDateRange } from '../exotel';

export type RangePreset = 'today' | 'last7' | 'last30' | 'last90' | 'custom';
export const RANGE_PRESETS: readonly RangePreset[] = ['today', 'last7', 'last30', 'last90', 'custom'];

export interface RangeChoice {
  preset: RangePreset;
  /** Custom only: first and last day, `YYYY-MM-DD` in the account's zone. */
  fromDay?: string;
  toDay?: string;
}

export interface StatsRange {
  from: Date;
  to: Date;
  /** Every day of the range, `YYYY-MM-DD` in the account's zone, oldest first. */
  days: string[];
}

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PRESET_DAYS: Record<Exclude<RangePreset, 'custom'>, number> = { today: 1, last7: 7, last30: 30, last90: 90 };

/** Midnight of a `YYYY-MM-DD` day in the account's zone, as an instant; undefined for a day that does not exist. */
export function dayStart(day: string, offsetMinutes: number): Date | undefined {
  const m = DAY.exec(day.trim());
  if (!m) return undefined;
  const [y, mo, d] = m.slice(1).map(Number);
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return new Date(utc - offsetMinutes * 60_000);
}

export function dayOf(at: Date, offsetMinutes: number): string {
  return formatExotelTime(at, offsetMinutes).slice(0, 10);
}

/** The oldest instant Exotel still keeps (six months back). */
export function oldestKept(now: Date): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - FILTER_LIMITS.historyMonths);
  return d;
}

/** A preset or custom days as instants and days; throws RangeError (in words) for an impossible custom range. */
export function resolveRange(choice: RangeChoice, now: Date, offsetMinutes: number): StatsRange {
  const today = dayStart(dayOf(now, offsetMinutes), offsetMinutes)!;
  let from: Date;
  let to: Date;
  if (choice.preset === 'custom') {
    const f = choice.fromDay !== undefined ? dayStart(choice.fromDay, offsetMinutes) : undefined;
    const l = choice.toDay !== undefined ? dayStart(choice.toDay, offsetMinutes) : undefined;
    if (!f || !l) throw new RangeError('Give the first and last day as YYYY-MM-DD.');
    if (f > l) throw new RangeError('The range starts after it ends.');
    from = f;
    to = new Date(Math.min(now.getTime(), l.getTime() + DAY_MS - 1000));
    if (from > now) throw new RangeError('The range starts in the future.');
    const oldest = oldestKept(now);
    if (from < oldest) {
      throw new RangeError(
        `Exotel keeps call details for ${FILTER_LIMITS.historyMonths} months; the earliest day you can ask for is ${dayOf(new Date(oldest.getTime() + DAY_MS), offsetMinutes)}.`,
      );
    }
  } else {
    from = new Date(today.getTime() - (PRESET_DAYS[choice.preset] - 1) * DAY_MS);
    to = now;
  }
  return { from, to, days: daysBetween(from, to, offsetMinutes) };
}

function daysBetween(from: Date, to: Date, offsetMinutes: number): string[] {
  const days: string[] = [];
  for (let t = dayStart(dayOf(from, offsetMinutes), offsetMinutes)!.getTime(); t <= to.getTime(); t += DAY_MS) {
    days.push(dayOf(new Date(t), offsetMinutes));
  }
  return days;
}

/** The API's windows (at most 31 days each, newest first) that cover the range. */
export function rangeWindows(range: Pick<StatsRange, 'from' | 'to'>): Array<{ gte: Date; lte: Date }> {
  return splitDateRange(range.from, range.to);
}

/** A stable key of a resolved choice, for caching: presets are keyed by their first day. */
export function rangeKey(choice: RangeChoice, range: StatsRange): string {
  return `${choice.preset}:${range.days[0]}..${range.days[range.days.length - 1]}`;
}
