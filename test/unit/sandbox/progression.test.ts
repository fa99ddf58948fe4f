import * as assert from 'assert';
import { Sandbox } from '../../../src/sandbox';
import { BASIC, call, connect, start, waitFor } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function details(sb: Sandbox, sid: string, query = '?details=true'): Promise<any> {
  const res = await call(sb, 'GET', `/Calls/${sid}.json${query}`);
  assert.strictEqual(res.status, 200, res.text);
  return res.json.Call;
}

function seconds(ist: string): number {
  return Date.parse(ist.replace(' ', 'T') + 'Z') / 1000;
}

describe('sandbox: call progression', () => {
  let sb: Sandbox;
  // A long billing lag makes the "ended, not yet billed" state observable, also when a loaded machine polls slowly
  // (250 ms was missed beside the in-host suites).
  before(async () => (sb = await start({ progressMs: 40, postCallLagMs: 2000 })));
  after(() => sb.close());

  const table: Array<[string, string, string, string | null, string]> = [
    ['+919876543210', 'completed', 'completed', 'completed', ''],
    ['+919876543214', 'completed', 'completed', 'completed', ''],
    ['+919876543215', 'busy', 'completed', 'busy', '0.750'],
    ['+919876543216', 'no-answer', 'completed', 'no-answer', '0.750'],
    ['+919876543217', 'failed', 'completed', 'failed', '0.750'],
    ['+919876543218', 'canceled', 'completed', 'canceled', '0.750'],
    ['+919876543219', 'no-answer', 'no-answer', null, '0.000'],
  ];
  for (const [to, status, leg1, leg2, price] of table) {
    it(`To ${to} → in-progress, then ${status} (legs ${leg1}/${leg2}), then billed`, async () => {
      const created = await connect(sb, { ...BASIC, To: to });
      const sid = created.json.Call.Sid;
      assert.strictEqual(created.json.Call.Status, 'in-progress');
      const ended = await waitFor('the call to end', async () => {
        const c = await details(sb, sid);
        return c.Status !== 'in-progress' ? c : undefined;
      });
      assert.strictEqual(ended.Status, status);
      assert.strictEqual(ended.Duration, null, 'Duration waits for the billing lag');
      assert.strictEqual(ended.Price, null);
      assert.strictEqual(ended.EndTime, null);
      assert.strictEqual(ended.AnsweredBy, status === 'completed' ? 'human' : null);
      assert.strictEqual(ended.Details.Leg1Status, leg1);
      assert.strictEqual(ended.Details.Leg2Status, leg2);
      const billed = await waitFor('the call to be billed', async () => {
        const c = await details(sb, sid);
        return c.Duration !== null ? c : undefined;
      });
      const legs = billed.Details.Legs.map((l: { Leg: { Id: number; OnCallDuration: number } }) => l.Leg);
      assert.deepStrictEqual(
        legs.map((l: { Id: number }) => l.Id),
        [1, 2],
      );
      assert.match(billed.Duration, /^\d+$/);
      assert.strictEqual(seconds(billed.EndTime) - seconds(billed.StartTime), Number(billed.Duration));
      assert.ok(seconds(billed.DateUpdated) >= seconds(billed.EndTime), `DateUpdated ${billed.DateUpdated} before EndTime ${billed.EndTime}`);
      const expectedPrice = price || ((Math.ceil(legs[0].OnCallDuration / 60) + Math.ceil(legs[1].OnCallDuration / 60)) * 0.75).toFixed(3);
      assert.strictEqual(billed.Price, expectedPrice);
      assert.strictEqual(billed.Details.ConversationDuration, status === 'completed' ? legs[1].OnCallDuration : 0);
      if (status === 'completed') {
        assert.ok(billed.Details.ConversationDuration >= 12);
      }
    });
  }

  it('details=false (the default) leaves Details out', async () => {
    const created = await connect(sb, { ...BASIC, To: '09876543210' });
    const c = await details(sb, created.json.Call.Sid, '');
    assert.strictEqual('Details' in c, false);
    const withDetails = await details(sb, created.json.Call.Sid);
    assert.deepStrictEqual(Object.keys(withDetails.Details), ['ConversationDuration', 'Leg1Status', 'Leg2Status', 'Legs']);
  });

  it('a flow call has one leg; its outcome follows the last digit of From', async () => {
    const created = await connect(sb, { From: '09845012345', CallerId: '08047112345', Url: 'http://my.exotel.com/x/exoml/start_voice/9' });
    sb.calls.fastForward(created.json.Call.Sid);
    const c = await details(sb, created.json.Call.Sid);
    assert.strictEqual(c.Status, 'busy');
    assert.strictEqual(c.Details.Leg1Status, 'busy');
    assert.strictEqual(c.Details.Leg2Status, null);
    assert.strictEqual(c.Details.Legs.length, 1);
  });

  it('a live call stays out of the bulk listing until it ends', async () => {
    // Its own sandbox, whose calls stay live for a minute: the shared one ends them after 40 ms.
    const slow = await start({ progressMs: 60_000 });
    try {
      const sid = (await connect(slow, { ...BASIC, To: '09876543213' })).json.Call.Sid;
      const listed = async (): Promise<number> => (await call(slow, 'GET', `/Calls.json?Sid=${sid}`)).json.Metadata.Total;
      assert.strictEqual(slow.calls.get(sid)?.status, 'in-progress');
      assert.strictEqual(await listed(), 0);
      slow.calls.fastForward(sid);
      assert.notStrictEqual(slow.calls.get(sid)?.status, 'in-progress');
      assert.strictEqual(await listed(), 1);
    } finally {
      await slow.close();
    }
  });

  it('fastForward runs the whole life of a call at once', async () => {
    const created = await connect(sb, { ...BASIC, To: '09876543211' });
    sb.calls.fastForward();
    const c = await details(sb, created.json.Call.Sid, '');
    assert.strictEqual(c.Status, 'completed');
    assert.notStrictEqual(c.Duration, null);
  });
});

describe('sandbox: RecordingUrlValidity', () => {
  let sb: Sandbox;
  const clock = Date.UTC(2025, 5, 1, 6, 0, 0);
  before(async () => (sb = await start({ now: () => new Date(clock) })));
  after(() => sb.close());

  for (const bad of ['4', '61', 'ten']) {
    it(`RecordingUrlValidity=${bad} → 400`, async () => {
      const done = await connect(sb, { ...BASIC, To: '09876543210' });
      const res = await call(sb, 'GET', `/Calls/${done.json.Call.Sid}.json?RecordingUrlValidity=${bad}`);
      assert.strictEqual(res.status, 400);
      assert.deepStrictEqual(res.json, {
        RestException: { Status: 400, Message: `RecordingUrlValidity must be a whole number of minutes from 5 to 60 (got '${bad}')` },
      });
    });
  }
});
