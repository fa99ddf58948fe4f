// The agent tools' shared parts in plain Node: the input check the MCP server applies, and placeTestCall's guards
// with a host whose placer the test holds open (one call at a time, whoever asks).
import * as assert from 'assert';
import { AgentTools, PlaceTestCall, schemaProblem, TOOL, TOOL_SPECS, ToolHost } from '../../../src/agentTools';
import { Call, ExotelClient, FetchLike } from '../../../src/exotel';

const refuseFetch: FetchLike = () => Promise.reject(new Error('no request may be sent in this test'));
const client = new ExotelClient({ baseUrl: 'http://127.0.0.1:9', accountSid: 'acct', apiKey: 'key0', apiToken: 'token0', fetch: refuseFetch });

function host(over: Partial<ToolHost> = {}): ToolHost & { release(): void; placed: number } {
  let release = () => undefined as void;
  const h = {
    placed: 0,
    release: () => release(),
    connection: async () => ({ profile: { name: 'Sandbox', kind: 'sandbox' as const, defaultCallerId: '+918047112345' }, client }),
    numbers: { signedIn: true, peek: () => undefined, lookup: async () => undefined, entry: () => undefined },
    lookupsAllowed: () => true,
    calls: {
      busy: false,
      place: () =>
        new Promise<Call>(resolve => {
          h.placed++;
          release = () => resolve({ sid: 'a'.repeat(32), status: 'in-progress' } as Call);
        }),
    },
    stats: { figures: async () => undefined },
    realCallsAllowed: () => false,
    realCallsHow: 'sets ALLOW',
    defaultCallerId: () => undefined,
    afterPlacing: 'Ask exotel_getCall.',
    log: { info: () => undefined, warn: () => undefined },
    ...over,
  };
  return h;
}

const go = async () => undefined;
const signal = new AbortController().signal;

describe('agent tools: input check', () => {
  const schema = (name: string) => TOOL_SPECS.find(s => s.name === name)!.inputSchema;
  it('takes what the schemas allow', () => {
    assert.strictEqual(
      schemaProblem(schema(TOOL.listCalls), { status: ['completed', 'busy'], direction: 'inbound', since: '2026-01-02', limit: 200 }),
      undefined,
    );
    assert.strictEqual(
      schemaProblem(schema(TOOL.placeTestCall), {
        from: '1',
        to: '2',
        options: { timeLimit: 60, statusCallback: 'https://x.test/cb', statusCallbackEvents: ['terminal'] },
      }),
      undefined,
    );
  });
  it('names the first problem with its path', () => {
    assert.strictEqual(schemaProblem(schema(TOOL.getCall), {}), 'input: "callSid" is required');
    assert.strictEqual(schemaProblem(schema(TOOL.listCalls), { limit: 1.5 }), 'input.limit: must be an integer, not number 1.5');
    assert.strictEqual(
      schemaProblem(schema(TOOL.listCalls), { status: ['done'] }),
      'input.status[0]: must be one of "queued", "ringing", "in-progress", "completed", "busy", "no-answer", "failed", "canceled", not "done"',
    );
    assert.strictEqual(schemaProblem(schema(TOOL.listCalls), { status: ['busy', 'busy'] }), 'input.status: has the same item twice');
    assert.match(
      schemaProblem(schema(TOOL.placeTestCall), { from: '1', to: '2', options: { waitUrl: 'ftp://x' } })!,
      /^input\.options\.waitUrl: "ftp:\/\/x" does not match/,
    );
    assert.strictEqual(
      schemaProblem(schema(TOOL.placeTestCall), { from: '1', to: '2', options: { customField: 'x'.repeat(129) } }),
      'input.options.customField: at most 128 characters',
    );
    assert.strictEqual(schemaProblem(schema(TOOL.callStats), []), 'input: must be an object, not an array');
    assert.match(schemaProblem(schema(TOOL.callStats), { ['x'.repeat(100)]: 1 })!, /unknown property "x{60}"; it takes range, fromDay, toDay, refresh$/);
  });
});

describe('agent tools: placeTestCall guards', () => {
  it('places one call at a time: a second one while the first is being placed is refused, and not placed', async () => {
    const h = host();
    const calls = new PlaceTestCall(h);
    const first = calls.place({ from: '+919845012340', to: '+919876543210' }, signal, go);
    await new Promise(r => setImmediate(r));
    assert.strictEqual(h.placed, 1);
    const second = await calls.place({ from: '+919845012340', to: '+919876543211' }, signal, go);
    assert.strictEqual(second.isError, true);
    assert.match(second.text, /^Refused; nothing was sent\. Another call is being placed right now/);
    h.release();
    assert.match((await first).text, /^Placed one call on the profile “Sandbox” \(sandbox\)/);
    assert.strictEqual(h.placed, 1);
    assert.strictEqual(calls.budget.waitMs(), 0);
  });

  it("a call the host's own placer is busy with also counts", async () => {
    const h = host();
    (h.calls as { busy: boolean }).busy = true;
    const r = await new PlaceTestCall(h).place({ from: '+919845012340', to: '+919876543210' }, signal, go);
    assert.match(r.text, /Another call is being placed/);
    assert.strictEqual(h.placed, 0);
  });

  it('a real account is refused before anything is asked, saying how the host allows it', async () => {
    let asked = 0;
    const h = host({ connection: async () => ({ profile: { name: 'Live', kind: 'real' }, client }) });
    const r = await new PlaceTestCall(h).place({ from: '+919845012340', to: '+919876543210', callerId: '08047112345' }, signal, async () => {
      asked++;
      return undefined;
    });
    assert.match(
      r.text,
      /^Refused; nothing was sent\. The active profile “Live” is a real Exotel account\. Tools place calls only through the sandbox unless the user sets ALLOW/,
    );
    assert.strictEqual(asked, 0);
    assert.strictEqual(h.placed, 0);
  });

  it('what the confirmation answers is the answer, and nothing is placed', async () => {
    const h = host({ realCallsAllowed: () => true, connection: async () => ({ profile: { name: 'Live', kind: 'production' }, client }) });
    let title = '';
    const r = await new PlaceTestCall(h).place({ from: '+919845012340', to: '+919876543210', callerId: '08047112345' }, signal, async q => {
      title = q.title;
      return 'The user declined the call; nothing was sent.';
    });
    assert.strictEqual(r.text, 'The user declined the call; nothing was sent.');
    assert.strictEqual(title, 'Place a REAL call from the PRODUCTION profile “Live”?');
    assert.strictEqual(h.placed, 0);
  });

  it('AgentTools refuses an unknown tool and input that is not the schema, and sends nothing', async () => {
    const tools = new AgentTools(host());
    const unknown = await tools.run('exotel_dropTables', {}, signal, go);
    assert.match(unknown.text, /^There is no tool by that name/);
    const bad = await tools.run(TOOL.getCall, { callSid: '"><script>' }, signal, go);
    assert.match(bad.text, /^The input does not fit exotel_getCall's input schema; nothing was sent\./);
    assert.ok(!bad.text.includes('<script>'));
  });
});
