// The page script of the Call Stats panel: Chart.js (bar and matrix charts only, tree-shaken) drawn in the
// theme's colours, each chart with a table of the same figures. Every value arrives by postMessage and goes
// in as text (labels, tooltips, cells); nothing from Exotel becomes markup. Its web components come from
// elements.js, loaded first.
import { BarController, BarElement, CategoryScale, Chart, ChartConfiguration, Legend, LinearScale, Tooltip } from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { actionable, button, h } from './dom';
import { StatsMessage } from './messages';
import { ChartView, StatsView, ToWebview } from './protocol';
import { ready, send, vscode } from './vscodeApi';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, MatrixController, MatrixElement);

const root = document.getElementById('root')!;
const act = (message: StatsMessage) => send(message);

let charts: Chart[] = [];
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

function fmt(unit: ChartView['unit'], v: number): string {
  switch (unit) {
    case 'money':
      return v.toFixed(2);
    case 'percent':
      return `${(v * 100).toFixed(1)} %`;
    default:
      return String(v);
  }
}

function render(view: StatsView): void {
  current = view;
  for (const c of charts) c.destroy();
  charts = [];
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
  const canvas = h('canvas', { role: 'img', 'aria-label': `${c.title}. ${x.showTable}.` }) as HTMLCanvasElement;
  const rows = c.kind === 'hbar' ? Math.max(3, c.labels.length) : 0;
  const box = h('div', { class: `chart chart-${c.kind}`, style: undefined }, canvas);
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
          saveImage(c, canvas);
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
    draw(c, canvas, box);
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

function draw(c: ChartView, canvas: HTMLCanvasElement, box: HTMLElement): void {
  box.style.height = `${box.dataset.height}px`;
  const fg = css('--vscode-foreground');
  const grid = css('--vscode-charts-lines', 'rgba(128,128,128,0.3)');
  const hc = highContrast();
  const border = hc ? css('--vscode-contrastBorder', fg) : undefined;
  Chart.defaults.color = fg;
  Chart.defaults.borderColor = withAlpha(grid, 0.35);
  Chart.defaults.font.family = css('--vscode-font-family', 'sans-serif');
  const tooltip = {
    backgroundColor: css('--vscode-editorHoverWidget-background', '#222'),
    titleColor: css('--vscode-editorHoverWidget-foreground', fg),
    bodyColor: css('--vscode-editorHoverWidget-foreground', fg),
    borderColor: css('--vscode-editorHoverWidget-border', grid),
    borderWidth: 1,
  };
  let config: ChartConfiguration;
  if (c.kind === 'heat' && c.heat) {
    const heat = c.heat;
    const base = css(heat.color, '#3794ff');
    const max = Math.max(1, ...heat.values.flat().map(v => v ?? 0));
    const data = heat.values.flatMap((row, y) => row.map((v, x) => ({ x: heat.cols[x], y: heat.rows[y], v })));
    config = {
      type: 'matrix',
      data: {
        datasets: [
          {
            label: c.title,
            data,
            backgroundColor: (ctx: { raw: unknown }) => {
              const v = (ctx.raw as { v: number | null } | undefined)?.v;
              return v === null || v === undefined || v === 0 ? 'transparent' : withAlpha(base, 0.15 + 0.85 * (heat.percent ? v : v / max));
            },
            borderColor: border ?? withAlpha(grid, 0.4),
            borderWidth: 1,
            width: ({ chart }: { chart: Chart }) => (chart.chartArea?.width ?? 0) / heat.cols.length - 2,
            height: ({ chart }: { chart: Chart }) => (chart.chartArea?.height ?? 0) / heat.rows.length - 2,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: 'category', labels: heat.cols, grid: { display: false } },
          // The matrix chart's defaults reverse y, which put Monday at the bottom; a week reads Monday first, from the top.
          y: { type: 'category', labels: heat.rows, offset: true, reverse: false, grid: { display: false } },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            ...tooltip,
            callbacks: {
              title: () => '',
              label: ctx => {
                const r = ctx.raw as { x: string; y: string; v: number | null };
                return `${r.y} ${r.x}:00 — ${r.v === null ? '—' : fmt(c.unit, r.v)}`;
              },
            },
          },
        },
        onClick: (_e, els) => {
          const el = els[0];
          if (!el) return;
          const r = data[el.index];
          act({ action: 'select', selection: { chart: c.id, weekday: heat.rows.indexOf(r.y), hour: Number(r.x) } });
        },
      },
    } as ChartConfiguration;
  } else {
    const horizontal = c.kind === 'hbar';
    config = {
      type: 'bar',
      data: {
        labels: c.labels,
        datasets: c.series.map(s => ({
          label: s.name,
          data: s.values,
          backgroundColor: css(s.color, '#3794ff'),
          borderColor: border ?? css(s.color, '#3794ff'),
          borderWidth: hc ? 1 : 0,
          maxBarThickness: 48,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: {
          x: { stacked: true, ticks: { autoSkip: !horizontal } },
          y: { stacked: true, beginAtZero: true, ticks: { autoSkip: horizontal ? false : true } },
        },
        plugins: {
          legend: { display: c.series.length > 1, position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: { ...tooltip, callbacks: { label: ctx => `${ctx.dataset.label}: ${fmt(c.unit, Number(ctx.raw))}` } },
        },
        onClick: (_e, els) => {
          if (els[0]) select(c, els[0].index, els[0].datasetIndex);
        },
        onHover: (e, els) => {
          (e.native?.target as HTMLElement | undefined)?.style.setProperty('cursor', els.length ? 'pointer' : 'default');
        },
      },
    } as ChartConfiguration;
  }
  charts.push(new Chart(canvas, config));
}

/** The chart on the editor's background, as a PNG the extension saves where the user says. */
function saveImage(c: ChartView, canvas: HTMLCanvasElement): void {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const g = out.getContext('2d')!;
  g.fillStyle = css('--vscode-editor-background', '#fff');
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(canvas, 0, 0);
  act({ action: 'saveImage', chart: c.id, dataUrl: out.toDataURL('image/png') });
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
      for (const c of charts) c.destroy();
      charts = [];
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
