// The order every list of calls is shown in, and the merge of lists that may hold the same call (a To query and a
// From query, calls placed here and the listing). Exotel's `YYYY-MM-DD HH:mm:ss` sorts as text.
import type { Call } from './models';

/** Newest first; a call without a date last; the Sid breaks ties, so the order never depends on arrival. */
export function newestFirst(a: Call, b: Call): number {
  return (b.dateCreated ?? '').localeCompare(a.dateCreated ?? '') || a.sid.localeCompare(b.sid);
}

/** Each call once (the first list that has it wins), newest first, at most `limit`. */
export function mergeCalls(lists: Iterable<Call>[], limit = Infinity): Call[] {
  const bySid = new Map<string, Call>();
  for (const list of lists) for (const c of list) if (!bySid.has(c.sid)) bySid.set(c.sid, c);
  return [...bySid.values()].sort(newestFirst).slice(0, limit);
}
