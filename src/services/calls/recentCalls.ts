// The calls to or from one number, as the number panel lists them. Editor-free, so the merge is unit-tested in Node.
import type { Call } from '../../exotel';

/** How many recent calls of a number are shown. */
export const RECENT_CALLS_MAX = 20;

/** Calls with the number as To and as From, one list: each call once, newest first, at most `max`. */
export function mergeRecentCalls(lists: Call[][], max = RECENT_CALLS_MAX): Call[] {
  const bySid = new Map<string, Call>();
  for (const list of lists) for (const c of list) if (!bySid.has(c.sid)) bySid.set(c.sid, c);
  // Exotel's `YYYY-MM-DD HH:mm:ss` sorts as text; a call without a date goes last.
  return [...bySid.values()].sort((a, b) => (b.dateCreated ?? '').localeCompare(a.dateCreated ?? '') || a.sid.localeCompare(b.sid)).slice(0, max);
}

/** Newest first, by Exotel's sortable date. */
export function newestFirst(calls: Iterable<Call>): Call[] {
  return [...calls].sort((a, b) => (b.dateCreated ?? '').localeCompare(a.dateCreated ?? ''));
}
