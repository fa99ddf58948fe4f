import * as assert from 'assert';
import type { Call } from '../../../src/exotel';
import {
  computeStats,
  computeStatsInSlices,
  defaultOutcome,
  headlineFigures,
  NOT_COVERED,
  rangeWindows,
  resolveRange,
  selectCalls,
  statsToCsv,
  UNKNOWN,
} from '../../../src/stats';
import { syntheticCalls } from './syntheticCalls';

const NOW = Date.parse('2026-03-31T12:00:00Z'); // 17:30 IST
let n = 0;
function call(over: Partial<Call>): Call {
  n++;
  return {
    sid: `s${String(n).padStart(31, '0')}`,
    status: 'completed',
    direction: 'outbound-api',
    dateCreated: '2026-03-30 10:00:00',
    from: '09845012340',
    to: '09876543210',
    phoneNumberSid: '08047112345',
    duration: 60,
    price: 1.5,
    ...over,
  };
}

describe('stats: headline figures', () => {
  const cases: Array<{ name: string; calls: Call[]; expect: Partial<ReturnType<typeof headlineFigures>> }> = [
    {
      name: 'no calls',
      calls: [],
      expect: {
        calls: 0,
        answered: 0,
        answerRate: null,
        averageTalkSeconds: null,
        totalTalkSeconds: 0,
        spend: 0,
        spendNotAnswered: 0,
        pricePending: 0,
        priceMissing: 0,
      },
    },
    {
      name: 'all failed: nothing answered, leg 1 still billed',
      calls: [call({ status: 'failed', price: 0.5, duration: 0 }), call({ status: 'busy', price: 0.75 }), call({ status: 'no-answer', price: 0.25 })],
      expect: { calls: 3, answered: 0, answerRate: 0, averageTalkSeconds: null, totalTalkSeconds: 0, spend: 1.5, spendNotAnswered: 1.5 },
    },
    {
      name: 'prices pending (recent) and missing (old) are counted, not summed as zero',
      calls: [
        call({ price: undefined, duration: undefined, dateCreated: '2026-03-31 17:10:00' }),
        call({ price: undefined, dateCreated: '2026-03-20 09:00:00' }),
        call({ price: 0.1 }),
        call({ price: 0.2 }),
      ],
      expect: { calls: 4, answered: 4, pricePending: 1, priceMissing: 1, spend: 0.3, talkPending: 1, totalTalkSeconds: 180, averageTalkSeconds: 60 },
    },
    {
      name: 'talk time prefers the conversation over Duration',
      calls: [call({ duration: 80, details: { conversationDuration: 50, legs: [] } }), call({ duration: 30 })],
      expect: { totalTalkSeconds: 80, averageTalkSeconds: 40 },
    },
    {
      name: 'an incoming completed call whose agent leg went unanswered is missed, and its spend is not-answered spend',
      calls: [
        call({ direction: 'inbound', details: { leg1Status: 'completed', leg2Status: 'no-answer', legs: [] }, price: 2 }),
        call({ direction: 'inbound', details: { leg1Status: 'completed', leg2Status: 'busy', legs: [] }, price: 1 }),
        call({ direction: 'inbound', details: { leg1Status: 'completed', leg2Status: 'completed', legs: [] }, price: 3 }),
        call({ direction: 'inbound', price: 4 }),
      ],
      // The last has no Details: its outcome is unknown, never answered (and so its spend is not-answered spend).
      expect: { calls: 4, answered: 1, missed: 2, uncertain: 1, attempts: 0, answerRate: 0.25, spend: 10, spendNotAnswered: 7 },
    },
    {
      name: "an incoming completed call that never reached an agent (no agent leg) is a call attempt, as Exotel's dashboard counts it",
      calls: [
        call({ direction: 'inbound', details: { leg1Status: 'completed', legs: [] }, price: 1 }),
        call({ direction: 'inbound', details: { leg1Status: 'completed', leg2Status: 'completed', legs: [] }, price: 3 }),
      ],
      expect: { calls: 2, answered: 1, attempts: 1, missed: 0, uncertain: 0, answerRate: 0.5 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h = headlineFigures(c.calls, { now: NOW });
      for (const [k, v] of Object.entries(c.expect)) {
        const got = h[k as keyof typeof h];
        if (typeof v === 'number' && typeof got === 'number') assert.ok(Math.abs(got - v) < 1e-9, `${k}: ${got} ≠ ${v}`);
        else assert.strictEqual(got, v, k);
      }
    });
  }

  it('takes another rule for "answered"', () => {
    const calls = [call({ direction: 'inbound', details: { leg2Status: 'no-answer', legs: [] } })];
    assert.strictEqual(headlineFigures(calls).answered, 0);
    const statusOnly = (c: Call) => ({ outcome: c.status === 'completed' ? ('answered' as const) : ('other' as const), certain: true });
    assert.strictEqual(headlineFigures(calls, { outcomeOf: statusOnly }).answered, 1);
    assert.deepStrictEqual(defaultOutcome(call({ status: 'in-progress' })), { outcome: 'other', certain: true });
  });
});

describe('stats: charts', () => {
  it('puts calls on their day and hour in the account zone, across midnight', () => {
    const calls = [call({ dateCreated: '2026-03-29 23:59:59' }), call({ dateCreated: '2026-03-30 00:00:00', status: 'busy' })];
    const s = computeStats(calls, { days: ['2026-03-29', '2026-03-30', '2026-03-31'] });
    assert.deepStrictEqual(
      s.perDay.map(d => [d.day, d.outcomes.answered, d.outcomes.busy]),
      [
        ['2026-03-29', 1, 0],
        ['2026-03-30', 0, 1],
        ['2026-03-31', 0, 0],
      ],
    );
    // 2026-03-29 is a Sunday (6), 2026-03-30 a Monday (0)
    assert.strictEqual(s.heatmap.calls[6][23], 1);
    assert.strictEqual(s.heatmap.answered[6][23], 1);
    assert.strictEqual(s.heatmap.calls[0][0], 1);
    assert.strictEqual(s.heatmap.answered[0][0], 0);
  });

  it('bins talk time, splits per ExoPhone, direction, circle and operator, with unknowns', () => {
    const facts = new Map([['+919876543210', { circle: 'Karnataka', operator: 'Airtel' }]]);
    const calls = [
      call({ duration: 5 }),
      call({ duration: 45, to: '09812345678' }),
      call({ duration: 4000, phoneNumberSid: '01141172345' }),
      call({ status: 'busy', to: '+14155550100' }),
      // An agent answered (its leg says so): without Details an incoming call's outcome would be unknown.
      call({ direction: 'inbound', from: '09876543210', to: '08047112345', details: { leg1Status: 'completed', leg2Status: 'completed', legs: [] } }),
    ];
    const s = computeStats(calls, { numberFacts: e => facts.get(e) });
    assert.deepStrictEqual(
      s.talkTime.map(b => b.calls),
      [1, 0, 1, 1, 0, 0, 0, 1],
    );
    assert.deepStrictEqual(
      s.byExoPhone.map(b => [b.key, b.calls]),
      [
        ['08047112345', 4],
        ['01141172345', 1],
      ],
    );
    assert.deepStrictEqual(
      s.byDirection.map(b => [b.key, b.calls, b.answered]),
      [
        ['outbound-api', 4, 3],
        ['inbound', 1, 1],
      ],
    );
    assert.deepStrictEqual(
      s.byCircle.map(b => [b.key, b.calls]),
      [
        ['Karnataka', 3],
        [NOT_COVERED, 1],
        [UNKNOWN, 1],
      ],
    );
    assert.deepStrictEqual(
      s.byOperator.map(b => b.key),
      ['Airtel', NOT_COVERED, UNKNOWN],
    );
    assert.deepStrictEqual(s.unknownNumbers, ['+919812345678']);
  });

  it('selects the calls of a bar or cell by the rules that counted them', () => {
    const calls = syntheticCalls(500, 50);
    const s = computeStats(calls);
    const day = s.perDay[3];
    assert.strictEqual(selectCalls(calls, { chart: 'perDay', day: day.day, outcome: 'missed' }).length, day.outcomes.missed);
    assert.strictEqual(selectCalls(calls, { chart: 'heatmap', weekday: 2, hour: 14 }).length, s.heatmap.calls[2][14]);
    assert.strictEqual(selectCalls(calls, { chart: 'talkTime', bin: 3 }).length, s.talkTime[3].calls);
    assert.strictEqual(selectCalls(calls, { chart: 'circle', key: UNKNOWN }).length, s.byCircle.find(b => b.key === UNKNOWN)!.calls);
    assert.strictEqual(selectCalls(calls, { chart: 'exophone', key: '08047112345' }).length, s.byExoPhone.find(b => b.key === '08047112345')!.calls);
  });

  it('handles 10,000 calls and adds up', () => {
    const calls = syntheticCalls(10_000);
    const s = computeStats(calls);
    assert.strictEqual(s.headline.calls, 10_000);
    const perDay = s.perDay.reduce((sum, d) => sum + Object.values(d.outcomes).reduce((a, b) => a + b, 0), 0);
    assert.strictEqual(perDay, 10_000);
    assert.strictEqual(
      s.heatmap.calls.flat().reduce((a, b) => a + b, 0),
      10_000,
    );
    assert.strictEqual(
      s.talkTime.reduce((a, b) => a + b.calls, 0),
      s.headline.answered - s.headline.talkPending,
    );
    const spend = s.byExoPhone.reduce((a, b) => a + b.spend, 0);
    assert.ok(Math.abs(spend - s.headline.spend) < 1e-6);
    assert.strictEqual(s.unknownNumbers.length, 2000);
  });

  it('gives the same result in slices as in one go', async () => {
    const calls = syntheticCalls(2500, 300);
    let pauses = 0;
    const sliced = await computeStatsInSlices(calls, {}, 1000, async () => {
      pauses++;
    });
    assert.deepStrictEqual(sliced, computeStats(calls));
    assert.strictEqual(pauses, 2);
  });

  it('exports CSV with formula-looking text defused', () => {
    const csv = statsToCsv(computeStats([call({ phoneNumberSid: '=HYPERLINK("x")' })]));
    assert.match(csv, /^section,item,calls/);
    assert.match(csv, /exophone,"'=HYPERLINK\(""x""\)",1,1,1,1.5,/);
    assert.match(csv, /headline,calls,,,,,1\r\n/);
  });
});

describe('stats: ranges', () => {
  const now = new Date(NOW);
  it('resolves presets in the account zone', () => {
    const today = resolveRange({ preset: 'today' }, now, 330);
    assert.deepStrictEqual(today.days, ['2026-03-31']);
    assert.strictEqual(today.from.toISOString(), '2026-03-30T18:30:00.000Z');
    assert.strictEqual(resolveRange({ preset: 'last7' }, now, 330).days.length, 7);
    assert.strictEqual(resolveRange({ preset: 'last90' }, now, 330).days[0], '2026-01-01');
    // Just after midnight IST it is already the next day there.
    assert.deepStrictEqual(resolveRange({ preset: 'today' }, new Date('2026-03-31T18:31:00Z'), 330).days, ['2026-04-01']);
  });

  it('splits a 90-day range into 31-day windows that cover it without overlap', () => {
    const r = resolveRange({ preset: 'last90' }, now, 330);
    const w = rangeWindows(r);
    assert.strictEqual(w.length, 3);
    assert.strictEqual(w[0].lte.getTime(), r.to.getTime());
    assert.strictEqual(w[w.length - 1].gte.getTime(), r.from.getTime());
    for (let i = 0; i + 1 < w.length; i++) assert.strictEqual(w[i].gte.getTime() - 1000, w[i + 1].lte.getTime());
    for (const x of w) assert.ok(x.lte.getTime() - x.gte.getTime() <= 31 * 86_400_000);
  });

  it('refuses custom ranges Exotel cannot answer', () => {
    assert.throws(() => resolveRange({ preset: 'custom', fromDay: '2025-08-01', toDay: '2026-03-01' }, now, 330), /6 months/);
    assert.throws(() => resolveRange({ preset: 'custom', fromDay: '2026-03-10', toDay: '2026-03-01' }, now, 330), /starts after/);
    assert.throws(() => resolveRange({ preset: 'custom', fromDay: '2026-02-30', toDay: '2026-03-01' }, now, 330), /YYYY-MM-DD/);
    const r = resolveRange({ preset: 'custom', fromDay: '2026-03-01', toDay: '2026-03-02' }, now, 330);
    assert.deepStrictEqual(r.days, ['2026-03-01', '2026-03-02']);
    assert.strictEqual(r.to.toISOString(), '2026-03-02T18:29:59.000Z');
  });
});
