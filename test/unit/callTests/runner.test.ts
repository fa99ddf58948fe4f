// The runner against a real in-process sandbox over loopback HTTP: every expectation kind passing and failing,
// timeouts, cancel, and parallel tests within the shared rate limit.
import * as assert from 'assert';
import { RateLimiter } from '../../../src/exotel';
import { parseSuite } from '../../../src/callTests/parseSuite';
import { runSuite, TestResult } from '../../../src/callTests/runner';
import { sandboxTarget } from '../../../src/callTests/targets';
import { Sandbox } from '../../../src/sandbox';
import { start, waitFor, webhook } from '../sandbox/helpers';

const DEFAULTS = { from: '+919876543210', callerId: '08047112345' };
const suiteText = (tests: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ defaults: DEFAULTS, parallel: 8, ...extra, tests }, null, 2);

describe('call tests: the runner on the sandbox', function () {
  this.timeout(60_000);
  let sb: Sandbox;
  let limiter: RateLimiter;
  beforeEach(async () => {
    sb = await start({ progressMs: 150, postCallLagMs: 100 });
    limiter = new RateLimiter({ perMinute: 1000 });
  });
  afterEach(async () => {
    limiter.dispose();
    await sb.close();
  });

  const run = async (tests: unknown[], extra: Record<string, unknown> = {}, signal?: AbortSignal) => {
    const suite = parseSuite(suiteText(tests, extra));
    assert.deepStrictEqual(
      suite.problems.filter(p => p.severity === 'error'),
      [],
    );
    return runSuite(suite, { ...sandboxTarget(sb, { limiter }, 50), defaultTimeoutSeconds: 20 }, { signal });
  };
  const byName = (results: TestResult[]) => Object.fromEntries(results.map(r => [r.name, r]));
  const paths = (r: TestResult) => r.failures.map(f => f.path.join('.'));

  it('passes and fails each kind of expectation on a placed call', async () => {
    const r = byName(
      await run([
        {
          name: 'all pass',
          to: '+919812345670',
          options: { record: true },
          expect: {
            status: 'completed',
            duration: { gte: 1, lte: 100000 },
            price: { gt: 0 },
            legs: { 1: 'completed', 2: 'completed' },
            answeredBy: 'HUMAN',
            recording: true,
          },
        },
        { name: 'status fails', to: '+919812345675', expect: { status: ['completed', 'no-answer'] } },
        { name: 'duration fails', to: '+919812345670', expect: { duration: { lt: 1 } } },
        { name: 'price fails', to: '+919812345670', expect: { price: 0 } },
        { name: 'legs fail', to: '+919812345679', expect: { legs: { 1: 'completed', 2: 'no-answer' } } },
        { name: 'leg never dialled', to: '+919812345679', expect: { legs: { 2: null } } },
        { name: 'answeredBy fails', to: '+919812345676', expect: { answeredBy: 'human' } },
        { name: 'recording fails', to: '+919812345670', expect: { recording: true } },
        { name: 'no recording expected', to: '+919812345670', options: { record: true }, expect: { recording: false } },
      ]),
    );
    assert.strictEqual(r['all pass'].outcome, 'passed', JSON.stringify(r['all pass'].failures));
    assert.match(r['all pass'].callSid!, /^[0-9a-z]{32}$/);
    assert.strictEqual(r['leg never dialled'].outcome, 'passed');
    assert.deepStrictEqual(paths(r['status fails']), ['expect.status']);
    assert.deepStrictEqual([r['status fails'].failures[0].expected, r['status fails'].failures[0].actual], ['completed or no-answer', 'busy']);
    assert.deepStrictEqual(paths(r['duration fails']), ['expect.duration']);
    assert.strictEqual(r['duration fails'].failures[0].expected, '< 1');
    assert.deepStrictEqual(paths(r['price fails']), ['expect.price']);
    assert.deepStrictEqual(paths(r['legs fail']), ['expect.legs.1', 'expect.legs.2']);
    assert.strictEqual(r['legs fail'].failures[1].actual, 'null');
    assert.deepStrictEqual(paths(r['answeredBy fails']), ['expect.answeredBy']);
    assert.deepStrictEqual(paths(r['recording fails']), ['expect.recording']);
    assert.deepStrictEqual(paths(r['no recording expected']), ['expect.recording']);
  });

  it('passes and fails error expectations: HTTP status, a part of the message, the code', async () => {
    sb.faults.next({ kind: '5xx' }, { method: 'POST', path: '/Calls/connect' });
    const results = await run([{ name: 'code', to: '+919812345670', expect: { error: { status: 503, code: 35008 } } }], { parallel: 1 });
    assert.strictEqual(results[0].outcome, 'passed', JSON.stringify(results[0].failures));
    const r = byName(
      await run([
        { name: 'dnd', to: '+919000012345', expect: { error: { status: 403, message: 'ndnc' } } },
        { name: 'wrong status', to: '+919000012345', expect: { error: { status: 400 } } },
        { name: 'wrong message', to: '+919000012345', expect: { error: { message: 'KYC' } } },
        { name: 'wrong code', to: '+919000012345', expect: { error: { code: 1 } } },
        { name: 'placed, not refused', to: '+919812345670', expect: { error: { status: 403 } } },
        { name: 'refused, not placed', to: '+919000012345', expect: { status: 'completed' } },
      ]),
    );
    assert.strictEqual(r.dnd.outcome, 'passed');
    assert.deepStrictEqual(paths(r['wrong status']), ['expect.error.status']);
    assert.deepStrictEqual(paths(r['wrong message']), ['expect.error.message']);
    assert.match(r['wrong message'].failures[0].actual!, /TRAI NDNC/);
    assert.deepStrictEqual(paths(r['wrong code']), ['expect.error.code']);
    assert.deepStrictEqual(paths(r['placed, not refused']), ['expect.error']);
    assert.ok(r['placed, not refused'].callSid);
    assert.deepStrictEqual(paths(r['refused, not placed']), ['expect']);
    assert.match(r['refused, not placed'].failures[0].message, /The connect failed \(forbidden\)/);
  });

  it('checks the StatusCallback your handler received: its answer and fields', async () => {
    const hook = await webhook([500]);
    try {
      const r = byName(
        await run([{ name: 'handler fails', to: '+919812345675', options: { statusCallback: hook.url }, expect: { callback: { answer: 200 } } }]),
      );
      assert.deepStrictEqual(paths(r['handler fails']), ['expect.callback.answer']);
      assert.strictEqual(r['handler fails'].failures[0].actual, 'HTTP 500');
      const ok = byName(
        await run([
          {
            name: 'multipart',
            to: '+919812345670',
            options: { statusCallback: hook.url },
            expect: { status: 'completed', callback: { answer: 200, fields: { Status: 'completed' } } },
          },
          {
            name: 'json + answered event',
            to: '+919812345671',
            options: { statusCallback: hook.url, statusCallbackContentType: 'application/json', statusCallbackEvents: ['answered', 'terminal'] },
            expect: { callback: { event: 'answered', answer: 200, fields: { EventType: 'answered' } } },
          },
          { name: 'wrong field', to: '+919812345676', options: { statusCallback: hook.url }, expect: { callback: { fields: { Status: 'completed' } } } },
        ]),
      );
      assert.strictEqual(ok.multipart.outcome, 'passed', JSON.stringify(ok.multipart.failures));
      assert.strictEqual(ok['json + answered event'].outcome, 'passed', JSON.stringify(ok['json + answered event'].failures));
      assert.deepStrictEqual(paths(ok['wrong field']), ['expect.callback.fields.Status']);
      assert.strictEqual(ok['wrong field'].failures[0].actual, 'no-answer');
    } finally {
      await hook.close();
    }
  });

  it('answered per leg: `leg` picks the agent’s or the customer’s, legs read alike in JSON and multipart; a busy customer has no leg 2', async () => {
    const hook = await webhook();
    try {
      const both = { statusCallback: hook.url, statusCallbackEvents: ['answered', 'terminal'] };
      const json = { ...both, statusCallbackContentType: 'application/json' };
      const r = byName(
        await run([
          {
            name: 'agent (multipart)',
            to: '+919812345670',
            options: both,
            expect: { callback: { event: 'answered', leg: 1, fields: { 'Legs[0][Status]': 'in-progress', 'Legs[1][Status]': '' } } },
          },
          {
            name: 'customer (JSON)',
            to: '+919812345671',
            options: json,
            expect: { callback: { event: 'answered', leg: 2, fields: { Status: 'in-progress', 'Legs[1][Status]': 'in-progress' } } },
          },
          { name: 'agent (JSON)', to: '+919812345672', options: json, expect: { callback: { event: 'answered', leg: 1, fields: { 'Legs[1][Status]': '' } } } },
          { name: 'busy customer', to: '+919812345675', options: both, timeoutSeconds: 3, expect: { callback: { event: 'answered', leg: 2 } } },
        ]),
      );
      for (const name of ['agent (multipart)', 'customer (JSON)', 'agent (JSON)'])
        assert.strictEqual(r[name].outcome, 'passed', `${name}: ${JSON.stringify(r[name].failures)}`);
      assert.deepStrictEqual(paths(r['busy customer']), ['expect.callback']);
      assert.match(r['busy customer'].failures[0].message, /No answered \(customer\) StatusCallback was delivered/);
    } finally {
      await hook.close();
    }
  });

  it('callbackFault: duplicate delivers twice, drop never (and the test does not wait for it), late after the call ended', async () => {
    const hook = await webhook();
    try {
      const r = byName(
        await run([
          { name: 'dup', to: '+919812345670', callbackFault: 'duplicate', options: { statusCallback: hook.url }, expect: { callback: { answer: 200 } } },
          { name: 'dropped', to: '+919812345671', callbackFault: 'drop', options: { statusCallback: hook.url }, expect: { status: 'completed', callback: {} } },
          { name: 'late', to: '+919812345672', callbackFault: 'late', options: { statusCallback: hook.url }, expect: { callback: { answer: 200 } } },
        ]),
      );
      assert.strictEqual(r.dup.outcome, 'passed');
      assert.strictEqual(r.late.outcome, 'passed');
      assert.deepStrictEqual(paths(r.dropped), ['expect.callback']);
      await waitFor('the duplicate', () => sb.callbacks.filter(a => a.callSid === r.dup.callSid).length === 2 || undefined);
      assert.deepStrictEqual(
        sb.callbacks.filter(a => a.callSid === r.dup.callSid).map(a => a.fault),
        [undefined, 'duplicate'],
      );
      assert.strictEqual(sb.callbacks.filter(a => a.callSid === r.dropped.callSid).length, 0);
      assert.strictEqual(sb.callbacks.find(a => a.callSid === r.late.callSid)?.fault, 'late');
    } finally {
      await hook.close();
    }
  });

  it('callbackFault is refused on an account suite, and a test with one is skipped where faults cannot be armed', async () => {
    const suite = parseSuite(suiteText([{ name: 'x', to: '+919812345670', callbackFault: 'drop', expect: { status: 'completed' } }], { profile: 'prod' }));
    assert.match(suite.problems.map(p => p.message).join('\n'), /"callbackFault" works on the sandbox only/);
    const onSandbox = parseSuite(suiteText([{ name: 'x', to: '+919812345670', callbackFault: 'drop', expect: { status: 'completed' } }]));
    const [result] = await runSuite(onSandbox, { ...sandboxTarget(sb, { limiter }, 50), armCallbackFault: undefined, defaultTimeoutSeconds: 5 });
    assert.deepStrictEqual([result.outcome, result.callSid], ['skipped', undefined]);
  });

  it("a call's callbacks' warnings reach the test's result", async () => {
    const [result] = await runSuite(parseSuite(suiteText([{ name: 'w', to: '+919812345670', expect: { status: 'completed' } }])), {
      ...sandboxTarget(sb, { limiter }, 50),
      callbacks: () => sb.callbacks.map(a => ({ ...a, warnings: ['undocumented spelling: send StatusCallbackEvents[0]=terminal'] })),
      defaultTimeoutSeconds: 20,
    });
    assert.deepStrictEqual(result.warnings, undefined, 'no callback, no warning');
    const hook = await webhook();
    try {
      const [warned] = await runSuite(
        parseSuite(suiteText([{ name: 'w', to: '+919812345670', options: { statusCallback: hook.url }, expect: { callback: {} } }])),
        {
          ...sandboxTarget(sb, { limiter }, 50),
          callbacks: () => sb.callbacks.map(a => ({ ...a, warnings: ['undocumented spelling: send StatusCallbackEvents[0]=terminal'] })),
          defaultTimeoutSeconds: 20,
        },
      );
      assert.deepStrictEqual(warned.warnings, ['undocumented spelling: send StatusCallbackEvents[0]=terminal']);
    } finally {
      await hook.close();
    }
  });

  it('a call that never gets there fails at its timeout; cancel stops waiting and says the call stays placed', async () => {
    await sb.close();
    sb = await start({ progressMs: 60_000 });
    const timedOut = await run([{ name: 'slow', to: '+919812345670', timeoutSeconds: 1, expect: { status: 'completed' } }]);
    assert.strictEqual(timedOut[0].outcome, 'failed');
    assert.match(timedOut[0].failures[0].message, /^The call was still in-progress after 1 s/);

    sb.clearLogs();
    const before = sb.calls.size;
    const controller = new AbortController();
    const pending = run(
      [
        { name: 'waiting', to: '+919812345670', expect: { status: 'completed' } },
        { name: 'not started', to: '+919812345671', expect: { status: 'completed' } },
      ],
      { parallel: 1 },
      controller.signal,
    );
    // abort once the call is placed and polled: the runner is waiting for it
    while (!sb.requests.some(r => r.method === 'GET')) await new Promise(r => setTimeout(r, 10));
    controller.abort();
    const [waiting, notStarted] = await pending;
    assert.strictEqual(waiting.outcome, 'cancelled');
    assert.match(waiting.message!, /was placed and is not undone/);
    assert.strictEqual(notStarted.outcome, 'cancelled');
    assert.match(notStarted.message!, /no call was placed/);
    assert.strictEqual(sb.calls.size, before + 1);
  });

  it('invalid and skipped tests place no call; callbacks on an account are skipped with the reason', async () => {
    const suite = parseSuite(
      suiteText([
        { name: 'skipped', to: '+919812345670', skip: true, expect: { status: 'completed' } },
        { name: 'invalid', to: '+919812345670', options: { timeLimit: 0 }, expect: { status: 'completed' } },
        { name: 'callback', to: '+919812345670', options: { statusCallback: 'http://127.0.0.1:9/x' }, expect: { callback: { answer: 200 } } },
      ]),
    );
    const target = { ...sandboxTarget(sb, { limiter }, 50), callbacks: undefined, callbacksUnavailable: 'needs the Callbacks receiver' };
    const r = byName(await runSuite(suite, target));
    assert.strictEqual(r.skipped.outcome, 'skipped');
    assert.strictEqual(r.invalid.outcome, 'errored');
    assert.match(r.invalid.message!, /"timeLimit" must be at least 1/);
    assert.deepStrictEqual([r.callback.outcome, r.callback.message], ['skipped', 'needs the Callbacks receiver']);
    assert.strictEqual(sb.requests.length, 0);
  });

  it('runs tests in parallel yet never past the shared rate limit', async () => {
    limiter.dispose();
    // 20 requests per (shortened) 2 s window: the tests must queue at the shared limiter (whose own window is
    // tested in rateLimiter.test.ts), and every request the sandbox saw must have been granted by it.
    limiter = new RateLimiter({ perMinute: 20, windowMs: 2000 });
    let grants = 0;
    let mostQueued = 0;
    const acquire = limiter.acquire.bind(limiter);
    limiter.acquire = (signal?: AbortSignal) => {
      const granted = acquire(signal).then(() => {
        grants++;
      });
      mostQueued = Math.max(mostQueued, limiter.queued);
      return granted;
    };
    const tests = Array.from({ length: 12 }, (_, i) => ({ name: `t${i}`, to: `+91981234567${i % 5}`, expect: { status: 'completed' } }));
    const suite = parseSuite(suiteText(tests, { parallel: 12 }));
    let running = 0;
    let most = 0;
    const results = await runSuite(
      suite,
      { ...sandboxTarget(sb, { limiter }, 50), defaultTimeoutSeconds: 30 },
      {
        onStart: () => {
          running++;
          most = Math.max(most, running);
        },
        onResult: () => {
          running--;
        },
      },
    );
    assert.deepStrictEqual(
      results.map(r => r.outcome),
      tests.map(() => 'passed'),
    );
    assert.strictEqual(most, 12, 'all twelve tests were under way at once');
    assert.ok(sb.requests.length >= 24, `expected a connect and at least one poll per test, saw ${sb.requests.length}`);
    assert.strictEqual(grants, sb.requests.length, 'every request went through the shared limiter');
    assert.ok(mostQueued > 0, 'requests past the limit waited their turn');
  });
});
