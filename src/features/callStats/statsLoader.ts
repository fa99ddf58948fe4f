// The calls behind Call Stats, per profile, range and filter: resolved, looked up in a small cache shared by the
// panel and the language-model tool, and remembered once fetched.
import { Call, CallFilter, ExotelClient } from '../../exotel';
import { RangeChoice, rangeKey, resolveRange, StatsRange } from '../../stats';
import type { StatsSource } from './callStatsPanel';

export interface LoadedCalls {
  key: string;
  calls: Call[];
  range: StatsRange;
  fetchedAt: Date;
  pages: number;
  skipped: number;
  withoutLegs?: { needed: number; fetched: number; fromCache: number; failed: number };
}

const CACHE_MAX = 6;
const statsCache = new Map<string, LoadedCalls>();

export interface RangeLoad {
  key: string;
  range: StatsRange;
  client: ExotelClient;
  profileName: string;
  requests: CallFilter[];
  /** The calls when fetched before for this key. */
  cached: LoadedCalls | undefined;
}

/** Resolves the range (a RangeError in words for an impossible one) and the account; throws when signed out. */
export async function prepareLoad(source: StatsSource, choice: RangeChoice, applyFilter: boolean): Promise<RangeLoad> {
  const range = resolveRange(choice, new Date(), source.offsetMinutes());
  const { key: account, client, profileName } = await source.connection();
  const { requests, filterKey } = source.callsView.requestsOver(range.from, range.to, applyFilter);
  const key = `${account}|${rangeKey(choice, range)}|${filterKey}`;
  return { key, range, client, profileName, requests, cached: statsCache.get(key) };
}

/** Keeps the newest few loads. */
export function remember(loaded: LoadedCalls): void {
  statsCache.delete(loaded.key);
  statsCache.set(loaded.key, loaded);
  while (statsCache.size > CACHE_MAX) statsCache.delete(statsCache.keys().next().value!);
}
