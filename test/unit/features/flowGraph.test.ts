// The flow run panel's pure rendering: the graph's layout (layers by distance from the start, no box on another) and the
// markup of graph + timeline, where every value from a flow file or a developer's server is text, never markup.
import * as assert from 'assert';
import { BOX_H, BOX_W, layoutFlowGraph } from '../../../src/webview-ui/flowGraph';
import { flowRunNode } from '../../../src/webview-ui/flowRunView';
import { FlowGraphView } from '../../../src/webview-ui/protocol';
import { toMarkup, VNode } from '../../../src/webview-ui/vnode';
import { sampleFlowRun } from '../../helpers/flowRunSample';

const node = (id: string) => ({ id, label: id, kind: 'Passthru', state: 'idle' as const });

describe('flow run panel: the graph', () => {
  it('layers the applets by their longest path from the start (loops set aside), unreachable ones below the rest', () => {
    const g: FlowGraphView = {
      start: 'a',
      nodes: ['a', 'b', 'c', 'd', 'lost'].map(node),
      edges: [
        { from: 'a', to: 'b', label: '200', taken: true },
        { from: 'a', to: 'c', label: 'else', taken: false },
        { from: 'b', to: 'd', label: 'next', taken: true },
        { from: 'd', to: 'a', label: 'again', taken: false },
      ],
    };
    const l = layoutFlowGraph(g);
    const layer = Object.fromEntries(l.nodes.map(p => [p.node.id, p.layer]));
    assert.deepStrictEqual(layer, { a: 0, b: 1, c: 1, d: 2, lost: 3 });
    assert.deepStrictEqual(
      l.edges.map(e => e.back),
      [false, false, false, true],
      'the arrow back up to the start goes round the side',
    );
    for (const p of l.nodes) assert.ok(p.x >= 0 && p.y >= 0 && p.x + BOX_W <= l.width && p.y + BOX_H <= l.height, `${p.node.id} inside the drawing`);
  });

  it('never draws a box on another, in a wide flow (a menu with many branches) or a long one', () => {
    for (const g of [sampleFlowRun(50).graph, wideMenu(12)]) {
      const l = layoutFlowGraph(g);
      assert.strictEqual(l.nodes.length, g.nodes.length);
      for (const a of l.nodes)
        for (const b of l.nodes) {
          if (a === b) continue;
          const apart = a.x + BOX_W <= b.x || b.x + BOX_W <= a.x || a.y + BOX_H <= b.y || b.y + BOX_H <= a.y;
          assert.ok(apart, `${a.node.id} and ${b.node.id} overlap`);
        }
    }
  });

  it('highlights the path taken: its arrows and boxes carry the classes the theme colours', () => {
    const markup = toMarkup(flowRunNode(sampleFlowRun(6)));
    assert.match(markup, /<g class="edge taken"><path [^>]*marker-end="url\(#arrow-taken\)"/);
    assert.match(markup, /<g class="edge back"><path [^>]*marker-end="url\(#arrow\)"/, 'the branch not taken is drawn plain');
    assert.match(markup, /<g class="node visited tone-fail"[^>]*data-step="4"/, 'the failed request colours its box');
  });
});

describe('flow run panel: values are text', () => {
  it('escapes markup and shows bidi controls in names, URLs, bodies and parameters', () => {
    const hostile = '<img src=x onerror=alert(1)>"\u202E';
    const run = sampleFlowRun(5, hostile);
    const markup = toMarkup(flowRunNode(run));
    assert.ok(!markup.includes('<img'), 'no element from a value');
    assert.ok(!markup.includes('"\u202E') && !markup.includes('\u202E'), 'no bidi control left');
    assert.ok(markup.includes('&lt;img src=x onerror=alert(1)&gt;&quot;[U+202E]'), 'the value is shown as text');
    assert.ok(count(flowRunNode(run), n => n.tag === 'script') === 0);
  });

  it('every request has Resend and Copy as cURL, sending back its own id', () => {
    const markup = toMarkup(flowRunNode(sampleFlowRun(3)));
    for (const id of ['r0', 'r1']) {
      assert.ok(markup.includes(`data-action="resendRequest" data-value="${id}"`), `Resend ${id}`);
      assert.ok(markup.includes(`data-action="copyCurlRequest" data-value="${id}"`), `cURL ${id}`);
    }
  });

  it('shows a keypad only while a Gather waits for keys', () => {
    const run = sampleFlowRun(3);
    assert.ok(!toMarkup(flowRunNode(run)).includes('data-key='));
    const waiting = toMarkup(flowRunNode({ ...run, keys: { prompt: 'Press 1 for sales', maxDigits: 1, finishOnKey: '#' } }));
    for (const k of ['1', '9', '0', '*', '#']) assert.ok(waiting.includes(`data-key="${k}"`), k);
    assert.ok(waiting.includes('Press 1 for sales'));
  });
});

function wideMenu(n: number): FlowGraphView {
  const nodes = [node('menu'), ...Array.from({ length: n }, (_, i) => node(`option${i}`)), node('end')];
  const edges = nodes.slice(1, -1).flatMap(o => [
    { from: 'menu', to: o.id, label: o.id, taken: false },
    { from: o.id, to: 'end', label: 'next', taken: false },
  ]);
  return { start: 'menu', nodes, edges };
}

function count(n: VNode | string, match: (n: VNode) => boolean): number {
  return typeof n === 'string' ? 0 : (match(n) ? 1 : 0) + n.children.reduce((s, c) => s + count(c, match), 0);
}
