// The Callbacks view's reading of per-leg `answered` callbacks (multipart and JSON, from the sandbox over HTTP), of a
// pending retry and its countdown, and of the sandbox's warnings.
import * as assert from 'assert';
import { countdownText, Delivery, deliveryRow, eventText, fromAttempt, groupDeliveries, nextCountdownChange } from '../../../src/callbacks';
import { Sandbox } from '../../../src/sandbox';
import { startLoopback } from '../../helpers/loopback';
import { BASIC, connect, start, waitFor } from '../sandbox/helpers';

const BOTH_EVENTS = { 'StatusCallbackEvents[0]': 'terminal', 'StatusCallbackEvents[1]': 'answered' };
const time = (at: Date): string => at.toISOString().slice(11, 19);

describe('callbacks: answered per leg, pending retries, warnings', () => {
  let sb: Sandbox;
  before(async () => (sb = await start()));
  after(() => sb.close());
  beforeEach(() => sb.clearLogs());

  for (const json of [false, true]) {
    it(`reads the agent's and then the customer's answered (${json ? 'JSON' : 'multipart'})`, async () => {
      const hook = await startLoopback(() => ({ status: 200, body: 'ok' }));
      try {
        const extra: Record<string, string> = json ? { StatusCallbackContentType: 'application/json' } : {};
        await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: `${hook.baseUrl}/s`, ...BOTH_EVENTS, ...extra });
        await waitFor('three callbacks', () => sb.callbacks.filter(a => a.done).length === 3 || undefined);
        const rows = sb.callbacks.map((a, i) => fromAttempt(a, `s${i}`));
        assert.deepStrictEqual(rows.map(d => [d.event, d.answeredLeg, eventText(d)]).sort(), [
          ['answered', 1, 'answered (agent)'],
          ['answered', 2, 'answered (customer)'],
          ['terminal', undefined, 'terminal'],
        ]);
      } finally {
        await hook.close();
      }
    });
  }

  it("the call's summary before its terminal callback: the agent's answered means the customer is still ringing", async () => {
    const hook = await startLoopback(() => ({ status: 200, body: 'ok' }));
    try {
      const sid = (await connect(sb, { ...BASIC, To: '09876543210', StatusCallback: `${hook.baseUrl}/s`, ...BOTH_EVENTS })).json.Call.Sid as string;
      await waitFor('three callbacks', () => sb.callbacks.filter(a => a.done).length === 3 || undefined);
      const rows = sb.callbacks.map((a, i) => fromAttempt(a, `s${i}`));
      const label = (ds: Delivery[]) => groupDeliveries(ds)[0].label;
      const agent = rows.find(d => d.answeredLeg === 1)!;
      const customer = rows.find(d => d.answeredLeg === 2)!;
      assert.match(label([agent]), /· agent answered, customer ringing$/);
      assert.match(label([agent, customer]), /· customer answered$/);
      assert.match(label(rows), /· completed$/);
      assert.strictEqual(agent.callSid, sid);
    } finally {
      await hook.close();
    }
  });

  it('a busy customer: only the agent’s answered, read as such', async () => {
    const hook = await startLoopback(() => ({ status: 200, body: 'ok' }));
    try {
      await connect(sb, { ...BASIC, To: '09876543215', StatusCallback: `${hook.baseUrl}/s`, ...BOTH_EVENTS });
      await waitFor('settled', () => (sb.callbacks.length === 2 && sb.idle) || undefined);
      assert.deepStrictEqual(sb.callbacks.map((a, i) => eventText(fromAttempt(a, `s${i}`))).sort(), ['answered (agent)', 'terminal']);
    } finally {
      await hook.close();
    }
  });

  it('a pending retry shows its countdown in the row (minutes, then seconds); none once it started', async () => {
    const now = Date.UTC(2026, 0, 1, 10, 0, 0);
    const base = fromAttempt(
      {
        callSid: 'c1',
        event: 'terminal',
        url: 'http://127.0.0.1:1/h',
        attempt: 1,
        contentType: 'text/plain',
        body: '',
        at: new Date(now - 1000),
        ok: false,
        status: 500,
        method: 'POST',
        requestHeaders: { 'Content-Type': 'text/plain' },
        maxAttempts: 3,
        done: true,
        nextRetryAt: new Date(now + 299_000),
      },
      'x',
    );
    assert.strictEqual(deliveryRow(base, time, now).label, 'HTTP 500 · attempt 1 of 3 · retry in 5 min');
    assert.match(deliveryRow(base, time, now).tooltip, /Retry due at 10:04:59 \(Resend sends it now\)/);
    assert.strictEqual(deliveryRow({ ...base, nextRetryAt: new Date(now + 42_500) }, time, now).label, 'HTTP 500 · attempt 1 of 3 · retry in 43 s');
    assert.strictEqual(deliveryRow({ ...base, nextRetryAt: undefined }, time, now).label, 'HTTP 500 · attempt 1 of 3');
    assert.strictEqual(deliveryRow(base, time, now + 300_000).label, 'HTTP 500 · attempt 1 of 3', 'due: no countdown');
    assert.deepStrictEqual([countdownText(60_001), countdownText(60_000), countdownText(999)], ['2 min', '1 min', '1 s']);
  });

  it('the countdown refresh: when the text next changes, and nothing to wait for when no retry is pending', () => {
    const now = 1_000_000;
    const d = (left?: number): Delivery => ({ nextRetryAt: left === undefined ? undefined : new Date(now + left) }) as Delivery;
    assert.strictEqual(nextCountdownChange([d(), d(undefined)], now), undefined);
    assert.strictEqual(nextCountdownChange([d(-5)], now), undefined, 'overdue');
    assert.strictEqual(nextCountdownChange([d(299_000)], now), 59_000, 'minutes: at the next minute');
    assert.strictEqual(nextCountdownChange([d(299_000), d(4_300)], now), 300, 'seconds: at the next second');
  });

  it('a warning from the sandbox shows in the row and its tooltip; an injected duplicate says so', () => {
    const d = fromAttempt(
      {
        callSid: 'c1',
        event: 'terminal',
        url: 'http://127.0.0.1:1/h',
        attempt: 1,
        contentType: 'text/plain',
        body: '',
        at: new Date(0),
        ok: true,
        status: 200,
        method: 'POST',
        requestHeaders: {},
        maxAttempts: 3,
        done: true,
        fault: 'duplicate',
        warnings: ['undocumented spelling: send StatusCallbackEvents[0]=terminal (Exotel documents an array)'],
      },
      'w',
    );
    const row = deliveryRow(d, time, 0);
    assert.match(row.label, /duplicate \(injected fault\)/);
    assert.match(row.description, /⚠ undocumented spelling: send StatusCallbackEvents\[0\]=terminal$/);
    assert.match(row.tooltip, /Warning: undocumented spelling: send StatusCallbackEvents\[0\]=terminal \(Exotel documents an array\)/);
  });
});
