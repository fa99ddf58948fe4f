// The flow simulator's figures (issue 23): the engine's own time per applet, excluding the handler's latency, and
// 100 flow runs in one call test suite — wall time and the event-loop delay of the process meanwhile (the runner,
// sandbox and engine share it, as they share the extension host). The example handler runs as its own process,
// as a developer's server would. Figures only, no assertions.
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { RateLimiter } from '../../src/exotel';
import { parseSuite, runSuite, sandboxTarget, startHandler, FlowKeyRegistry } from '../../src/callTests';
import { CLI_SANDBOX } from '../../src/callTests/targets';
import { FlowFile, FlowRun, loadFlows, runFlow } from '../../src/flows';
import { startSandbox } from '../../src/sandbox';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const ms = (ns: number): string => (ns / 1e6).toFixed(1);

/** Every applet without a URL: what is measured is the engine alone. */
const STATIC: FlowFile = {
  appId: '1',
  applets: {
    g: { type: 'greeting', text: 'Hello', next: 'm' },
    m: { type: 'gather', prompt: { text: 'Press' }, maxDigits: 1, next: { entered: 'c', noInput: 'c' } },
    c: { type: 'connect', numbers: ['09812345676', '09812345670'], record: true, next: { answered: 's', noAnswer: 's' } },
    s: { type: 'sms', text: 'Thanks', next: 'v' },
    v: { type: 'voicemail', next: 'h' },
    h: { type: 'hangup' },
  },
};

function requestMs(run: FlowRun): number {
  return run.events.reduce((sum, e) => sum + (e.kind === 'request' && !e.async ? (e.response?.latencyMs ?? 0) : 0), 0);
}

export async function benchFlows(): Promise<Record<string, string | number>> {
  const call = { direction: 'incoming' as const, from: '09876543210', exoPhone: '08047112345' };
  // Warm up, then 500 runs of the URL-free flow.
  for (let i = 0; i < 50; i++) await runFlow(STATIC, { call, keys: ['1'] });
  let applets = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 500; i++) applets += (await runFlow(STATIC, { call, keys: ['1'] })).path.length;
  const staticNs = Number(process.hrtime.bigint() - t0);

  const handler = await startHandler({ command: 'node flow-handler.js 3005', ready: 'http://127.0.0.1:3005/health' }, EXAMPLES);
  const registry = new FlowKeyRegistry();
  const { flows } = loadFlows(path.join(EXAMPLES, 'support.exotel-flow.json'));
  const sandbox = await startSandbox({ ...CLI_SANDBOX, rateLimitPerMinute: 0, flows: { flows, keysFor: c => registry.keysFor(c) } });
  const limiter = new RateLimiter({ perMinute: 10_000 });
  try {
    // The example flow against the example handler: engine time = wall time − the requests' latency.
    let httpApplets = 0;
    let engineMs = 0;
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const run = await runFlow(flows[0], { call, keys: [String((i % 3) + 1)] });
      engineMs += performance.now() - started - requestMs(run);
      httpApplets += run.path.length;
    }
    const keys = ['1', '2', '3', null];
    const suite = parseSuite(
      JSON.stringify({
        parallel: Number(process.env.FLOW_BENCH_PARALLEL) || 10, // FLOW_BENCH_PARALLEL=1 to compare with runs one at a time
        defaults: { from: '+919876543210', callerId: '08047112345' },
        tests: Array.from({ length: 100 }, (_, i) => ({
          name: `run ${i}`,
          flow: { appId: '236711', direction: 'incoming', keys: [keys[i % 4]] },
          expect: { flow: { outcome: 'hangup' } },
        })),
      }),
    );
    // The same measure over 3 s of doing nothing: on a shared machine the baseline is not zero (it includes the 10 ms resolution).
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await new Promise(r => setTimeout(r, 3000));
    idle.disable();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const w0 = Date.now();
    const cpu0 = process.cpuUsage();
    const results = await runSuite(suite, {
      ...sandboxTarget(sandbox, { limiter }, 50),
      flows: { sandbox: sandbox.flows, keys: registry, appIdOfFile: () => undefined },
    });
    const wallMs = Date.now() - w0;
    const cpu = process.cpuUsage(cpu0);
    delay.disable();
    const passed = results.filter(r => r.outcome === 'passed').length;
    return {
      'engine per applet, no URLs (500 runs × 6 applets)': `${(staticNs / 1e6 / applets).toFixed(3)} ms`,
      'engine per applet, example flow, handler latency excluded (100 runs)': `${(engineMs / httpApplets).toFixed(3)} ms`,
      '100 flow runs in one suite (passed), parallel 10': `${results.length} (${passed})`,
      '100 flow runs: wall time': `${(wallMs / 1000).toFixed(2)} s`,
      '100 flow runs: CPU time of this process (runner + sandbox + engine), per run': `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (${((cpu.user + cpu.system) / 1000 / 100).toFixed(1)} ms)`,
      '100 flow runs: event-loop delay p50 / p99 / max': `${ms(delay.percentile(50))} / ${ms(delay.percentile(99))} / ${ms(delay.max)} ms`,
      'event-loop delay idle, same process p50 / p99 / max': `${ms(idle.percentile(50))} / ${ms(idle.percentile(99))} / ${ms(idle.max)} ms`,
    };
  } finally {
    limiter.dispose();
    await sandbox.close();
    await handler.stop();
  }
}
