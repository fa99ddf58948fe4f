// The calls to or from one number, as the number panel lists them. Editor-free, so the merge is unit-tested in Node.
import { Call, mergeCalls } from '../../exotel';

/** How many recent calls of a number are shown. */
export const RECENT_CALLS_MAX = 20;

/** Calls with the number as To and as From, one list: each call once, newest first, at most `max`. */
export function mergeRecentCalls(lists: Call[][], max = RECENT_CALLS_MAX): Call[] {
  return mergeCalls(lists, max);
}
