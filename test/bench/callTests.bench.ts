// A 50-test call suite on an in-process sandbox, as `npm run call-tests` runs it: wall time, requests per minute
// against the limit, and the event-loop delay of the process meanwhile (the sandbox and the runner share it, as
// they share the extension host in VS Code). Figures only, no assertions.
import { monitorEventLoopDelay } from 'perf_hooks';
import { RateLimiter } from '../../src/exotel';
import { parseSuite, runSuite, sandboxTarget } from '../../src/callTests';
import { CLI_SANDBOX } from '../../src/callTests/targets';
import { OUTCOME_RULES, startSandbox } from '../../src/sandbox';

const LIMIT = 200;
const ms = (ns: number): string => (ns / 1e6).toFixed(1);

/** 50 tests over every outcome rule, a DND refusal and flows; a third check billing (they wait for Duration/Price). */
export function fiftyTests(): string {
  const tests = Array.from({ length: 50 }, (_, i) => {
    const digit = i % 10;
    if (i % 25 === 24) return { name: `dnd ${i}`, to: `+9190000${String(10000 + i)}`, expect: { error: { status: 403, message: 'NDNC' } } };
    if (i % 10 === 9 && i % 20 === 19)
      return {
        name: `flow ${i}`,
        from: `+91987654321${digit}`,
        flow: { appId: '1' },
        expect: { status: OUTCOME_RULES.find(r => r.lastDigits.includes(digit))!.status },
      };
    const rule = OUTCOME_RULES.find(r => r.lastDigits.includes(digit))!;
    const expect: Record<string, unknown> = { status: rule.status, legs: { 2: rule.leg2 } };
    if (i % 3 === 0) expect.duration = { gte: 0 };
    return { name: `call ${i}`, to: `+9198123${String(i).padStart(4, '0')}${digit}`, expect };
  });
  return JSON.stringify({ parallel: 10, defaults: { from: '+919876543210', callerId: '08047112345' }, tests });
}

export async function benchCallTests(): Promise<Record<string, string | number>> {
  const sandbox = await startSandbox({ ...CLI_SANDBOX, rateLimitPerMinute: LIMIT });
  const limiter = new RateLimiter({ perMinute: LIMIT });
  const suite = parseSuite(fiftyTests());
  const problems = suite.problems.filter(p => p.severity === 'error');
  if (problems.length) throw new Error(`bench suite: ${problems[0].message}`);
  // The same measure over 5 s of doing nothing: on a shared machine the baseline is not zero.
  const idle = monitorEventLoopDelay({ resolution: 10 });
  idle.enable();
  await new Promise(r => setTimeout(r, 5000));
  idle.disable();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    delay.enable();
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    const results = await runSuite(suite, sandboxTarget(sandbox, { limiter }));
    const cpu = process.cpuUsage(cpu0);
    const wallMs = Date.now() - t0;
    delay.disable();
    const at = sandbox.requests.map(r => r.receivedAt.getTime()).sort((a, b) => a - b);
    // the most requests in any 60 s window (the run is about a minute: the limit is what shapes it)
    let most = 0;
    for (let i = 0, j = 0; i < at.length; i++) {
      while (at[i] - at[j] >= 60_000) j++;
      most = Math.max(most, i - j + 1);
    }
    const passed = results.filter(r => r.outcome === 'passed').length;
    return {
      'tests (passed)': `${results.length} (${passed})`,
      'sandbox progress / billing lag / poll': `${CLI_SANDBOX.progressMs} / ${CLI_SANDBOX.postCallLagMs} / ${CLI_SANDBOX.progressMs / 2} ms`,
      'wall time': `${(wallMs / 1000).toFixed(1)} s`,
      'requests (connect + polls)': `${at.length} (${sandbox.requests.filter(r => r.method === 'POST').length} + ${sandbox.requests.filter(r => r.method === 'GET').length})`,
      'requests in the busiest 60 s window / limit': `${most} / ${LIMIT}`,
      'CPU time, runner + sandbox (per request)': `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (${((cpu.user + cpu.system) / 1000 / Math.max(1, at.length)).toFixed(2)} ms)`,
      '429 answers': sandbox.requests.filter(r => r.status === 429).length,
      'event-loop delay during the run p50 / p99 / max': `${ms(delay.percentile(50))} / ${ms(delay.percentile(99))} / ${ms(delay.max)} ms`,
      'event-loop delay idle, same process p50 / p99 / max': `${ms(idle.percentile(50))} / ${ms(idle.percentile(99))} / ${ms(idle.max)} ms`,
    };
  } finally {
    limiter.dispose();
    await sandbox.close();
  }
}
