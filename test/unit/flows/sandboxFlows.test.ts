// The sandbox runs flows: Calls/connect to a flow URL, a simulated incoming call (API and HTTP), the call log and
// the StatusCallback a flow call ends with.
import * as assert from 'assert';
import { FlowRun, LoadedFlow } from '../../../src/flows';
import { Sandbox } from '../../../src/sandbox';
import { call, start } from '../sandbox/helpers';
import { waitFor } from '../../helpers/wait';
import { flow, handler, Handler, text, pathOf } from './helpers';

describe('flows: in the sandbox', () => {
  let h: Handler;
  let sb: Sandbox;
  let runs: FlowRun[];
  let flows: LoadedFlow[];
  beforeEach(async () => {
    h = await handler({ '/p': text(''), '/cb': text('') });
    flows = [
      {
        flow: flow(
          {
            m: { type: 'gather', prompt: { text: 'Press 1' }, maxDigits: 1, next: { entered: 'p', noInput: 'e' } },
            p: { type: 'passthru', url: h.url('/p'), next: { ok: 'e' } },
            e: { type: 'hangup' },
          },
          { appId: '236711', exoPhone: '08047112345' },
        ),
        file: 'support.exotel-flow.json',
      },
    ];
    runs = [];
    sb = await start({ flows: { flows: () => flows, keysFor: () => ['1'], onRun: r => runs.push(r) } });
  });
  afterEach(async () => {
    await sb.close();
    await h.close();
  });

  it('Calls/connect to …/exoml/start_voice/<app id> runs the flow, as outbound-dial; the call ends with it, with the default StatusCallback', async () => {
    const res = await call(sb, 'POST', '/Calls/connect.json', {
      body: new URLSearchParams({
        From: '+919876543210',
        CallerId: '08047112345',
        Url: `http://my.exotel.com/${sb.accountSid}/exoml/start_voice/236711`,
        StatusCallback: h.url('/cb'),
        CustomField: 'order-7',
      }).toString(),
    });
    assert.strictEqual(res.status, 200);
    const sid = res.json.Call.Sid as string;
    const r = await sb.flows.finished(sid);
    assert.ok(r);
    assert.deepStrictEqual(pathOf(r), ['m:entered', 'p:ok', 'e']);
    const q = h.to('/p')[0].query;
    assert.deepStrictEqual(
      [q.get('CallSid'), q.get('Direction'), q.get('CallFrom'), q.get('CallTo'), q.get('CustomField'), q.get('digits')],
      [sid, 'outbound-dial', '09876543210', '08047112345', 'order-7', '"1"'],
    );
    assert.strictEqual(runs.length, 1);
    await waitFor('the StatusCallback', () => h.to('/cb').length === 1);
    const cb = h.to('/cb')[0];
    assert.match(String(cb.headers['content-type']), /^multipart\/form-data/);
    assert.match(cb.body, /name="Status"\r\n\r\ncompleted/);
    await waitFor('the sandbox to be idle', () => sb.idle);
    const details = await call(sb, 'GET', `/Calls/${sid}.json`);
    assert.strictEqual(details.json.Call.Status, 'completed');
  });

  it('a connect whose From does not answer (last digit 9) never runs the flow', async () => {
    const res = await call(sb, 'POST', '/Calls/connect.json', {
      body: new URLSearchParams({
        From: '+919876543219',
        CallerId: '08047112345',
        Url: `http://my.exotel.com/${sb.accountSid}/exoml/start_voice/236711`,
      }).toString(),
    });
    await waitFor('the sandbox to be idle', () => sb.idle);
    assert.strictEqual(sb.flows.runFor(res.json.Call.Sid), undefined);
    assert.strictEqual(h.to('/p').length, 0);
  });

  it('a connect to an app id with no flow file behaves as before', async () => {
    const res = await call(sb, 'POST', '/Calls/connect.json', {
      body: new URLSearchParams({ From: '+919876543210', CallerId: '08047112345', Url: 'http://my.exotel.com/x/exoml/start_voice/999' }).toString(),
    });
    assert.strictEqual(res.status, 200);
    await waitFor('the sandbox to be idle', () => sb.idle);
    assert.strictEqual(sb.flows.runs.length, 0);
  });

  it("simulateIncoming: the ExoPhone's flow runs, and the call is in the log as inbound", async () => {
    const r = await sb.flows.simulateIncoming({ from: '09812300001', exoPhone: '+918047112345', keys: ['1'] });
    assert.strictEqual(r.direction, 'incoming');
    assert.strictEqual(h.to('/p')[0].query.get('Direction'), 'incoming');
    const list = await call(sb, 'GET', '/Calls.json?PageSize=10');
    const mine = (list.json.Calls as Array<Record<string, string>>).find(c => c.Sid === r.callSid);
    assert.ok(mine);
    assert.deepStrictEqual([mine.Direction, mine.From, mine.Status], ['inbound', '09812300001', 'completed']);
    await assert.rejects(sb.flows.simulateIncoming({ from: '09812300001', exoPhone: '01141172345' }), /No flow answers 01141172345/);
    await assert.rejects(sb.flows.simulateIncoming({ from: '09812300001', exoPhone: '08000000000' }), /not one of this account's ExoPhones/);
  });

  it('POST /sandbox/flows/incoming runs it over HTTP, with Basic auth', async () => {
    const post = (auth: string | undefined, body: unknown) =>
      fetch(`${sb.baseUrl}/sandbox/flows/incoming`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify(body),
      });
    assert.strictEqual((await post(undefined, { from: '09812300001', exoPhone: '08047112345' })).status, 401);
    const res = await post(sb.authorization, { from: '09812300001', exoPhone: '08047112345', keys: ['1'] });
    assert.strictEqual(res.status, 200);
    const { run } = (await res.json()) as { run: FlowRun };
    assert.deepStrictEqual(pathOf(run), ['m:entered', 'p:ok', 'e']);
    assert.strictEqual((await post(sb.authorization, { from: '09812300001' })).status, 400);
  });

  it('a flow file edited to have an error gives a refused run, and the call still ends', async () => {
    flows = [{ flow: flow({ p: { type: 'passthru', next: { ok: 'gone' } } }) }];
    const r = await sb.flows.simulateIncoming({ from: '09812300001', exoPhone: '08047112345' });
    assert.strictEqual(r.outcome?.reason, 'refused');
    await waitFor('the sandbox to be idle', () => sb.idle);
    const details = await call(sb, 'GET', `/Calls/${r.callSid}.json`);
    assert.strictEqual(details.json.Call.Status, 'completed');
  });
});
