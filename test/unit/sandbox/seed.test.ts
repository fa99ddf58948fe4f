import * as assert from 'assert';
import { CallRecord, SEED_EXOPHONES, startSandbox } from '../../../src/sandbox';
import { seedCalls } from '../../../src/sandbox/seed';

const NOW = Date.UTC(2025, 6, 1, 4, 0, 0);
const DAY = 86_400_000;

describe('sandbox: seeded history', () => {
  it('is deterministic for a seed and `now`, and differs between seeds', () => {
    const strip = (calls: CallRecord[]): unknown => calls.map(({ plan: _p, ...rest }) => rest);
    assert.deepStrictEqual(strip(seedCalls('acc', NOW, { seed: 3 })), strip(seedCalls('acc', NOW, { seed: 3 })));
    assert.notDeepStrictEqual(seedCalls('acc', NOW, { seed: 3 })[0].sid, seedCalls('acc', NOW, { seed: 4 })[0].sid);
  });

  it('covers every terminal status and direction over ~5 weeks, billed, some recorded', () => {
    const calls = seedCalls('acc', NOW);
    assert.strictEqual(calls.length, 300);
    assert.deepStrictEqual([...new Set(calls.map(c => c.status))].sort(), ['busy', 'canceled', 'completed', 'failed', 'no-answer']);
    assert.deepStrictEqual([...new Set(calls.map(c => c.direction))].sort(), ['inbound', 'outbound-api', 'outbound-dial']);
    assert.ok(calls.every(c => c.createdAt <= NOW && c.createdAt >= NOW - 35 * DAY));
    assert.ok(
      calls.some(c => c.createdAt < NOW - 31 * DAY),
      'some calls fall outside the default 31-day window',
    );
    assert.ok(calls.every(c => c.duration !== null && c.price !== null && c.endTime === (c.startTime ?? 0) + (c.duration ?? 0) * 1000));
    const recorded = calls.filter(c => c.recorded);
    assert.ok(recorded.length > 30 && recorded.every(c => c.status === 'completed'));
    const exophones = new Set(SEED_EXOPHONES.map(e => e.echo));
    assert.ok(calls.every(c => exophones.has(c.phoneNumberSid)));
    assert.ok(calls.filter(c => c.direction === 'inbound').every(c => c.to === c.phoneNumberSid));
    assert.ok(new Set(calls.map(c => c.toE164)).size > 30);
    assert.ok(calls.every(c => /^[0-9a-f]{32}$|^[0-9a-f]{31}[g-z]$/.test(c.sid)));
    assert.ok(calls.some(c => /[g-z]$/.test(c.sid)) && calls.some(c => /[0-9a-f]$/.test(c.sid)));
  });

  it("incoming calls follow Exotel's leg order, and include missed calls Exotel still reports as completed", async () => {
    const calls = seedCalls('acc', NOW).filter(c => c.direction === 'inbound');
    const missed = calls.filter(c => c.status === 'completed' && c.legs[0].status === 'completed' && c.legs[1] && c.legs[1].status !== 'completed');
    assert.ok(missed.some(c => c.legs[1].status === 'no-answer') && missed.some(c => c.legs[1].status === 'busy'), 'missed: no agent answered, or busy');
    assert.ok(
      calls.some(c => c.status === 'completed' && c.legs[1]?.status === 'completed'),
      'answered ones too',
    );
    assert.ok(
      missed.every(c => !c.recorded && c.conversationDuration === 0),
      'a missed call has no conversation to record',
    );
    assert.ok(
      calls.every(c => /^0\d{10}$/.test(c.from) && c.to === c.phoneNumberSid),
      'the caller (From, 0-prefixed) reached the ExoPhone (To)',
    );
    const sb = await startSandbox({ now: () => new Date(NOW) });
    try {
      const call = sb.calls.add({ direction: 'inbound', status: 'completed', leg2Status: 'busy' });
      const res = await fetch(`${sb.baseUrl}/v1/Accounts/${sb.accountSid}/Calls/${call.sid}.json?details=true`, {
        headers: { Authorization: sb.authorization },
      });
      const body = (await res.json()) as { Call: { Status: string; Details: { Leg1Status: string; Leg2Status: string } } };
      assert.deepStrictEqual([body.Call.Status, body.Call.Details.Leg1Status, body.Call.Details.Leg2Status], ['completed', 'completed', 'busy']);
      assert.throws(() => sb.calls.add({ direction: 'outbound-api', status: 'completed', leg2Status: 'busy' }), /leg2Status/);
    } finally {
      await sb.close();
    }
  });

  it('startSandbox seeds 300 calls for `seed: true`, and 10,000 on request, pageable by the API', async () => {
    const sb = await startSandbox({ seed: true, now: () => new Date(NOW) });
    try {
      assert.strictEqual(sb.calls.size, 300);
      const added = sb.calls.seed({ seed: 9, count: 10_000 });
      assert.strictEqual(sb.calls.size, 10_300);
      const before = sb.calls
        .all()
        .filter(c => !added.includes(c))
        .map(c => c.sid);
      const res = await fetch(`${sb.baseUrl}/v1/Accounts/${sb.accountSid}/Calls.json?PageSize=100&Status=busy`, {
        headers: { Authorization: sb.authorization },
      });
      const body = (await res.json()) as { Metadata: { Total: number }; Calls: unknown[] };
      const expected = sb.calls.all().filter(c => c.status === 'busy' && c.createdAt >= NOW - 31 * DAY).length;
      assert.strictEqual(body.Metadata.Total, expected);
      assert.strictEqual(body.Calls.length, 100);
      // Taken out again, the first history is exactly what is left, in order.
      assert.strictEqual(sb.calls.remove(added.map(c => c.sid)), 10_000);
      assert.deepStrictEqual(
        sb.calls.all().map(c => c.sid),
        before,
      );
      assert.strictEqual(sb.calls.get(added[0].sid), undefined);
    } finally {
      await sb.close();
    }
  });
});
