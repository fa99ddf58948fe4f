// The layout of Call Stats charts (what the SVG draws) in plain Node: bar heights follow the values, stacks add
// up, the legend switches a series off, the heat map has one cell per weekday × hour, labels never overlap.
import * as assert from 'assert';
import { FONT_SIZE, formatValue, layoutChart, niceTicks } from '../../../src/webview-ui/chartLayout';
import type { ChartView } from '../../../src/webview-ui/protocol';

const measure = (text: string) => text.length * 7;
const none = new Set<number>();

function bars(over: Partial<ChartView> = {}): ChartView {
  return {
    id: 'perDay',
    title: 'Calls per day by outcome',
    kind: 'bar',
    labels: ['12-01', '12-02', '12-03'],
    keys: ['2026-12-01', '2026-12-02', '2026-12-03'],
    series: [
      { name: 'Answered', key: 'answered', color: '--vscode-charts-green', values: [4, 0, 2] },
      { name: 'Busy', key: 'busy', color: '--vscode-charts-orange', values: [1, 3, 0] },
    ],
    unit: 'count',
    table: { head: [], rows: [] },
    ...over,
  };
}

describe('chart layout (SVG charts of Call Stats)', () => {
  it('picks round ticks from 0 up to at least the largest value', () => {
    assert.deepStrictEqual(niceTicks(5, true), [0, 1, 2, 3, 4, 5]);
    assert.deepStrictEqual(niceTicks(12, true), [0, 2, 4, 6, 8, 10, 12]);
    assert.deepStrictEqual(niceTicks(2, true), [0, 1, 2], 'whole calls only');
    assert.deepStrictEqual(niceTicks(0.9), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepStrictEqual(niceTicks(130), [0, 50, 100, 150]);
    assert.deepStrictEqual(niceTicks(0), [0, 1]);
    assert.strictEqual(formatValue('money', 3.5), '3.50');
    assert.strictEqual(formatValue('percent', 0.5), '50.0 %');
  });

  it('stacks the series of a day, heights in proportion, inside the plot, none for zero', () => {
    const l = layoutChart(bars(), 400, 260, none, measure);
    assert.strictEqual(l.marks.length, 4, 'one bar per non-zero value');
    const day1 = l.marks.filter(m => m.index === 0);
    assert.deepStrictEqual(
      day1.map(m => m.series),
      [0, 1],
    );
    // Answered (4) sits on the axis, Busy (1) on top of it, a quarter of its height.
    const [answered, busy] = day1;
    assert.ok(Math.abs(answered.y + answered.h - (l.plot.y + l.plot.h)) < 1e-6);
    assert.ok(Math.abs(busy.y + busy.h - answered.y) < 1e-6);
    assert.ok(Math.abs(busy.h * 4 - answered.h) < 1e-6);
    for (const m of l.marks) {
      assert.ok(m.x >= l.plot.x && m.x + m.w <= l.plot.x + l.plot.w, 'inside the plot horizontally');
      assert.ok(m.y >= l.plot.y - 1e-6 && m.y + m.h <= l.plot.y + l.plot.h + 1e-6, 'inside the plot vertically');
    }
    assert.match(busy.tooltip, /12-01\nBusy: 1/);
    for (const t of l.ticks) assert.ok(t.y - FONT_SIZE >= 0 && t.y <= l.height, `label ${t.text} inside the image`);
    // Ticks of the value axis 0…5 and the three day labels.
    assert.deepStrictEqual(
      l.ticks.filter(t => t.anchor === 'end').map(t => t.text),
      ['0', '1', '2', '3', '4', '5'],
    );
    assert.deepStrictEqual(
      l.ticks.filter(t => t.anchor === 'middle').map(t => t.text),
      ['12-01', '12-02', '12-03'],
    );
    assert.deepStrictEqual(
      l.legend.map(e => [e.text, e.hidden]),
      [
        ['Answered', false],
        ['Busy', false],
      ],
    );
  });

  it('leaves a series out when its legend entry is off, and the scale follows', () => {
    const l = layoutChart(bars(), 400, 260, new Set([0]), measure);
    assert.deepStrictEqual(
      l.marks.map(m => [m.series, m.index]),
      [
        [1, 0],
        [1, 1],
      ],
    );
    assert.strictEqual(l.legend[0].hidden, true);
    assert.strictEqual(l.ticks.filter(t => t.anchor === 'end').pop()?.text, '3');
  });

  it('has no legend for one series, and skips day labels that would overlap', () => {
    const days = Array.from({ length: 90 }, (_, i) => `d${String(i).padStart(3, '0')}`);
    const c = bars({ labels: days, keys: days, series: [{ name: 'Spend', color: '--vscode-charts-orange', values: days.map(() => 1.5) }], unit: 'money' });
    const l = layoutChart(c, 500, 260, none, measure);
    assert.strictEqual(l.legend.length, 0);
    const labels = l.ticks.filter(t => t.anchor === 'middle').sort((a, b) => a.x - b.x);
    assert.ok(labels.length > 3 && labels.length < 90);
    for (let i = 1; i < labels.length; i++) assert.ok(labels[i].x - labels[i - 1].x >= measure(labels[i].text), 'labels do not overlap');
    assert.strictEqual(l.marks[0].tooltip, 'd000\nSpend: 1.50');
  });

  it('lays horizontal bars along the value axis, one row per label', () => {
    const c = bars({ id: 'exophone', kind: 'hbar', labels: ['080 1111', '080 2222'], keys: ['a', 'b'], series: [bars().series[0]] });
    c.series[0] = { ...c.series[0], values: [2, 4] };
    const l = layoutChart(c, 400, 120, none, measure);
    const [a, b] = l.marks;
    assert.ok(Math.abs(a.x - l.plot.x) < 1e-6 && Math.abs(b.w - 2 * a.w) < 1e-6, 'lengths in proportion from the axis');
    assert.ok(b.y > a.y, 'the second label below the first');
    assert.ok(l.plot.x >= measure('080 1111'), 'room for the labels on the left');
  });

  it('draws one cell per weekday × hour, shaded by value, null and zero empty', () => {
    const values = [
      [0, 2, null],
      [4, 1, 0],
    ];
    const c: ChartView = {
      ...bars(),
      id: 'heatmap',
      kind: 'heat',
      labels: [],
      keys: [],
      series: [],
      heat: { rows: ['Mon', 'Tue'], cols: ['00', '01', '02'], values, percent: false, color: '--vscode-charts-blue' },
    };
    const l = layoutChart(c, 300, 230, none, measure);
    assert.strictEqual(l.marks.length, 6);
    const cell = (row: number, col: number) => l.marks.find(m => m.row === row && m.col === col)!;
    assert.strictEqual(cell(0, 0).level, 0);
    assert.strictEqual(cell(0, 2).level, 0);
    assert.strictEqual(cell(1, 0).level, 1);
    assert.ok(cell(0, 1).level > cell(1, 1).level && cell(1, 1).level > 0);
    assert.ok(cell(1, 0).y > cell(0, 0).y, 'Monday on top');
    assert.strictEqual(cell(0, 2).tooltip, 'Mon 02:00 — —');
    assert.deepStrictEqual(
      l.ticks.map(t => t.text),
      ['Mon', 'Tue', '00', '01', '02'],
    );
  });
});
