// The headline figures of Call Stats without the panel: what the exotel_callStats language-model tool reports.
// Same range rules, same cache and same computation as the panel, so the two always agree.
import { t } from '../../common/callText/translate';
import { computeStatsInSlices, headlineItems, headlineNotes, RangeChoice, withoutLegsNote } from '../../stats';
import { StatsView } from '../../webview-ui/protocol';
import type { StatsSource } from './callStatsPanel';
import { collectCalls } from './fetchCalls';
import { prepareLoad, remember } from './statsLoader';

export interface StatsFiguresAnswer {
  profileName: string;
  fromDay: string;
  toDay: string;
  headline: StatsView['headline'];
  notes: string[];
  fetchedAt: Date;
  /** Taken from the calls fetched before (by the panel or an earlier call), not fetched now. */
  fromCache: boolean;
}

/**
 * Figures over a range, with no filter. Undefined when the signal aborted. Throws RangeError (in words) for an
 * impossible range and the client's errors as they are.
 */
export async function statsFigures(
  source: StatsSource,
  choice: RangeChoice,
  opts: { refresh?: boolean; signal: AbortSignal },
): Promise<StatsFiguresAnswer | undefined> {
  const load = await prepareLoad(source, choice, false);
  let loaded = opts.refresh ? undefined : load.cached;
  const fromCache = Boolean(loaded);
  if (!loaded) {
    const fetched = await collectCalls(load.client, load.requests, opts.signal);
    if (!fetched) return undefined;
    loaded = { key: load.key, range: load.range, fetchedAt: new Date(), ...fetched };
    remember(loaded);
  }
  const stats = await computeStatsInSlices(loaded.calls, {
    days: loaded.range.days,
    numberFacts: e => source.numberFacts(e),
    offsetMinutes: source.offsetMinutes(),
  });
  const days = loaded.range.days;
  const notes = headlineNotes(stats.headline);
  const legs = withoutLegsNote(loaded);
  if (legs) notes.unshift(legs);
  if (loaded.skipped) notes.unshift(t('{0} rows Exotel sent could not be read and are not counted.', loaded.skipped));
  return {
    profileName: load.profileName,
    fromDay: days[0],
    toDay: days[days.length - 1],
    headline: headlineItems(stats.headline),
    notes,
    fetchedAt: loaded.fetchedAt,
    fromCache,
  };
}
