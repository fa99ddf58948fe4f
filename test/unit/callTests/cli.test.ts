// The headless runner as CI uses it: files and globs in, one line per test, `N passed, M failed`, JUnit XML,
// the exit code; real-account suites only with EXOTEL_* credentials, allowNumbers, maxCalls and a confirmation.
import * as assert from 'assert';
import { XMLParser } from 'fast-xml-parser';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/callTests/cli';
import { expandSuiteArgs, globRegExp } from '../../../src/callTests/files';
import { Sandbox } from '../../../src/sandbox';
import { start } from '../sandbox/helpers';

const DEFAULTS = { from: '+919876543210', callerId: '08047112345' };

describe('call tests: the command line', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exotel-call-tests-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (rel: string, content: unknown) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  };
  const cli = async (argv: string[], env: NodeJS.ProcessEnv = {}, ask?: (q: string) => Promise<boolean>) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: l => out.push(l), err: l => err.push(l), env, cwd: dir, ask });
    return { code, out, err };
  };

  it("--callback-retries picks the sandbox's retry schedule (exotel, none or fast); anything else is a usage error", async () => {
    write('r.exotel-tests.json', { defaults: DEFAULTS, tests: [{ name: 'answers', to: '+919812345670', expect: { status: 'completed' } }] });
    const bad = await cli(['r.exotel-tests.json', '--callback-retries', 'slow']);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err.join('\n'), /--callback-retries needs one of exotel, none, fast/);
    const ok = await cli(['r.exotel-tests.json', '--callback-retries', 'fast']);
    assert.strictEqual(ok.code, 0, ok.err.join('\n'));
  });

  it('runs suites on an in-process sandbox: a line per test, the totals last, JUnit XML, exit 1 on a failure', async () => {
    write('suites/a.exotel-tests.json', {
      defaults: DEFAULTS,
      tests: [
        { name: 'answers', to: '+919812345670', expect: { status: 'completed' } },
        { name: 'expects the wrong status', to: '+919812345675', expect: { status: 'completed' } },
      ],
    });
    write('suites/deeper/b.exotel-tests.json', {
      defaults: DEFAULTS,
      tests: [{ name: 'dnd', to: '+919000012345', expect: { error: { status: 403, message: 'NDNC' } } }],
    });
    write('suites/other.json', '{}');
    const { code, out } = await cli(['suites/**/*.exotel-tests.json', '--junit', 'reports/junit.xml']);
    assert.strictEqual(code, 1);
    assert.strictEqual(out.length, 4, out.join('\n'));
    assert.strictEqual(out.at(-1), '2 passed, 1 failed');
    const failed = out.find(l => l.includes('expects the wrong status'))!;
    assert.match(
      failed,
      /^✗ suites\/a\.exotel-tests\.json › expects the wrong status \(\d+\.\d s, CallSid [0-9a-z]{32}\) failed: Status is busy, expected completed\. \[suites\/a\.exotel-tests\.json:18:19\]$/,
    );
    assert.ok(out.some(l => /^✓ suites\/deeper\/b\.exotel-tests\.json › dnd \(/.test(l)));
    const xml = new XMLParser({ ignoreAttributes: false }).parse(fs.readFileSync(path.join(dir, 'reports/junit.xml'), 'utf8'));
    assert.strictEqual(xml.testsuites['@_tests'], '3');
    assert.strictEqual(xml.testsuites['@_failures'], '1');
    const cases = [xml.testsuites.testsuite].flat().flatMap((s: { testcase: unknown }) => [s.testcase].flat()) as Array<Record<string, unknown>>;
    const bad = cases.find(c => c['@_name'] === 'expects the wrong status')!;
    assert.match(String((bad.failure as Record<string, string>)['#text']), /expected: completed\n {2}actual: {3}busy/);
  });

  it('exits 0 when every test passes, and 2 with a usage line when given nothing to run', async () => {
    write('ok.exotel-tests.json', { defaults: DEFAULTS, tests: [{ name: 'busy', to: '+919812345675', expect: { status: 'busy', legs: { 2: 'busy' } } }] });
    const ok = await cli(['ok.exotel-tests.json']);
    assert.deepStrictEqual([ok.code, ok.out.at(-1)], [0, '1 passed, 0 failed']);
    const none = await cli([]);
    assert.strictEqual(none.code, 2);
    assert.match(none.err[0], /^usage: npm run call-tests/);
    const missing = await cli(['nothing/*.exotel-tests.json']);
    assert.deepStrictEqual([missing.code, missing.err], [2, ['No suite matches nothing/*.exotel-tests.json']]);
    const noFile = await cli(['x.exotel-tests.json', '--junit']);
    assert.deepStrictEqual([noFile.code, noFile.err[0].split('\n')[0]], [2, '--junit needs a file name, e.g. --junit report.xml']);
  });

  it('reports a malformed file at its place and goes on with the others', async () => {
    write('bad.exotel-tests.json', '{\n  "tests": [\n    { "name": "x", "to": 12 }\n  ],\n}\n{');
    write('good.exotel-tests.json', { defaults: DEFAULTS, tests: [{ name: 'ok', to: '+919812345670', expect: { status: 'completed' } }] });
    const { code, out } = await cli(['.']);
    assert.strictEqual(code, 1);
    assert.match(out[0], /^✗ bad\.exotel-tests\.json: JSON: nothing may follow the closing \} \[bad\.exotel-tests\.json:6:1\]$/);
    assert.deepStrictEqual(out.at(-1), '1 passed, 1 failed');
  });

  describe('on a real account', () => {
    let account: Sandbox; // stands in for Exotel: the CLI only knows it from EXOTEL_* variables
    let env: NodeJS.ProcessEnv;
    beforeEach(async () => {
      account = await start({ progressMs: 300, postCallLagMs: 100 });
      env = { EXOTEL_ACCOUNT_SID: account.accountSid, EXOTEL_API_KEY: account.apiKey, EXOTEL_API_TOKEN: account.apiToken, EXOTEL_BASE_URL: account.baseUrl };
    });
    afterEach(() => account.close());
    const real = (extra: Record<string, unknown> = {}) =>
      write('real.exotel-tests.json', {
        profile: 'staging',
        allowNumbers: ['+919876543210', '+919812345670'],
        maxCalls: 2,
        defaults: DEFAULTS,
        tests: [
          { name: 'answers', to: '+919812345670', options: { timeLimit: 30 }, timeoutSeconds: 20, expect: { status: 'completed' } },
          { name: 'webhook', to: '+919812345670', options: { statusCallback: 'https://example.com/cb' }, expect: { callback: { answer: 200 } } },
        ],
        ...extra,
      });

    it('needs the EXOTEL_* credentials', async () => {
      real();
      const { code, out } = await cli(['real.exotel-tests.json']);
      assert.strictEqual(code, 1);
      assert.match(out[0], /profile "staging" places real calls with EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY and EXOTEL_API_TOKEN, which are not set/);
    });

    it('asks first, naming the profile, the calls, the ExoPhone and the numbers; places nothing when not confirmed', async () => {
      real();
      const questions: string[] = [];
      const refused = await cli(['real.exotel-tests.json'], env, async q => {
        questions.push(q);
        return false;
      });
      assert.deepStrictEqual(questions, [
        'Place 1 real call on profile “staging”, from ExoPhone +918047112345, ringing +919876543210, +919812345670? They cost money and ring real phones.',
      ]);
      assert.strictEqual(refused.code, 1);
      const headless = await cli(['real.exotel-tests.json'], env);
      assert.match(headless.out[0], /Not confirmed \(no terminal\): pass --yes to place them\.$/);
      assert.strictEqual(account.requests.length, 0);
    });

    it('with --yes places the calls; callback expectations are skipped with the reason', async () => {
      real();
      const { code, out } = await cli(['real.exotel-tests.json', '--yes'], env);
      assert.strictEqual(code, 0, out.join('\n'));
      assert.match(
        out.find(l => l.includes('webhook'))!,
        /^- .* skipped: Callback expectations are checked on the sandbox only/,
      );
      assert.deepStrictEqual(out.slice(-2), ['1 skipped', '1 passed, 0 failed']);
      assert.strictEqual(account.requests.filter(r => r.method === 'POST').length, 1);
    });

    it('refuses a run past maxCalls or to a number not allowed, whatever the answer', async () => {
      real({
        maxCalls: 1,
        tests: [
          { name: 'a', to: '+919812345670', expect: { status: 'completed' } },
          { name: 'b', to: '+919812345670', expect: { status: 'completed' } },
        ],
      });
      const over = await cli(['real.exotel-tests.json', '--yes'], env);
      assert.match(over.out[0], /This run would place 2 calls; the suite's "maxCalls" is 1\./);
      real({ tests: [{ name: 'a', to: '+919812345671', expect: { status: 'completed' } }] });
      const outside = await cli(['real.exotel-tests.json', '--yes'], env);
      assert.strictEqual(outside.code, 1);
      assert.match(outside.out[0], /\+919812345671 is not in "allowNumbers"/);
      assert.strictEqual(account.requests.length, 0);
    });
  });

  it('expands folders and globs', () => {
    assert.ok(globRegExp('a/**/*.exotel-tests.json').test('a/x.exotel-tests.json'));
    assert.ok(globRegExp('a/**/*.exotel-tests.json').test('a/b/c/x.exotel-tests.json'));
    assert.ok(!globRegExp('a/*.exotel-tests.json').test('a/b/x.exotel-tests.json'));
    write('t/one.exotel-tests.json', '{}');
    write('t/node_modules/two.exotel-tests.json', '{}');
    const { files } = expandSuiteArgs(['t', 't/one.exotel-tests.json'], dir);
    assert.deepStrictEqual(
      files.map(f => path.relative(dir, f)),
      [path.join('t', 'one.exotel-tests.json')],
    );
  });
});
