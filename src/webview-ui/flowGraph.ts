// The flow drawn as a graph: applets as boxes, layered top to bottom by their longest path from the start, transitions
// as arrows, the run's path highlighted. Pure functions (layout, then a VNode tree), so the bench and the unit tests run
// them in Node; the page builds the DOM from the tree. Colours come from panel.css (theme variables), never from here.
import { FlowGraphEdge, FlowGraphNode, FlowGraphView } from './protocol';
import { v, VNode } from './vnode';

export const BOX_W = 176;
export const BOX_H = 52;
const GAP_X = 28;
const GAP_Y = 46;
const MARGIN = 16;
/** Room on the right for arrows that go back up (a Gather's retry, a menu's "repeat"). */
const BACK_LANE = 64;
const LABEL_CHARS = 24;
/** The width a layer keeps for an arrow passing through it. */
const DUMMY_W = 20;

export interface PlacedNode {
  node: FlowGraphNode;
  x: number;
  y: number;
  layer: number;
}

export interface PlacedEdge {
  edge: FlowGraphEdge;
  /** SVG path data. */
  d: string;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
  /** Goes back up or sideways: drawn round the right side. */
  back: boolean;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/**
 * Each applet's layer. Arrows that close a loop (found by a depth-first walk from the start) are set aside; the rest
 * form a DAG, layered by the longest path from the start, so that every other arrow points down and a Hangup reached
 * late sits at the bottom. Applets the start cannot reach go in one layer below the rest.
 */
function layersOf(g: FlowGraphView): Map<string, number> {
  const ids = new Set(g.nodes.map(n => n.id));
  const next = new Map<string, string[]>();
  for (const e of g.edges) if (ids.has(e.to) && ids.has(e.from)) (next.get(e.from) ?? next.set(e.from, []).get(e.from)!).push(e.to);
  const order: string[] = []; // reverse postorder = a topological order of the DAG
  const state = new Map<string, 1 | 2>(); // 1: on the walk's stack, 2: done
  const back = new Set<string>();
  if (ids.has(g.start)) {
    // Iterative, so that a 10,000-applet chain does not overflow the stack.
    const stack: Array<{ id: string; i: number }> = [{ id: g.start, i: 0 }];
    state.set(g.start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const outs = next.get(top.id) ?? [];
      if (top.i < outs.length) {
        const to = outs[top.i++];
        const s = state.get(to);
        if (s === 1) back.add(`${top.id}\u0000${to}`);
        else if (s === undefined) {
          state.set(to, 1);
          stack.push({ id: to, i: 0 });
        }
      } else {
        state.set(top.id, 2);
        order.push(top.id);
        stack.pop();
      }
    }
  }
  order.reverse();
  const depth = new Map<string, number>();
  if (order.length) depth.set(g.start, 0);
  for (const id of order) {
    const d = depth.get(id) ?? 0;
    for (const to of next.get(id) ?? []) {
      if (back.has(`${id}\u0000${to}`) || !state.has(to)) continue;
      if ((depth.get(to) ?? -1) < d + 1) depth.set(to, d + 1);
    }
  }
  const below = Math.max(-1, ...depth.values()) + 1;
  for (const n of g.nodes) if (!depth.has(n.id)) depth.set(n.id, below);
  return depth;
}

/** Places the boxes and routes the arrows. Linear in boxes + arrows, apart from one sort per layer. */
export function layoutFlowGraph(g: FlowGraphView): GraphLayout {
  const depth = layersOf(g);
  const layers: FlowGraphNode[][] = [];
  for (const n of g.nodes) (layers[depth.get(n.id)!] ??= []).push(n);
  const parents = new Map<string, string[]>();
  for (const e of g.edges) if (depth.get(e.to)! > depth.get(e.from)!) (parents.get(e.to) ?? parents.set(e.to, []).get(e.to)!).push(e.from);

  // An arrow that spans several layers passes through a narrow placeholder in each layer between, so that the layer
  // keeps room for it and it never runs through a box (the usual layered-drawing method).
  type Slot = { id: string; node?: FlowGraphNode; w: number };
  const rows: Slot[][] = layers.map(l => (l ?? []).map(n => ({ id: n.id, node: n, w: BOX_W })));
  const chains = new Map<number, Array<{ id: string; layer: number }>>();
  g.edges.forEach((e, ei) => {
    const a = depth.get(e.from);
    const b = depth.get(e.to);
    if (a === undefined || b === undefined || b <= a + 1) return;
    const chain: Array<{ id: string; layer: number }> = [];
    let prev = e.from;
    for (let l = a + 1; l < b; l++) {
      const id = `\u0001${ei}:${l}`;
      (rows[l] ??= []).push({ id, w: DUMMY_W });
      (parents.get(id) ?? parents.set(id, []).get(id)!).push(prev);
      chain.push({ id, layer: l });
      prev = id;
    }
    const ps = parents.get(e.to)!;
    const i = ps.indexOf(e.from);
    if (i >= 0) ps[i] = prev;
    chains.set(ei, chain);
  });

  // Within a layer, slots sit under the average position of their parents (fewer crossings); ties keep file order.
  const xOf = new Map<string, number>();
  const rowWidth = (row: Slot[]) => row.reduce((sum, s) => sum + s.w, 0) + Math.max(0, row.length - 1) * GAP_X;
  const innerW = Math.max(BOX_W, ...rows.map(row => rowWidth(row ?? [])));
  const placed: PlacedNode[] = [];
  rows.forEach((row, li) => {
    if (!row?.length) return;
    const keyed = row.map((slot, i) => {
      const ps = (parents.get(slot.id) ?? []).map(p => xOf.get(p)).filter((x): x is number => x !== undefined);
      return { slot, i, key: ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Number.MAX_SAFE_INTEGER };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    let x = MARGIN + (innerW - rowWidth(row)) / 2;
    const y = MARGIN + li * (BOX_H + GAP_Y);
    for (const { slot } of keyed) {
      xOf.set(slot.id, x + slot.w / 2);
      if (slot.node) placed.push({ node: slot.node, x, y, layer: li });
      x += slot.w + GAP_X;
    }
  });

  const at = new Map(placed.map(p => [p.node.id, p]));
  // Where arrows leave and arrive: spread along the box's edge, so two arrows never share one point.
  const outs = new Map<string, number>();
  const ins = new Map<string, number>();
  const outCount = new Map<string, number>();
  const inCount = new Map<string, number>();
  for (const e of g.edges) {
    outCount.set(e.from, (outCount.get(e.from) ?? 0) + 1);
    inCount.set(e.to, (inCount.get(e.to) ?? 0) + 1);
  }
  const port = (used: Map<string, number>, count: Map<string, number>, id: string) => {
    const k = used.get(id) ?? 0;
    used.set(id, k + 1);
    const n = count.get(id) ?? 1;
    return { k, dx: ((k + 1) / (n + 1) - 0.5) * (BOX_W * 0.7) };
  };
  const down = (x1: number, y1: number, x2: number, y2: number) => {
    const bend = Math.max(20, (y2 - y1) / 2);
    return { c: ` C${r(x1)} ${r(y1 + bend)} ${r(x2)} ${r(y2 - bend)} ${r(x2)} ${r(y2)}`, bend };
  };
  const edges: PlacedEdge[] = [];
  let backLanes = 0;
  g.edges.forEach((e, ei) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) return;
    if (b.layer > a.layer) {
      const out = port(outs, outCount, e.from);
      const x1 = a.x + BOX_W / 2 + out.dx;
      const y1 = a.y + BOX_H;
      const x2 = b.x + BOX_W / 2 + port(ins, inCount, e.to).dx;
      const y2 = b.y;
      // Through each placeholder: in at its top, straight down, out at its bottom.
      const stops = (chains.get(ei) ?? []).map(c => ({ x: xOf.get(c.id)!, top: MARGIN + c.layer * (BOX_H + GAP_Y) }));
      let d = `M${r(x1)} ${r(y1)}`;
      let px = x1;
      let py = y1;
      for (const s of stops) {
        d += down(px, py, s.x, s.top).c + ` L${r(s.x)} ${r(s.top + BOX_H)}`;
        px = s.x;
        py = s.top + BOX_H;
      }
      d += down(px, py, x2, y2).c;
      // A label sits where its arrow leaves the box: one row per arrow of that box (never on another box's labels
      // at the same height), left of the line on the box's left half, right of it on the right half.
      edges.push({ edge: e, d, labelX: out.dx < 0 ? x1 - 4 : x1 + 4, labelY: y1 + 11 + 12 * (out.k % 3), anchor: out.dx < 0 ? 'end' : 'start', back: false });
    } else {
      // Up, sideways or to itself: out of the source's right side, round, into the target's right side.
      const lane = 28 + 12 * (backLanes++ % 4);
      const x1 = a.x + BOX_W;
      const y1 = a.y + BOX_H * 0.65;
      const x2 = b.x + BOX_W;
      const y2 = b.y + BOX_H * 0.35;
      const xr = Math.max(x1, x2) + lane;
      const d = `M${r(x1)} ${r(y1)} C${r(xr)} ${r(y1)} ${r(xr)} ${r(y2)} ${r(x2)} ${r(y2)}`;
      edges.push({ edge: e, d, labelX: bez(x1, xr, xr, x2, 0.5) + 4, labelY: bez(y1, y1, y2, y2, 0.5), anchor: 'start', back: true });
    }
  });
  const layerCount = layers.length;
  return {
    width: MARGIN * 2 + innerW + BACK_LANE,
    height: MARGIN * 2 + layerCount * BOX_H + Math.max(0, layerCount - 1) * GAP_Y,
    nodes: placed,
    edges,
  };
}

function bez(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The graph as an SVG tree: boxes with the applet's kind, name and result; arrows with their transition's name. */
export function flowGraphSvg(g: FlowGraphView, title: string): VNode {
  const layout = layoutFlowGraph(g);
  const arrows = layout.edges.map(p =>
    v(
      'g',
      { class: `edge${p.edge.taken ? ' taken' : ''}${p.back ? ' back' : ''}` },
      v('path', { d: p.d, 'marker-end': p.edge.taken ? 'url(#arrow-taken)' : 'url(#arrow)' }),
      p.edge.hint && v('title', {}, p.edge.hint),
    ),
  );
  // Labels above every arrow, so that no arrow is drawn across one.
  const labels = layout.edges.map(
    p =>
      p.edge.label &&
      v(
        'text',
        { class: `edge-label${p.edge.taken ? ' taken' : ''}`, x: r(p.labelX + 4), y: r(p.labelY) },
        v('title', {}, p.edge.hint ?? p.edge.label),
        clip(p.edge.label, 22),
      ),
  );
  const boxes = layout.nodes.map(({ node, x, y }) =>
    v(
      'g',
      {
        class: `node ${node.state}${node.tone ? ` tone-${node.tone}` : ''}`,
        transform: `translate(${r(x)} ${r(y)})`,
        'data-step': node.step,
        tabindex: node.step !== undefined ? '0' : undefined,
        role: node.step !== undefined ? 'button' : undefined,
        'data-applet': node.id,
      },
      v('title', {}, [node.label, node.kind, node.result].filter(Boolean).join(' · ')),
      v('rect', { width: BOX_W, height: BOX_H, rx: 6, ry: 6 }),
      v('text', { class: 'kind', x: 10, y: 15 }, clip(node.kind.toUpperCase(), LABEL_CHARS)),
      v('text', { class: 'label', x: 10, y: 31 }, clip(node.label, LABEL_CHARS)),
      node.result !== undefined && v('text', { class: 'result', x: 10, y: 45 }, clip(node.result, LABEL_CHARS + 2)),
      node.step !== undefined &&
        v(
          'g',
          { class: 'step-badge', transform: `translate(${BOX_W - 14} 14)` },
          v('circle', { r: 10 }),
          v('text', { 'text-anchor': 'middle', y: 4 }, String(node.step)),
        ),
    ),
  );
  const marker = (id: string) =>
    v(
      'marker',
      { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', class: id },
      v('path', { d: 'M0 0 L10 5 L0 10 z' }),
    );
  return v(
    'svg',
    {
      class: 'flow-graph',
      width: r(layout.width),
      height: r(layout.height),
      viewBox: `0 0 ${r(layout.width)} ${r(layout.height)}`,
      role: 'img',
      'aria-label': title,
    },
    v('defs', {}, marker('arrow'), marker('arrow-taken')),
    v('g', { class: 'edges' }, arrows),
    v('g', { class: 'nodes' }, boxes),
    v(
      'g',
      { class: 'edge-labels' },
      labels.filter((l): l is VNode => Boolean(l)),
    ),
  );
}
