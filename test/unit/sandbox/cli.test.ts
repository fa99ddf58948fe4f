import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { describeRetries, parseArgs } from '../../../src/sandbox/cli';

const CLI = path.resolve(__dirname, '../../../src/sandbox/cli.js');

/** Resolves with everything printed once the banner is complete. */
function banner(child: ChildProcess): Promise<string> {
  let out = '';
  return new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Press Ctrl+C to stop.')) {
        resolve(out);
      }
    });
    child.once('exit', code => reject(new Error(`exited early with ${code}: ${out}`)));
  });
}

describe('sandbox: CLI', () => {
  it('parses its options and refuses unknown ones', () => {
    assert.deepStrictEqual(parseArgs(['--port', '8123', '--no-seed', '--progress-ms', '500', '--lag-ms', '0', '--callback-url', 'http://127.0.0.1:9/cb']), {
      port: 8123,
      seed: false,
      progressMs: 500,
      postCallLagMs: 0,
      statusCallbackOverride: 'http://127.0.0.1:9/cb',
    });
    assert.deepStrictEqual(parseArgs(['--signed-urls']), { port: 0, seed: true, signedRecordingUrls: true });
    assert.deepStrictEqual(parseArgs(['--callback-retries', 'fast', '--bulk-ignores-details']), {
      port: 0,
      seed: true,
      callbackRetries: 'fast',
      bulkIgnoresDetails: true,
    });
    assert.throws(() => parseArgs(['--callback-retries', 'slow']), /--callback-retries must be one of exotel, none, fast \(got 'slow'\)/);
    assert.strictEqual(describeRetries('exotel'), "5 min, then 15 min (Exotel's newer docs)");
    assert.strictEqual(describeRetries('fast'), "1 s, then 3 s (fast: for tests, NOT Exotel's)");
    assert.throws(() => parseArgs(['--port', 'x']), /--port needs a whole number/);
    assert.throws(() => parseArgs(['--verbose']), /unknown option --verbose/);
    assert.deepStrictEqual(parseArgs(['--flows', 'examples', '--applet-timeout-ms', '800']), { port: 0, seed: true, flows: 'examples', appletTimeoutMs: 800 });
  });

  it('prints the base URL, credentials and outcome rules, serves, and exits on SIGINT', async function () {
    this.timeout(10_000);
    const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await banner(child);
      const field = (label: string): string => new RegExp(`${label}:\\s+(\\S+)`).exec(out)?.[1] ?? '';
      const [baseUrl, sid, key, token] = [field('Base URL'), field('Account SID'), field('API key'), field('API token')];
      assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(out, /To ending in 0,1,2,3,4 → completed/);
      assert.match(out, /To ending in 5 → busy/);
      assert.match(out, /ExoPhones:\s+08047112345, 01141172345, 02261734567, 04471234567, 18003091234 \(the only CallerIds/);
      assert.match(out, /not one of the account's ExoPhones → 400/);
      assert.match(out, /\+9190000xxxxx → 403 "Call to \[<number>\] cannot be made because of TRAI NDNC regulations"/);
      const res = await fetch(`${baseUrl}/v1/Accounts/${sid}/Calls.json?PageSize=1`, {
        headers: { Authorization: `Basic ${Buffer.from(`${key}:${token}`).toString('base64')}` },
      });
      assert.strictEqual(res.status, 200);
      assert.strictEqual(((await res.json()) as { Calls: unknown[] }).Calls.length, 1, 'seeded by default');
      const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
      child.kill('SIGINT');
      assert.strictEqual(await exited, 0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  });
});

describe('sandbox: CLI with --flows', () => {
  it('lists the flows it loaded and runs one for POST /sandbox/flows/incoming, logging each applet', async function () {
    this.timeout(10_000);
    const examples = path.resolve(__dirname, '../../../../examples');
    const child = spawn(process.execPath, [CLI, '--port', '0', '--no-seed', '--flows', examples, '--applet-timeout-ms', '300'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    try {
      const out = await banner(child);
      const field = (label: string): string => new RegExp(`${label}:\\s+(\\S+)`).exec(out)?.[1] ?? '';
      assert.match(out, /Flows:\s+236711 \(answers 08047112345\)/);
      assert.match(out, /\/sandbox\/flows\/incoming/);
      const res = await fetch(`${field('Base URL')}/sandbox/flows/incoming`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`${field('API key')}:${field('API token')}`).toString('base64')}` },
        body: JSON.stringify({ from: '09876543210', exoPhone: '08047112345', keys: ['1'] }),
      });
      assert.strictEqual(res.status, 200);
      const { run } = (await res.json()) as { run: { outcome: { reason: string }; events: Array<{ kind: string; response?: { failure?: string } }> } };
      // Whether or not a handler listens on 3005, the Greeting URL was requested and the run ended.
      assert.ok(run.events.some(e => e.kind === 'request' && e.response !== undefined));
      assert.ok(['hangup', 'no-transition'].includes(run.outcome.reason));
      assert.match(log, /flow 236711 call [0-9a-z]{8}…: → welcome \(greeting\)/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
