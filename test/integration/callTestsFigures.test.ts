// Figures, not a check (opt in with EXOTEL_BENCH=1): a 50-test suite run from the Test Explorer on the extension's
// sandbox, with the extension host's event-loop delay measured meanwhile (perf_hooks.monitorEventLoopDelay).
import * as assert from 'assert';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import { fiftyTests } from '../bench/callTests.bench';
import { api, sandbox } from './helpers';
import { runItems } from './testRuns';

(process.env.EXOTEL_BENCH === '1' ? describe : describe.skip)('call tests: figures in the extension host', function () {
  this.timeout(600_000);

  it('runs 50 tests on the sandbox and reports wall time, requests per minute and event-loop delay', async () => {
    const s = await sandbox();
    const { callTests } = await api();
    const uri = vscode.Uri.parse('untitled:/fifty.exotel-tests.json');
    const entry = callTests.items.update(uri, fiftyTests());
    callTests.items.text = async () => entry.suite.text;
    const before = s.requests.length;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    try {
      delay.enable();
      const t0 = Date.now();
      const rec = await runItems([...entry.tests.values()]);
      const wallMs = Date.now() - t0;
      delay.disable();
      const requests = s.requests.length - before;
      const figures = {
        tests: entry.tests.size,
        passed: rec.passed.length,
        failed: rec.failed.length,
        errored: rec.errored.length,
        wall: `${(wallMs / 1000).toFixed(1)} s`,
        requests,
        perMinute: (requests / (wallMs / 60_000)).toFixed(0),
        limit: vscode.workspace.getConfiguration('exotel').get('rateLimitPerMinute'),
        eventLoopP50: `${(delay.percentile(50) / 1e6).toFixed(1)} ms`,
        eventLoopP99: `${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
        eventLoopMax: `${(delay.max / 1e6).toFixed(1)} ms`,
      };
      console.log(`[figures] call tests in the extension host: ${JSON.stringify(figures)}`);
      assert.strictEqual(
        rec.passed.length,
        50,
        JSON.stringify(rec.failed.map(f => f.messages.map(m => String((m.message as vscode.MarkdownString).value ?? m.message)))),
      );
    } finally {
      delete (callTests.items as unknown as Record<string, unknown>).text;
      callTests.items.remove(uri);
    }
  });
});
