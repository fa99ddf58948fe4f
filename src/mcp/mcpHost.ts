// The agent tools' host in the MCP server: one account, a number cache, a placer that places one call at a time,
// and Call Stats' figures computed as the panel computes them (src/stats). Editor-free.
import type { StatsFiguresAnswer, ToolConnection, ToolHost } from '../agentTools';
import { IST_OFFSET_MINUTES, NumberMetadata } from '../exotel';
import { collectCalls, computeStatsInSlices, headlineItems, headlineNotes, RangeChoice, rangeKey, rangeWindows, resolveRange, withoutLegsNote } from '../stats';
import { t } from '../common/callText/translate';
import { McpAccount, MCP_ENV } from './account';

/** As in the editor: metadata for 7 days, its DND status for 24 hours; Call Stats' calls for a few minutes. */
const NUMBER_TTL_MS = 7 * 86_400_000;
const DND_TTL_MS = 86_400_000;
const STATS_TTL_MS = 5 * 60_000;
const STATS_CACHE_MAX = 6;
/** Numbers kept at most: an agent in a loop must not grow the server without end. */
const NUMBERS_MAX = 5000;

export function mcpHost(account: McpAccount, env: NodeJS.ProcessEnv, log: (line: string) => void): ToolHost {
  const conn: ToolConnection = { profile: account.profile, client: account.client };
  const numbers = new Map<string, { meta: NumberMetadata; fetchedAt: number }>();
  const stats = new Map<string, { calls: Awaited<ReturnType<typeof collectCalls>> & object; fetchedAt: Date; days: string[] }>();
  let placing = 0;
  return {
    connection: async () => conn,
    numbers: {
      signedIn: true, // one account, given at start
      peek(e164) {
        const hit = numbers.get(e164);
        return hit && Date.now() - hit.fetchedAt < NUMBER_TTL_MS ? hit.meta : undefined;
      },
      async lookup(e164, opts) {
        const hit = numbers.get(e164);
        if (hit && Date.now() - hit.fetchedAt < DND_TTL_MS) return hit.meta;
        if (opts?.network === false) return this.peek(e164);
        const meta = await account.client.getNumberMetadata(e164, { signal: opts?.signal });
        numbers.delete(e164);
        numbers.set(e164, { meta, fetchedAt: Date.now() });
        if (numbers.size > NUMBERS_MAX) numbers.delete(numbers.keys().next().value!);
        return meta;
      },
      entry(e164) {
        const hit = numbers.get(e164);
        return hit && { ...hit, dndFresh: Date.now() - hit.fetchedAt < DND_TTL_MS };
      },
    },
    lookupsAllowed: () => true,
    calls: {
      get busy() {
        return placing > 0;
      },
      async place(c, params) {
        placing++;
        try {
          return 'flow' in params ? await c.client.connectToFlow(params) : await c.client.connectCall(params);
        } finally {
          placing--;
        }
      },
    },
    stats: {
      async figures(choice: RangeChoice, opts): Promise<StatsFiguresAnswer | undefined> {
        const offsetMinutes = IST_OFFSET_MINUTES;
        const range = resolveRange(choice, new Date(), offsetMinutes);
        const key = rangeKey(choice, range);
        let loaded = opts.refresh ? undefined : stats.get(key);
        if (loaded && Date.now() - loaded.fetchedAt.getTime() > STATS_TTL_MS) loaded = undefined;
        const fromCache = Boolean(loaded);
        if (!loaded) {
          const requests = rangeWindows(range).map(w => ({ pageSize: 100, dateCreated: { gte: w.gte, lte: w.lte } }));
          const calls = await collectCalls(account.client, requests, opts.signal);
          if (!calls) return undefined;
          loaded = { calls, fetchedAt: new Date(), days: range.days };
          stats.delete(key);
          stats.set(key, loaded);
          while (stats.size > STATS_CACHE_MAX) stats.delete(stats.keys().next().value!);
        }
        const computed = await computeStatsInSlices(loaded.calls.calls, { days: loaded.days, offsetMinutes });
        const notes = headlineNotes(computed.headline);
        const legs = withoutLegsNote(loaded.calls);
        if (legs) notes.unshift(legs);
        if (loaded.calls.skipped) notes.unshift(t('{0} rows Exotel sent could not be read and are not counted.', loaded.calls.skipped));
        return {
          profileName: account.profile.name,
          fromDay: loaded.days[0],
          toDay: loaded.days[loaded.days.length - 1],
          headline: headlineItems(computed.headline),
          notes,
          fetchedAt: loaded.fetchedAt,
          fromCache,
        };
      },
    },
    realCallsAllowed: () => env[MCP_ENV.allowRealCalls] === '1',
    realCallsHow: `starts this MCP server with ${MCP_ENV.allowRealCalls}=1`,
    defaultCallerId: () => undefined,
    afterPlacing: 'Ask exotel_getCall with this SID for how it went (the call takes a few seconds to end on the sandbox, longer on a real account).',
    log: { info: log, warn: log },
  };
}
