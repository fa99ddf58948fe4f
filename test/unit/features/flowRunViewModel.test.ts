// The run panel's view of a real engine run (over loopback HTTP): one step per applet entered, each request with its
// answer or why there is none, the graph with the path taken, and a run still going shown as such.
import * as assert from 'assert';
import { FlowFile, FlowRun, runFlow } from '../../../src/flows';
import { flowRunView } from '../../../src/features/flows/flowRunViewModel';
import { startLoopback } from '../../helpers/loopback';
import { sandboxDial } from '../../../src/sandbox/flowDial';

function flowOf(base: string, deadUrl: string): FlowFile {
  return {
    name: 'Unit line',
    appId: '5150',
    exoPhone: '08047112345',
    applets: {
      hello: { type: 'greeting', label: 'Hello', text: 'Hello there.', next: 'menu' },
      menu: { type: 'gather', prompt: { text: 'Press 1.' }, maxDigits: 1, next: { entered: 'ask', noInput: 'bye' } },
      ask: { type: 'passthru', url: `${base}/ask`, next: { ok: 'log', else: 'bye' } },
      log: { type: 'passthru', url: deadUrl, next: { ok: 'bye', else: 'bye' } },
      bye: { type: 'hangup' },
    },
  };
}

describe('flow run panel: the view of a run', () => {
  it('groups the events by applet, shows each request and its answer, and the path on the graph', async () => {
    const handler = await startLoopback(() => ({ status: 200, body: 'ok', headers: { 'Content-Type': 'text/plain' } }));
    const closed = await startLoopback(() => ({ status: 200 }));
    const deadUrl = `${closed.baseUrl}/log`;
    await closed.close(); // nothing listens there now: a refused connection
    try {
      const flow = flowOf(handler.baseUrl, deadUrl);
      const run = await runFlow(
        { flow },
        { call: { direction: 'incoming', from: '09876543210', exoPhone: '08047112345' }, keys: ['1'], dial: n => sandboxDial(n, 'test') },
      );
      const view = flowRunView(run, flow);
      assert.deepStrictEqual(
        view.steps.map(s => `${s.appletId}/${s.kind}`),
        ['hello/Greeting', 'menu/Gather', 'ask/Passthru', 'log/Passthru', 'bye/Hangup'],
      );
      assert.strictEqual(view.steps[0].title, 'Hello', "the applet's label");
      assert.ok(view.steps[0].lines.some(l => l.kind === 'hears' && l.text.includes('Hello there.')));
      assert.ok(view.steps[1].lines.some(l => l.kind === 'keys' && l.text.includes('1')));
      const ask = view.steps[2].requests[0];
      assert.strictEqual(ask.result, '200');
      assert.strictEqual(ask.tone, 'ok');
      assert.strictEqual(ask.line, 'GET /ask');
      assert.ok(ask.params.some(p => p.label === 'digits' && p.value === '"1"'));
      assert.strictEqual(ask.answer?.body, 'ok');
      const log = view.steps[3].requests[0];
      assert.strictEqual(log.result, 'connection refused');
      assert.strictEqual(log.tone, 'fail');
      assert.ok(log.failure, 'no reason given for the refused request');
      assert.strictEqual(view.steps[3].tone, 'fail');
      assert.ok(view.steps[4].lines.some(l => l.kind === 'end'));

      assert.deepStrictEqual(Object.fromEntries(view.graph.nodes.map(n => [n.id, `${n.state}:${n.step}`])), {
        hello: 'visited:1',
        menu: 'visited:2',
        ask: 'visited:3',
        log: 'visited:4',
        bye: 'visited:5',
      });
      assert.strictEqual(view.graph.nodes.find(n => n.id === 'log')?.result, 'connection refused');
      const taken = view.graph.edges.filter(e => e.taken).map(e => `${e.from}>${e.to}:${e.label}`);
      assert.deepStrictEqual(taken, ['hello>menu:', 'menu>ask:keys', 'ask>log:200', 'log>bye:200, else']);
      assert.ok(
        view.graph.edges.some(e => e.from === 'menu' && e.to === 'bye' && !e.taken),
        'the branch not taken is drawn',
      );
      assert.strictEqual(view.statusLabel, 'Ended');
      assert.strictEqual(view.tone, 'warn', 'a failed request makes the run a warning');
    } finally {
      await handler.close();
    }
  });

  it('a run still going: Running, its last box current, a keypad while its Gather waits', () => {
    const flow = flowOf('http://127.0.0.1:9', 'http://127.0.0.1:9/log');
    const run: FlowRun = {
      id: 'r1',
      appId: '5150',
      callSid: 'abc',
      direction: 'incoming',
      from: '09876543210',
      exoPhone: '08047112345',
      startedAt: Date.UTC(2026, 11, 7),
      events: [
        { kind: 'applet', seq: 0, atMs: 0, appletId: 'hello', type: 'greeting', visit: 1 },
        { kind: 'branch', seq: 1, atMs: 1, appletId: 'hello', branch: 'next', label: 'After the greeting', target: 'menu', why: 'played' },
        { kind: 'applet', seq: 2, atMs: 2, appletId: 'menu', type: 'gather', visit: 1 },
      ],
      path: [
        { appletId: 'hello', type: 'greeting', branch: 'next', seq: 0 },
        { appletId: 'menu', type: 'gather', seq: 2 },
      ],
      diagnostics: [],
    };
    const view = flowRunView(run, flow, { prompt: 'Press 1.', maxDigits: 1 });
    assert.strictEqual(view.statusLabel, 'Waiting for keys');
    assert.strictEqual(view.graph.nodes.find(n => n.id === 'menu')?.state, 'current');
    assert.strictEqual(view.graph.nodes.find(n => n.id === 'ask')?.state, 'idle');
    assert.strictEqual(view.steps[1].tone, 'pending');
    assert.strictEqual(view.keys?.prompt, 'Press 1.');
  });
});
