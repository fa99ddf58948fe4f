// The flow run panel for a 50-applet run: the graph's layout and the whole panel (graph + timeline) rendered to markup,
// as the page would build it. Figures only (the goal in issue 23 is ≤ 100 ms for timeline + graph).
import { layoutFlowGraph } from '../../src/webview-ui/flowGraph';
import { flowRunNode } from '../../src/webview-ui/flowRunView';
import { toMarkup } from '../../src/webview-ui/vnode';
import { sampleFlowRun } from '../helpers/flowRunSample';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(run: () => unknown, times = 21): { first: number; median: number; slowest: number } {
  const all = Array.from({ length: times }, () => {
    const t = performance.now();
    run();
    return performance.now() - t;
  });
  return { first: all[0], median: median(all), slowest: Math.max(...all.slice(1)) };
}

export function benchFlowRun(): Record<string, string | number> {
  const run = sampleFlowRun(50);
  const big = sampleFlowRun(200);
  const layout = time(() => layoutFlowGraph(run.graph));
  let chars = 0;
  const panel = time(() => (chars = toMarkup(flowRunNode(run)).length));
  const panel200 = time(() => toMarkup(flowRunNode(big)), 7);
  return {
    'applets, transitions': `${run.graph.nodes.length}, ${run.graph.edges.length}`,
    'graph layout, median of 21': `${layout.median.toFixed(2)} ms`,
    'timeline + graph rendered to markup, first': `${panel.first.toFixed(1)} ms`,
    'timeline + graph rendered to markup, median of 21': `${panel.median.toFixed(1)} ms (${(chars / 1024).toFixed(0)} KB)`,
    'timeline + graph rendered to markup, slowest of 20': `${panel.slowest.toFixed(1)} ms`,
    '200 applets, median of 7': `${panel200.median.toFixed(1)} ms`,
  };
}
