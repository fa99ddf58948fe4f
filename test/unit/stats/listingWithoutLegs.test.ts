// A listing without legs (the sandbox's "bulk ignores details" switch, as Exotel's docs imply): incoming completed
// calls are "outcome unknown" — never answered — until each call's own details are fetched, once, through the
// client and its shared rate limiter. Client and sandbox over real loopback HTTP.
import * as assert from 'assert';
import { RateLimiter } from '../../../src/exotel';
import { Sandbox } from '../../../src/sandbox';
import { defaultOutcome, headlineFigures, LegDetailsCache, needsLegDetails } from '../../../src/stats';
import { makeClient } from '../exotel/clientHarness';
import { start } from '../sandbox/helpers';

/** Counts what it lets through: the fill must go through the limiter every other request waits on. */
class CountingLimiter extends RateLimiter {
  granted = 0;
  override acquire(signal?: AbortSignal): Promise<void> {
    this.granted++;
    return super.acquire(signal);
  }
}

describe('stats: a call listing without legs', () => {
  let sb: Sandbox;
  let limiter: CountingLimiter;
  before(async () => {
    sb = await start({ bulkIgnoresDetails: true });
    // One of each incoming outcome: answered, missed (no-answer), missed (busy), a call attempt (no agent leg).
    sb.calls.add({ direction: 'inbound', leg2Status: 'completed' });
    sb.calls.add({ direction: 'inbound', leg2Status: 'no-answer' });
    sb.calls.add({ direction: 'inbound', leg2Status: 'busy' });
    sb.calls.add({ direction: 'inbound', leg2Status: null });
    sb.calls.add({ direction: 'outbound-api' });
  });
  after(() => sb.close());
  beforeEach(() => (limiter = new CountingLimiter({ perMinute: 1000 })));
  afterEach(() => limiter.dispose());

  const client = () => makeClient(sb.baseUrl, { accountSid: sb.accountSid, apiKey: sb.apiKey, apiToken: sb.apiToken, limiter }).client;

  it("the sandbox switch: the bulk listing ignores details=true; one call's details still honour it", async () => {
    const page = await client().listCalls({ details: true });
    assert.strictEqual(page.calls.length, 5);
    assert.ok(
      page.calls.every(c => c.details === undefined),
      'no Details in the listing',
    );
    const one = await client().getCall(page.calls[0].sid, { details: true });
    assert.ok(one.details, 'Details on a single call');
    sb.setBulkIgnoresDetails(false);
    try {
      assert.ok((await client().listCalls({ details: true })).calls.every(c => c.details !== undefined));
    } finally {
      sb.setBulkIgnoresDetails(true);
    }
  });

  it('before the details: every incoming completed call is "outcome unknown", none answered', async () => {
    const { calls } = await client().listCalls({ details: true });
    const incoming = calls.filter(c => c.direction === 'inbound');
    assert.deepStrictEqual(
      incoming.map(c => [needsLegDetails(c), defaultOutcome(c).outcome]),
      incoming.map(() => [true, 'unknown']),
    );
    const h = headlineFigures(calls);
    assert.deepStrictEqual([h.answered, h.uncertain], [1, 4], 'only the outgoing call is answered');
  });

  it('fills the details one call at a time through the shared limiter, then from the cache; outcomes become certain', async () => {
    const { calls } = await client().listCalls({ details: true });
    const cache = new LegDetailsCache();
    sb.clearLogs();
    limiter.granted = 0;
    const seen: string[] = [];
    const filled = await cache.fill(client(), calls, { onProgress: p => seen.push(`${p.done}/${p.total}`) });
    assert.deepStrictEqual([filled.needed, filled.fetched, filled.fromCache, filled.failed], [4, 4, 0, 0]);
    assert.deepStrictEqual(seen, ['0/4', '1/4', '2/4', '3/4', '4/4']);
    const singles = sb.requests.filter(r => /\/Calls\/[0-9a-z]{32}(\.json)?$/.test(r.path));
    assert.strictEqual(singles.length, 4);
    assert.ok(singles.every(r => r.query.details === 'true'));
    assert.strictEqual(limiter.granted, 4, 'each went through the shared rate limiter');
    const outcomes = filled.calls
      .filter(c => c.direction === 'inbound')
      .map(c => defaultOutcome(c).outcome)
      .sort();
    assert.deepStrictEqual(outcomes, ['answered', 'attempt', 'missed', 'missed']);
    const h = headlineFigures(filled.calls);
    assert.deepStrictEqual([h.answered, h.missed, h.attempts, h.uncertain], [2, 2, 1, 0]);

    sb.clearLogs();
    const again = await cache.fill(client(), calls);
    assert.deepStrictEqual([again.fetched, again.fromCache], [0, 4]);
    assert.strictEqual(sb.requests.length, 0, 'remembered: no request at all');
  });

  it('a failed fetch leaves that call unknown; an aborted fill stops', async () => {
    const { calls } = await client().listCalls({ details: true });
    sb.faults.next(
      { kind: 'status', status: 404, body: { RestException: { Status: 404, Message: 'No matching results' } } },
      { path: /\/Calls\/[0-9a-z]{32}/ },
    );
    const filled = await new LegDetailsCache().fill(client(), calls);
    assert.deepStrictEqual([filled.fetched, filled.failed], [3, 1]);
    assert.strictEqual(filled.calls.filter(c => defaultOutcome(c).outcome === 'unknown').length, 1);
    const ac = new AbortController();
    ac.abort();
    const stopped = await new LegDetailsCache().fill(client(), calls, { signal: ac.signal });
    assert.strictEqual(stopped.fetched, 0);
  });
});
