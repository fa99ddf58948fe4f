// Bulk call details: filter, order, cut a page at a cursor, and describe the neighbours in Metadata.
import { compareKey, lowerBound } from './calls';
import { Cursor, encodeCursor } from './cursor';
import { ListFilter, Range } from './filters';
import { CallRecord, ONGOING_STATUSES } from './types';

export interface Page {
  calls: CallRecord[];
  metadata: {
    Total: number;
    PageSize: number;
    FirstPageUri: string;
    PrevPageUri: string | null;
    NextPageUri: string | null;
  };
}

function matches(call: CallRecord, f: ListFilter): boolean {
  return (
    !ONGOING_STATUSES.includes(call.status) &&
    call.createdAt >= f.createdFrom &&
    call.createdAt <= f.createdTo &&
    (!f.sids || f.sids.has(call.sid)) &&
    (!f.to || (call.toE164 !== null && f.to.has(call.toE164))) &&
    (!f.from || f.from.has(call.fromE164)) &&
    (!f.phoneNumbers || f.phoneNumbers.has(call.phoneNumberE164)) &&
    (!f.statuses || f.statuses.has(call.status)) &&
    (!f.directions || f.directions.has(call.direction)) &&
    inRange(call.duration, f.duration) &&
    inRange(call.price === null ? null : Math.round(call.price * 1000), f.price)
  );
}

/** A call whose Duration/Price is not filled yet never matches a Duration/Price filter. */
function inRange(value: number | null, range: Range | undefined): boolean {
  if (!range) {
    return true;
  }
  if (value === null) {
    return false;
  }
  return (range.gte === undefined || value >= range.gte) && (range.lte === undefined || value <= range.lte) && (range.eq === undefined || value === range.eq);
}

/** `ascending` must be sorted by (DateCreated, Sid), as the store keeps it. */
export function listPage(ascending: readonly CallRecord[], f: ListFilter, listUri: string): Page {
  // The store is sorted by DateCreated: cut the date window by binary search before filtering.
  const lo = lowerBound(ascending, { createdAt: f.createdFrom, sid: '' });
  const hi = lowerBound(ascending, { createdAt: f.createdTo + 1, sid: '' });
  const asc = ascending.slice(lo, hi).filter(c => matches(c, f));
  const ordered = f.order === 'asc' ? asc : asc.reverse();
  // Compare in the requested order, then binary-search the cursor's position.
  const cmp = (c: CallRecord, key: Cursor): number => (f.order === 'asc' ? compareKey(c, key) : compareKey(key, c));
  let start = 0;
  let end = Math.min(f.pageSize, ordered.length);
  if (f.after) {
    const after = f.after;
    start = firstIndex(ordered, c => cmp(c, after) > 0);
    end = Math.min(start + f.pageSize, ordered.length);
  } else if (f.before) {
    const before = f.before;
    end = firstIndex(ordered, c => cmp(c, before) >= 0);
    start = Math.max(0, end - f.pageSize);
  }
  const calls = ordered.slice(start, end);
  const uri = (extra?: [string, string]): string => pageUri(listUri, extra ? [...f.carried, extra] : f.carried);
  return {
    calls,
    metadata: {
      Total: ordered.length,
      PageSize: f.pageSize,
      FirstPageUri: uri(),
      PrevPageUri: calls.length && start > 0 ? uri(['Before', encodeCursor(calls[0])]) : null,
      NextPageUri: calls.length && end < ordered.length ? uri(['After', encodeCursor(calls[calls.length - 1])]) : null,
    },
  };
}

/** First index where `test` holds; `test` must be false then true along the array. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(items[mid])) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

function pageUri(path: string, params: ReadonlyArray<[string, string]>): string {
  if (params.length === 0) {
    return path;
  }
  return `${path}?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}
