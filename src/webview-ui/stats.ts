// The page script of the Call Stats panel: its charts drawn as SVG in the theme's colours (chartLayout.ts places
// the marks, this file turns them into elements), each chart with a table of the same figures. Every value arrives
// by postMessage and goes in as text (labels, tooltips, cells); nothing from Exotel becomes markup. Its web
// components come from elements.js, loaded first.
import { FONT_SIZE, LEGEND_BOX, layoutChart, Measure } from './chartLayout';
import { actionable, button, h, s } from './dom';
import { StatsMessage } from './messages';
import { ChartView, StatsView, ToWebview } from './protocol';
import { ready, send, vscode } from './vscodeApi';

const root = document.getElementById('root')!;
const act = (message: StatsMessage) => send(message);

// Charts follow the panel's width: each drawn box is redrawn when it changes.
const redraws = new WeakMap<Element, () => void>();
const resized = new ResizeObserver(entries => {
  for (const e of entries) redraws.get(e.target)?.();
});
let current: StatsView | undefined;

/** A theme colour by variable name; the fallback keeps a chart readable if a theme leaves one out. */
function css(name: string, fallback = '#888'): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(color);
  if (!m) return color;
  const [r, g, b] = m.slice(1).map(x => parseInt(x, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function highContrast(): boolean {
  return document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
}

function render(view: StatsView): void {
  current = view;
  resized.disconnect();
  const x = view.text;
  root.replaceChildren(
    h('header', {}, h('h1', {}, x.title), h('span', { class: 'muted' }, view.subtitle)),
    controls(view),
    h(
      'section',
      { class: 'headline', 'aria-label': x.title },
      ...view.headline.map(f =>
        h(
          'div',
          { class: 'figure', 'data-figure': f.id },
          h('div', { class: 'figure-label' }, f.label),
          h('div', { class: 'figure-value' }, f.value),
          f.hint ? h('div', { class: 'muted figure-hint' }, f.hint) : undefined,
        ),
      ),
    ),
    ...view.notes.map(n => h('p', { class: 'muted note' }, n)),
    lookup(view) ?? '',
    view.calls ? h('p', { class: 'muted' }, x.clickHint) : h('p', { class: 'muted' }, x.noCalls),
    h('div', { class: 'charts' }, ...(view.calls ? view.charts.map(c => chartSection(c, x)) : [])),
  );
  requestAnimationFrame(() => requestAnimationFrame(() => act({ action: 'painted', calls: view.calls })));
}

function controls(view: StatsView): HTMLElement {
  const x = view.text;
  const select = h(
    'select',
    { 'aria-label': x.range, id: 'range' },
    ...(['today', 'last7', 'last30', 'last90', 'custom'] as const).map(p => {
      const o = h('option', { value: p }, x[p]) as HTMLOptionElement;
      o.selected = p === view.range.preset;
      return o;
    }),
  ) as HTMLSelectElement;
  const date = (label: string, value: string) =>
    h('input', { type: 'date', 'aria-label': label, value, min: view.range.minDay, max: view.range.maxDay }) as HTMLInputElement;
  const from = date(x.from, view.range.fromDay);
  const to = date(x.to, view.range.toDay);
  const custom = h(
    'span',
    { class: 'custom-range' },
    h('label', {}, x.from, ' ', from),
    h('label', {}, x.to, ' ', to),
    button(x.apply, () => act({ action: 'range', range: { preset: 'custom', fromDay: from.value, toDay: to.value } }), true),
  );
  custom.hidden = view.range.preset !== 'custom';
  select.addEventListener('change', () => {
    custom.hidden = select.value !== 'custom';
    if (select.value !== 'custom') act({ action: 'range', range: { preset: select.value } });
  });
  const box = h('input', { type: 'checkbox', id: 'applyFilter' }) as HTMLInputElement;
  box.checked = view.applyFilter;
  box.disabled = !view.filterText;
  box.addEventListener('change', () => act({ action: 'applyFilter', on: box.checked }));
  return h(
    'div',
    { class: 'actions controls' },
    h('label', {}, x.range, ' ', select),
    custom,
    h(
      'label',
      { class: 'switch', title: view.filterText ?? '' },
      box,
      ' ',
      x.applyFilter,
      view.filterText ? h('span', { class: 'muted' }, ` (${view.filterText})`) : undefined,
    ),
    button(x.refresh, () => act({ action: 'refresh' }), true, 'refresh'),
    button(x.exportCsv, () => act({ action: 'exportCsv' }), true, 'desktop-download'),
  );
}

function lookup(view: StatsView): HTMLElement | undefined {
  const l = view.lookup;
  if (!l) return undefined;
  const b = button(l.label, () => act({ action: 'lookUp' }), true, 'search');
  if (!l.enabled) b.setAttribute('disabled', '');
  return h('p', { class: 'lookup' }, b, l.note ? h('span', { class: 'muted' }, ' ', l.note) : undefined);
}

function chartSection(c: ChartView, x: StatsView['text']): HTMLElement {
  const rows = c.kind === 'hbar' ? Math.max(3, c.labels.length) : 0;
  const box = h('div', { class: `chart chart-${c.kind}` });
  box.dataset.height = String(c.kind === 'hbar' ? 40 + rows * 26 : c.kind === 'heat' ? 230 : 260);
  const table = h(
    'table',
    { class: 'chart-table' },
    h('thead', {}, h('tr', {}, ...c.table.head.map(t => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...c.table.rows.map((r, i) => {
        const tr = h('tr', {}, ...r.map((cell, j) => (j === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))));
        return c.kind === 'heat' ? tr : actionable(tr, () => select(c, i, undefined));
      }),
    ),
  );
  table.hidden = true;
  const toggle = button(
    x.showTable,
    () => {
      table.hidden = !table.hidden;
      box.hidden = !table.hidden;
      toggle.lastChild!.textContent = table.hidden ? x.showTable : x.showChart;
    },
    true,
    'table',
  );
  const section = h(
    'section',
    { class: 'chart-section', 'data-chart': c.id },
    h('h2', {}, c.title),
    h(
      'div',
      { class: 'chart-actions' },
      toggle,
      button(
        x.saveImage,
        () => {
          ensure();
          saveImage(c, box);
        },
        true,
        'file-media',
      ),
    ),
    box,
    table,
    c.note ? h('p', { class: 'muted' }, c.note) : undefined,
  );
  // Charts below the fold are drawn when scrolled to: the first paint draws only what is on screen.
  box.style.height = `${box.dataset.height}px`;
  let drawn = false;
  const ensure = () => {
    if (drawn) return;
    drawn = true;
    observer.disconnect();
    const hidden = new Set<number>();
    let width = box.clientWidth;
    draw(c, box, hidden, x);
    redraws.set(box, () => {
      if (box.clientWidth === width || box.hidden) return;
      width = box.clientWidth;
      draw(c, box, hidden, x);
    });
    resized.observe(box);
  };
  const observer = new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting)) ensure();
  });
  observer.observe(box);
  return section;
}

function select(c: ChartView, index: number, datasetIndex: number | undefined): void {
  const key = c.keys[index];
  switch (c.id) {
    case 'perDay':
      act({ action: 'select', selection: { chart: c.id, day: key, outcome: datasetIndex === undefined ? undefined : c.series[datasetIndex]?.key } });
      break;
    case 'spendPerDay':
      act({ action: 'select', selection: { chart: c.id, day: key } });
      break;
    case 'talkTime':
      act({ action: 'select', selection: { chart: c.id, bin: Number(key) } });
      break;
    default:
      act({ action: 'select', selection: { chart: c.id, key } });
  }
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/** Label widths in the chart's font, so that axes leave room for them; an estimate if there is no 2D context. */
function measurer(font: string): Measure {
  measureContext ??= document.createElement('canvas').getContext('2d');
  const g = measureContext;
  if (!g) return text => text.length * FONT_SIZE * 0.6;
  g.font = font;
  return text => g.measureText(text).width;
}

/** Draws the chart as SVG in the box's width: every colour is resolved from the theme into attributes, so the
 * serialized SVG (Save as Image) looks as the panel does. `hidden` holds the series switched off in the legend. */
function draw(c: ChartView, box: HTMLElement, hidden: Set<number>, x: StatsView['text']): void {
  // A box hidden behind its table has no width of its own: Save as Image then draws it in its section's width.
  const width = Math.max(200, Math.round(box.clientWidth || box.parentElement?.clientWidth || 0));
  const height = Number(box.dataset.height);
  const family = css('--vscode-font-family', 'sans-serif');
  const fg = css('--vscode-foreground');
  const grid = css('--vscode-charts-lines', 'rgba(128,128,128,0.3)');
  const border = highContrast() ? css('--vscode-contrastBorder', fg) : undefined;
  const layout = layoutChart(c, width, height, hidden, measurer(`${FONT_SIZE}px ${family}`));
  const lines = withAlpha(grid, 0.35);
  const base = c.heat ? css(c.heat.color, '#3794ff') : '';
  const marks = layout.marks.map(m => {
    const color = c.kind === 'heat' ? (m.level ? withAlpha(base, m.level) : 'transparent') : css(c.series[m.series].color, '#3794ff');
    const rect = s(
      'rect',
      {
        class: 'mark',
        'data-series': c.kind === 'heat' ? undefined : m.series,
        x: m.x.toFixed(1),
        y: m.y.toFixed(1),
        width: Math.max(0, m.w).toFixed(1),
        height: Math.max(0, m.h).toFixed(1),
        fill: color,
        stroke: c.kind === 'heat' ? (border ?? withAlpha(grid, 0.4)) : border,
        'stroke-width': c.kind === 'heat' || border ? 1 : undefined,
      },
      s('title', {}, m.tooltip),
    );
    rect.addEventListener('click', () => {
      if (c.kind === 'heat' && c.heat && m.row !== undefined && m.col !== undefined)
        act({ action: 'select', selection: { chart: c.id, weekday: m.row, hour: Number(c.heat.cols[m.col]) } });
      else select(c, m.index, m.series);
    });
    return rect;
  });
  const legend = layout.legend.map(e => {
    const color = css(c.series[e.series].color, '#3794ff');
    const entry = s(
      'g',
      { class: 'legend-entry', tabindex: 0, role: 'button', 'aria-pressed': String(!e.hidden), opacity: e.hidden ? 0.5 : undefined },
      s('rect', { x: e.x, y: e.y, width: LEGEND_BOX, height: LEGEND_BOX, fill: color, stroke: border, 'stroke-width': border ? 1 : undefined }),
      s('text', { x: e.x + LEGEND_BOX + 6, y: e.y + LEGEND_BOX - 2, 'text-decoration': e.hidden ? 'line-through' : undefined }, e.text),
    );
    // As Chart.js's legend did: an entry switches its series off and on, and the scale follows what is shown.
    const toggle = () => {
      if (hidden.has(e.series)) hidden.delete(e.series);
      else hidden.add(e.series);
      draw(c, box, hidden, x);
      (box.querySelectorAll('.legend-entry')[layout.legend.indexOf(e)] as SVGElement | undefined)?.focus();
    };
    entry.addEventListener('click', toggle);
    entry.addEventListener('keydown', ev => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        toggle();
      }
    });
    return entry;
  });
  const { plot } = layout;
  const axis =
    c.kind === 'heat' ? [] : [c.kind === 'hbar' ? [plot.x, plot.y, plot.x, plot.y + plot.h] : [plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h]];
  const svg = s(
    'svg',
    {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      // A group, not an img: its legend entries are buttons a screen reader must reach.
      role: 'group',
      'aria-label': `${c.title}. ${x.showTable}.`,
      'font-family': family,
      'font-size': FONT_SIZE,
      fill: fg,
    },
    s('g', { stroke: lines, 'stroke-width': 1 }, ...[...layout.grid, ...axis].map(([x1, y1, x2, y2]) => s('line', { x1, y1, x2, y2 }))),
    s('g', {}, ...layout.ticks.map(t => s('text', { x: t.x.toFixed(1), y: t.y.toFixed(1), 'text-anchor': t.anchor }, t.text))),
    s('g', {}, ...marks),
    s('g', {}, ...legend),
  );
  box.replaceChildren(svg);
  box.dataset.drawn = 'true';
}

/** The chart on the editor's background, as a PNG the extension saves where the user says: the SVG, serialized
 * with its resolved colours, drawn into an image and onto a canvas at the screen's pixel ratio. */
function saveImage(c: ChartView, box: HTMLElement): void {
  const svg = box.querySelector('svg');
  if (!svg) return;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const img = new Image();
  img.onload = () => {
    const ratio = window.devicePixelRatio || 1;
    const out = document.createElement('canvas');
    out.width = Math.round(width * ratio);
    out.height = Math.round(height * ratio);
    const g = out.getContext('2d')!;
    g.fillStyle = css('--vscode-editor-background', '#fff');
    g.fillRect(0, 0, out.width, out.height);
    g.drawImage(img, 0, 0, out.width, out.height);
    act({ action: 'saveImage', chart: c.id, dataUrl: out.toDataURL('image/png') });
  };
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
}

function onMessage(msg: ToWebview): void {
  if (msg.type === 'stats') {
    render(msg.stats);
    vscode.setState(msg);
  } else if (msg.type === 'loading' || msg.type === 'error') {
    const p = h('p', msg.type === 'error' ? { class: 'error', role: 'alert' } : { class: 'muted' }, msg.message);
    if (current && msg.type === 'loading') {
      // Keep the last figures while new ones load; say so above them.
      document.getElementById('status')?.remove();
      p.id = 'status';
      root.prepend(p);
    } else {
      resized.disconnect();
      current = undefined;
      root.replaceChildren(p);
    }
  }
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  if (e.data && typeof e.data === 'object' && typeof e.data.type === 'string') onMessage(e.data);
});
// A theme change swaps the body's classes: draw again in the new colours.
new MutationObserver(() => {
  if (current) render(current);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });
const saved = vscode.getState();
if (saved) onMessage(saved);
ready();
