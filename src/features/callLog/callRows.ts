// The Calls view's rows as plain data: day groups and the context tokens menus match. Editor-free, unit-tested in Node.
import { Call, DAY_MS, formatExotelTime } from '../../exotel';
import { dayLabel, otherParty } from '../../common/callText/callFormat';
import type { CallNode } from './callTreeItems';

/** contextValue tokens, matched by `viewItem =~ /…/` in package.json menus. */
export function callContext(call: Call): string {
  const tokens = ['exotel.call', call.status];
  // Only outgoing API calls can be placed again as they were: on an incoming call To is our own ExoPhone.
  if (call.from && call.to && call.direction === 'outbound-api') tokens.push('callable');
  if (otherParty(call)) tokens.push('hasNumber');
  if (call.recordingUrl) tokens.push('recorded');
  return tokens.join(':');
}

/** Calls (newest first) under one row per day of the account's zone, in the order they come. */
export function groupByDay(calls: Call[], now: Date, offsetMinutes: number): CallNode[] {
  const today = formatExotelTime(now, offsetMinutes).slice(0, 10);
  const yesterday = formatExotelTime(new Date(now.getTime() - DAY_MS), offsetMinutes).slice(0, 10);
  const groups = new Map<string, Call[]>();
  for (const call of calls) {
    const label = dayLabel(call.dateCreated, today, yesterday);
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(call);
  }
  return [...groups].map(([label, list], i) => ({ kind: 'day', label, calls: list, first: i === 0 }));
}
