// Where every mark of a Call Stats chart goes: bars, heat-map cells, ticks, grid lines and the legend, in pixels of
// a given width and height. Pure (no DOM, no colours), so it is unit-tested in Node; stats.ts draws the result as SVG.
// It replaces Chart.js, which was the largest piece of the VSIX, for the three kinds of chart the panel draws.
import { ChartView } from './protocol';

/** A bar, or a heat-map cell: `series` is the dataset (the legend entry), `index` the category (or row × column). */
export interface Mark {
  x: number;
  y: number;
  w: number;
  h: number;
  series: number;
  index: number;
  value: number | null;
  /** heat: the cell's share of the colour, 0 (empty) to 1; bars: 1. */
  level: number;
  /** heat only: the weekday (row) and hour (column) a click selects. */
  row?: number;
  col?: number;
  tooltip: string;
}

export interface Tick {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface LegendEntry {
  x: number;
  y: number;
  series: number;
  text: string;
  hidden: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The plot area, inside the axes. */
  plot: { x: number; y: number; w: number; h: number };
  marks: Mark[];
  ticks: Tick[];
  /** Grid lines across the plot at each value tick, as [x1, y1, x2, y2]. */
  grid: Array<[number, number, number, number]>;
  legend: LegendEntry[];
}

/** Measures a label in pixels at the chart's font size; tests pass an estimate. */
export type Measure = (text: string) => number;

export const FONT_SIZE = 12;
export const LEGEND_BOX = 12;
const PAD = 6;
const LINE = FONT_SIZE + 6;
const MAX_BAR = 48;

export function formatValue(unit: ChartView['unit'], v: number): string {
  switch (unit) {
    case 'money':
      return v.toFixed(2);
    case 'percent':
      return `${(v * 100).toFixed(1)} %`;
    default:
      return String(v);
  }
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × a power of ten, about `count` of them; whole
 * steps for counts (no "2.5 calls"). */
export function niceTicks(max: number, whole = false, count = 6): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = Math.max(whole ? 1 : 0, [1, 2, 5, 10].map(m => m * power).find(s => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const v = Number((i * step).toPrecision(12));
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

function tickText(v: number): string {
  return String(Number(v.toPrecision(12)));
}

/** The legend under the plot, wrapped to the width and centred line by line; returns its entries and height. */
function legendLayout(c: ChartView, width: number, bottom: number, hidden: ReadonlySet<number>, measure: Measure) {
  if (c.series.length < 2) return { entries: [] as LegendEntry[], height: 0 };
  const items = c.series.map((s, i) => ({ series: i, text: s.name, w: LEGEND_BOX + 6 + measure(s.name) }));
  const lines: Array<typeof items> = [[]];
  let used = 0;
  for (const it of items) {
    const line = lines[lines.length - 1];
    if (line.length && used + it.w > width - 2 * PAD) {
      lines.push([it]);
      used = it.w + 12;
    } else {
      line.push(it);
      used += it.w + 12;
    }
  }
  const height = lines.length * LINE + PAD;
  const entries: LegendEntry[] = [];
  lines.forEach((line, n) => {
    const total = line.reduce((sum, it) => sum + it.w, 0) + 12 * (line.length - 1);
    let x = Math.max(PAD, (width - total) / 2);
    for (const it of line) {
      entries.push({ x, y: bottom - height + PAD + n * LINE, series: it.series, text: it.text, hidden: hidden.has(it.series) });
      x += it.w + 12;
    }
  });
  return { entries, height };
}

/** Every other, every third… category label, so that labels along the x axis never overlap. */
function labelStep(labels: string[], band: number, measure: Measure): number {
  const widest = Math.max(0, ...labels.map(measure)) + 8;
  return Math.max(1, Math.ceil(widest / Math.max(1, band)));
}

function barLayout(c: ChartView, width: number, height: number, hidden: ReadonlySet<number>, measure: Measure): ChartLayout {
  const horizontal = c.kind === 'hbar';
  const n = Math.max(1, c.labels.length);
  const shown = c.series.map((_, i) => !hidden.has(i));
  const totals = c.labels.map((_, i) => c.series.reduce((sum, s, k) => sum + (shown[k] ? Math.max(0, s.values[i] ?? 0) : 0), 0));
  const legend = legendLayout(c, width, height, hidden, measure);
  // The top tick's label sits on the plot's top edge: half a line above it keeps it inside a saved image.
  const top = PAD + FONT_SIZE / 2;
  const plotHeight = Math.max(10, height - legend.height - top - LINE - PAD);
  // About one value tick per 22 px up the plot (70 px across it for horizontal bars), as Chart.js spaced them.
  const count = Math.max(2, Math.floor(horizontal ? (width * 0.6) / 70 : plotHeight / 22));
  const values = niceTicks(Math.max(0, ...totals), c.unit === 'count', count);
  const max = values[values.length - 1];
  const valueLabels = values.map(tickText);
  const left = horizontal ? Math.min(width * 0.4, Math.max(0, ...c.labels.map(measure)) + 2 * PAD) : Math.max(0, ...valueLabels.map(measure)) + 2 * PAD;
  const right = horizontal ? measure(valueLabels[valueLabels.length - 1]) / 2 : 0;
  const plot = { x: left, y: top, w: Math.max(10, width - left - PAD - right), h: plotHeight };
  const band = (horizontal ? plot.h : plot.w) / n;
  const thick = Math.min(MAX_BAR, band * 0.72);
  const scale = (v: number) => (v / max) * (horizontal ? plot.w : plot.h);
  const marks: Mark[] = [];
  for (let i = 0; i < c.labels.length; i++) {
    let base = 0;
    c.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      if (!shown[k] || v <= 0) return;
      const from = scale(base);
      const len = scale(base + v) - from;
      base += v;
      const mid = (horizontal ? plot.y : plot.x) + band * (i + 0.5);
      const tooltip = `${c.labels[i]}\n${s.name}: ${formatValue(c.unit, v)}`;
      marks.push(
        horizontal
          ? { x: plot.x + from, y: mid - thick / 2, w: len, h: thick, series: k, index: i, value: v, level: 1, tooltip }
          : { x: mid - thick / 2, y: plot.y + plot.h - from - len, w: thick, h: len, series: k, index: i, value: v, level: 1, tooltip },
      );
    });
  }
  const ticks: Tick[] = [];
  const grid: ChartLayout['grid'] = [];
  values.forEach((v, j) => {
    const at = scale(v);
    if (horizontal) {
      ticks.push({ x: plot.x + at, y: plot.y + plot.h + LINE - 4, text: valueLabels[j], anchor: 'middle' });
      grid.push([plot.x + at, plot.y, plot.x + at, plot.y + plot.h]);
    } else {
      ticks.push({ x: plot.x - PAD, y: plot.y + plot.h - at + FONT_SIZE / 3, text: valueLabels[j], anchor: 'end' });
      grid.push([plot.x, plot.y + plot.h - at, plot.x + plot.w, plot.y + plot.h - at]);
    }
  });
  const step = horizontal ? 1 : labelStep(c.labels, band, measure);
  c.labels.forEach((label, i) => {
    if (i % step) return;
    const mid = band * (i + 0.5);
    ticks.push(
      horizontal
        ? { x: plot.x - PAD, y: plot.y + mid + FONT_SIZE / 3, text: label, anchor: 'end' }
        : { x: plot.x + mid, y: plot.y + plot.h + LINE - 4, text: label, anchor: 'middle' },
    );
  });
  return { width, height, plot, marks, ticks, grid, legend: legend.entries };
}

function heatLayout(c: ChartView, width: number, height: number, measure: Measure): ChartLayout {
  const heat = c.heat ?? { rows: [], cols: [], values: [], percent: false, color: '' };
  const left = Math.max(0, ...heat.rows.map(measure)) + 2 * PAD;
  const plot = { x: left, y: PAD, w: Math.max(10, width - left - PAD), h: Math.max(10, height - PAD - LINE - PAD) };
  const cw = plot.w / Math.max(1, heat.cols.length);
  const ch = plot.h / Math.max(1, heat.rows.length);
  const max = Math.max(1, ...heat.values.flat().map(v => v ?? 0));
  const marks: Mark[] = [];
  heat.values.forEach((row, r) =>
    row.forEach((v, col) => {
      const level = v === null || v === 0 ? 0 : 0.15 + 0.85 * (heat.percent ? v : v / max);
      const tooltip = `${heat.rows[r]} ${heat.cols[col]}:00 — ${v === null ? '—' : formatValue(c.unit, v)}`;
      marks.push({
        x: plot.x + col * cw + 1,
        y: plot.y + r * ch + 1,
        w: cw - 2,
        h: ch - 2,
        series: 0,
        index: r * heat.cols.length + col,
        value: v,
        level,
        row: r,
        col,
        tooltip,
      });
    }),
  );
  const ticks: Tick[] = heat.rows.map((text, r) => ({ x: plot.x - PAD, y: plot.y + ch * (r + 0.5) + FONT_SIZE / 3, text, anchor: 'end' as const }));
  const step = labelStep(heat.cols, cw, measure);
  heat.cols.forEach((text, col) => {
    if (col % step === 0) ticks.push({ x: plot.x + cw * (col + 0.5), y: plot.y + plot.h + LINE - 4, text, anchor: 'middle' });
  });
  return { width, height, plot, marks, ticks, grid: [], legend: [] };
}

/** The chart laid out in `width` × `height` pixels, without the series in `hidden` (legend entries switched off). */
export function layoutChart(c: ChartView, width: number, height: number, hidden: ReadonlySet<number>, measure: Measure): ChartLayout {
  return c.kind === 'heat' ? heatLayout(c, width, height, measure) : barLayout(c, width, height, hidden, measure);
}
