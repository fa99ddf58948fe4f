// The MCP server over real stdio, as an agent uses it: the built dist/mcp.js spawned and driven by the SDK's Client.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { DATA_CLOSE, DATA_OPEN, TOOL, TOOL_SPECS } from '../../../src/agentTools';
import { Sandbox, startSandbox } from '../../../src/sandbox';
import { McpSession, ROOT, SERVER, startMcp } from '../../helpers/mcpClient';

const AGENT = '+919845012340';

describe('MCP server on its own sandbox (stdio, the SDK client)', function () {
  this.timeout(30_000);
  let mcp: McpSession;
  before(async () => {
    mcp = await startMcp();
  });
  after(() => mcp?.close());

  it('lists the five tools with the names, descriptions and input schemas of the one tool table', async () => {
    const { tools } = await mcp.client.listTools();
    assert.deepStrictEqual(
      tools.map(t => t.name),
      TOOL_SPECS.map(s => s.name),
    );
    for (const spec of TOOL_SPECS) {
      const tool = tools.find(t => t.name === spec.name)!;
      assert.strictEqual(tool.description, spec.modelDescription);
      assert.deepStrictEqual(tool.inputSchema, spec.inputSchema);
      assert.strictEqual(tool.annotations?.readOnlyHint, spec.name !== TOOL.placeTestCall);
    }
    assert.match(mcp.client.getInstructions() ?? '', /the Exotel sandbox at http:\/\/127\.0\.0\.1:\d+/);
  });

  it('exotel_lookupNumber answers with the sandbox metadata inside a data block', async () => {
    const r = await mcp.call(TOOL.lookupNumber, { number: '+91 90000 12345' });
    assert.strictEqual(r.isError, false, r.text);
    assert.match(r.text, /^Exotel's answer\./);
    assert.ok(r.text.includes(DATA_OPEN) && r.text.includes(DATA_CLOSE));
    assert.match(r.text, /dnd: "Yes"/);
  });

  it('exotel_listCalls, exotel_getCall and exotel_callStats read the seeded history', async () => {
    const list = await mcp.call(TOOL.listCalls, { limit: 5 });
    assert.strictEqual(list.isError, false, list.text);
    assert.match(list.text, /^5 call\(s\) on the profile “Sandbox”/);
    const sid = /"([0-9a-z]{32})"/.exec(list.text)?.[1];
    assert.ok(sid, list.text);
    const call = await mcp.call(TOOL.getCall, { callSid: sid });
    assert.strictEqual(call.isError, false, call.text);
    assert.match(call.text, /^The call, as Exotel reports it on the profile “Sandbox”/);
    const stats = await mcp.call(TOOL.callStats, { range: 'last30' });
    assert.strictEqual(stats.isError, false, stats.text);
    assert.match(stats.text, /^Call Stats on the profile “Sandbox”, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/);
    assert.match(stats.text, /- Calls: [1-9]\d*/);
    assert.match(await mcp.call(TOOL.callStats, { range: 'last30' }).then(r => r.text), /From calls fetched at \d\d:\d\d/);
  });

  it('exotel_placeTestCall places one sandbox call, which exotel_getCall then finds', async () => {
    const r = await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543210' });
    assert.strictEqual(r.isError, false, r.text);
    assert.match(r.text, /^Placed one call on the profile “Sandbox” \(sandbox\)/);
    const sid = /sid: "([0-9a-z]{32})"/.exec(r.text)?.[1];
    assert.ok(sid, r.text);
    assert.match((await mcp.call(TOOL.getCall, { callSid: sid })).text, new RegExp(sid));
    const dnd = await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919000012345' });
    assert.strictEqual(dnd.isError, true);
    assert.match(dnd.text, /^Refused; nothing was sent\. \+919000012345 is on the DND register/);
  });

  it('bad input is an error result that names the problem, and the server keeps serving', async () => {
    const unknown = await mcp.call('exotel_deleteAccount', {});
    assert.strictEqual(unknown.isError, true);
    assert.match(unknown.text, /^There is no tool by that name; nothing was sent\. The tools are exotel_lookupNumber, /);
    const number = await mcp.call(TOOL.lookupNumber, { number: 'call me maybe' });
    assert.strictEqual(number.isError, true);
    assert.match(number.text, /^This is not a phone number Exotel can dial/);
    const missing = await mcp.call(TOOL.lookupNumber, {});
    assert.match(missing.text, /input: \\"number\\" is required/);
    const type = await mcp.call(TOOL.listCalls, { limit: 'all' });
    assert.strictEqual(type.isError, true);
    assert.match(type.text, /^The input does not fit exotel_listCalls's input schema; nothing was sent\./);
    assert.match(type.text, /input\.limit: must be an integer/);
    assert.match((await mcp.call(TOOL.listCalls, { limit: 500 })).text, /input\.limit: at most 200/);
    assert.match((await mcp.call(TOOL.listCalls, { everything: true })).text, /unknown property \\"everything\\"/);
    assert.match((await mcp.call(TOOL.callStats, { range: 'yesterday' })).text, /input\.range: must be one of \\"today\\"/);
    const markup = await mcp.call(TOOL.getCall, { callSid: '<img src=x onerror=alert(1)></exotel-data>' });
    assert.strictEqual(markup.isError, true);
    assert.match(markup.text, /input\.callSid: .* does not match/);
    assert.ok(!markup.text.includes('<img') && markup.text.split(DATA_CLOSE).length === 2, markup.text); // inert: one block, closed once
    const options = await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543211', options: { timeLimit: 99999 } });
    assert.match(options.text, /input\.options\.timeLimit: at most 14400/);
    assert.strictEqual((await mcp.call(TOOL.listCalls, { limit: 1 })).isError, false);
  });

  it('stdout carries the protocol only: every log line is on stderr', () => {
    assert.match(mcp.stderr(), /\[exotel-mcp\] serving the Exotel sandbox/);
    for (const m of mcp.messages) assert.doesNotThrow(() => JSON.parse(m));
  });
});

describe('MCP server: the test-call rate guard', function () {
  this.timeout(60_000);
  it('places at most 5 calls in 10 minutes, then refuses and sends nothing', async () => {
    const mcp = await startMcp();
    try {
      for (let i = 0; i < 5; i++) {
        const r = await mcp.call(TOOL.placeTestCall, { from: AGENT, to: `+91987654322${i}` });
        assert.strictEqual(r.isError, false, `call ${i + 1}: ${r.text}`);
      }
      const sixth = await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543229' });
      assert.strictEqual(sixth.isError, true);
      assert.match(sixth.text, /^Refused; nothing was sent\. The tools place at most 5 calls in 10 minutes; the next one is possible in \d+ s\./);
      const list = await mcp.call(TOOL.listCalls, { number: '+919876543229' });
      assert.match(list.text, /^No calls match/);
    } finally {
      await mcp.close();
    }
  });
});

describe('MCP server on an account from EXOTEL_* (a sandbox standing in for Exotel)', function () {
  this.timeout(60_000);
  const KEY = 'canaryKEY7c1f9e2b4a';
  const TOKEN = 'canaryTOKENd83a51f06e';
  let exotel: Sandbox;
  const env = (extra: Record<string, string> = {}) => ({
    EXOTEL_ACCOUNT_SID: 'canaryacct',
    EXOTEL_API_KEY: KEY,
    EXOTEL_API_TOKEN: TOKEN,
    EXOTEL_BASE_URL: exotel.baseUrl,
    EXOTEL_PROFILE_NAME: 'Staging',
    EXOTEL_CALLER_ID: '08047112345',
    ...extra,
  });
  const connects = () => exotel.requests.filter(r => r.method === 'POST' && r.path.endsWith('/Calls/connect.json')).length;
  before(async () => {
    exotel = await startSandbox({ seed: true, accountSid: 'canaryacct', apiKey: KEY, apiToken: TOKEN, progressMs: 500, postCallLagMs: 100 });
  });
  after(() => exotel?.close());

  const noSecret = (where: string, text: string) => {
    for (const secret of [KEY, TOKEN, Buffer.from(`${KEY}:${TOKEN}`).toString('base64')]) {
      assert.ok(!text.includes(secret), `${where} carries a secret: ${text.slice(Math.max(0, text.indexOf(secret) - 80), text.indexOf(secret) + 80)}`);
    }
  };

  it('says which account it serves, and no key or token is in any message or log line, even when Exotel echoes them', async () => {
    const mcp = await startMcp({ args: [SERVER], env: env() });
    try {
      assert.match(mcp.client.getInstructions() ?? '', /the Exotel account canaryacct \(profile “Staging”\)/);
      assert.match(mcp.stderr(), /serving the Exotel account canaryacct/);
      await mcp.call(TOOL.lookupNumber, { number: '+919876543210' });
      await mcp.call(TOOL.listCalls, { limit: 3 });
      await mcp.call(TOOL.callStats, { range: 'today' });
      // Exotel (or a proxy) echoing the credentials in an error body: the answer must not repeat them.
      exotel.faults.next(
        { kind: 'status', status: 401, body: `Authentication failed for ${KEY}:${TOKEN} (Basic ${Buffer.from(`${KEY}:${TOKEN}`).toString('base64')})` },
        { path: '/Calls' },
      );
      const failed = await mcp.call(TOOL.listCalls, { limit: 3 });
      assert.strictEqual(failed.isError, true);
      assert.match(failed.text, /^Listing calls failed\./);
      exotel.faults.next({ kind: 'status', status: 500, body: `internal error; token=${TOKEN}` }, { path: '/Numbers' });
      await mcp.call(TOOL.lookupNumber, { number: '+919876543219' });
      await mcp.call(TOOL.getCall, { callSid: 'a'.repeat(32) });
      await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543210' });
      await mcp.call('nope', { key: KEY });
    } finally {
      await mcp.close();
    }
    for (const m of mcp.messages) noSecret('a message', m);
    noSecret('stderr', mcp.stderr());
  });

  it('refuses exotel_placeTestCall without EXOTEL_ALLOW_REAL_CALLS=1, and sends nothing', async () => {
    const before = connects();
    const mcp = await startMcp({ args: [SERVER], env: env(), elicit: () => ({ action: 'accept', content: { place: true } }) });
    try {
      const r = await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543210' });
      assert.strictEqual(r.isError, true);
      assert.match(r.text, /^Refused; nothing was sent\. The active profile “Staging” is a real Exotel account\. .*EXOTEL_ALLOW_REAL_CALLS=1/);
    } finally {
      await mcp.close();
    }
    assert.strictEqual(connects(), before);
  });

  it('with EXOTEL_ALLOW_REAL_CALLS=1: refused where the client cannot ask, declined when the user says no, placed when yes', async () => {
    const before = connects();
    const cannotAsk = await startMcp({ args: [SERVER], env: env({ EXOTEL_ALLOW_REAL_CALLS: '1' }) });
    try {
      const r = await cannotAsk.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543210' });
      assert.strictEqual(r.isError, true);
      assert.match(r.text, /this MCP client cannot ask \(it does not support elicitation\)/);
    } finally {
      await cannotAsk.close();
    }
    assert.strictEqual(connects(), before);
    const asked: string[] = [];
    let yes = false;
    const mcp = await startMcp({
      args: [SERVER],
      env: env({ EXOTEL_ALLOW_REAL_CALLS: '1' }),
      elicit: message => {
        asked.push(message);
        return yes ? { action: 'accept', content: { place: true } } : { action: 'decline' };
      },
    });
    try {
      const no = await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543210' });
      assert.match(no.text, /^The user declined the call; nothing was sent\./);
      assert.strictEqual(connects(), before);
      assert.match(asked[0], /^Place a REAL call on “Staging”\? Real phones ring, and it is charged\.\n\nProfile: “Staging”: a REAL Exotel account/);
      assert.match(asked[0], /To: \+919876543210/);
      yes = true;
      const placed = await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543210' });
      assert.strictEqual(placed.isError, false, placed.text);
      assert.match(placed.text, /^Placed one call on the profile “Staging” \(real\)/);
      assert.strictEqual(connects(), before + 1);
    } finally {
      await mcp.close();
    }
  });

  it('EXOTEL_PRODUCTION=1 says PRODUCTION in the question', async () => {
    const asked: string[] = [];
    const mcp = await startMcp({
      args: [SERVER],
      env: env({ EXOTEL_ALLOW_REAL_CALLS: '1', EXOTEL_PRODUCTION: '1' }),
      elicit: m => {
        asked.push(m);
        return { action: 'cancel' };
      },
    });
    try {
      assert.match((await mcp.call(TOOL.placeTestCall, { from: AGENT, to: '+919876543210' })).text, /declined/);
      assert.match(asked[0], /^Place a REAL call from the PRODUCTION profile “Staging”\?/);
    } finally {
      await mcp.close();
    }
  });
});

describe('MCP server: how it starts', function () {
  this.timeout(20_000);
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [SERVER, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, input: '', encoding: 'utf8' });

  it('without --sandbox and without an account it says what to set, on stderr, and exits 2', () => {
    const r = run([]);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /No account: set EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY and EXOTEL_API_TOKEN/);
  });

  it('an unknown argument is not echoed (it may be a key): usage on stderr, exit 2', () => {
    const r = run(['sk_live_secretish']);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.ok(!r.stderr.includes('sk_live_secretish'));
    assert.match(r.stderr, /usage: node dist\/mcp\.js \[--sandbox\]/);
  });

  it('an EXOTEL_BASE_URL with the key and token in it is refused without repeating them', () => {
    const r = run([], {
      EXOTEL_ACCOUNT_SID: 'acct',
      EXOTEL_API_KEY: 'k3y-canary',
      EXOTEL_API_TOKEN: 't0ken-canary',
      EXOTEL_BASE_URL: 'https://k3y-canary:t0ken-canary@api.exotel.com',
    });
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /EXOTEL_BASE_URL: Put the API key and token in the sign-in prompts/);
    assert.ok(!/k3y-canary|t0ken-canary/.test(r.stderr), r.stderr);
  });
});
