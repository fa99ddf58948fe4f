// The Call Stats panel's view model: figures as text, charts as plain series with theme colour names.
// Editor-free (the translator is injected at activation), so it is unit-tested in Node.
import { CallStats, headlineItems, headlineNotes, NOT_COVERED, Outcome, OUTCOMES, UNKNOWN } from '../../stats';
import { directionLabel, displayNumber, formatSeconds } from '../../common/callText/callFormat';
import { t } from '../../common/callText/translate';
import type { ChartView, StatsView } from '../../webview-ui/protocol';

export const OUTCOME_COLORS: Record<Outcome, string> = {
  answered: '--vscode-charts-green',
  missed: '--vscode-charts-purple',
  attempt: '--vscode-charts-yellow',
  busy: '--vscode-charts-orange',
  // Blue, not yellow: the themes' yellow and orange are too close to tell busy from no answer.
  'no-answer': '--vscode-charts-blue',
  failed: '--vscode-charts-red',
  canceled: '--vscode-charts-lines',
  unknown: '--vscode-disabledForeground',
  other: '--vscode-descriptionForeground',
};

export function outcomeLabel(o: Outcome): string {
  switch (o) {
    case 'answered':
      return t('Answered');
    case 'missed':
      return t('Missed (incoming)');
    case 'attempt':
      return t('Call attempt (incoming, never reached an agent)');
    case 'unknown':
      return t('Outcome unknown (no legs listed)');
    case 'busy':
      return t('Busy');
    case 'no-answer':
      return t('No answer');
    case 'failed':
      return t('Failed');
    case 'canceled':
      return t('Canceled');
    case 'other':
      return t('Other');
  }
}

const WEEKDAYS = () => [t('Mon'), t('Tue'), t('Wed'), t('Thu'), t('Fri'), t('Sat'), t('Sun')];
const money = (v: number) => v.toFixed(2);
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

/** How a bucket key reads: ExoPhones as numbers, directions in words, the unknown buckets explained. */
export function bucketLabel(chart: string, key: string): string {
  if (key === UNKNOWN) return chart === 'circle' || chart === 'operator' ? t('Not looked up') : t('Unknown');
  if (key === NOT_COVERED) return t('Not an Indian mobile or landline');
  if (chart === 'exophone') return displayNumber(key);
  if (chart === 'direction') return directionLabel(key);
  return key;
}

export interface StatsViewInput {
  stats: CallStats;
  range: StatsView['range'];
  applyFilter: boolean;
  filterText?: string;
  /** e.g. "fetched 12:03 · 3 windows" */
  subtitle: string;
  lookup?: StatsView['lookup'];
  notes?: string[];
}

export function statsView(input: StatsViewInput): StatsView {
  const s = input.stats;
  const h = s.headline;
  const headline = headlineItems(h);
  const notes = [...(input.notes ?? []), ...headlineNotes(h)];
  return {
    range: input.range,
    applyFilter: input.applyFilter,
    filterText: input.filterText,
    subtitle: input.subtitle,
    headline,
    charts: charts(s),
    lookup: input.lookup,
    notes,
    calls: h.calls,
    text: {
      title: t('Call Stats'),
      range: t('Range'),
      today: t('Today'),
      last7: t('7 days'),
      last30: t('30 days'),
      last90: t('90 days'),
      custom: t('Custom'),
      from: t('From'),
      to: t('To'),
      apply: t('Apply'),
      applyFilter: t("Apply the Calls view's filter"),
      refresh: t('Refresh'),
      exportCsv: t('Export Figures (CSV)'),
      saveImage: t('Save as Image'),
      showTable: t('Table'),
      showChart: t('Chart'),
      clickHint: t('Click a bar or cell (or a table row) to show those calls in the Calls view.'),
      noCalls: t('No calls in this range.'),
      lookUp: t('Look up'),
    },
  };
}

function charts(s: CallStats): ChartView[] {
  const days = s.perDay.map(d => d.day);
  const shownOutcomes = OUTCOMES.filter(o => s.perDay.some(d => d.outcomes[o] > 0) || o === 'answered');
  const perDay: ChartView = {
    id: 'perDay',
    title: t('Calls per day by outcome'),
    kind: 'bar',
    labels: days.map(d => d.slice(5)),
    keys: days,
    unit: 'count',
    series: shownOutcomes.map(o => ({ name: outcomeLabel(o), key: o, color: OUTCOME_COLORS[o], values: s.perDay.map(d => d.outcomes[o]) })),
    table: {
      head: [t('Day'), ...shownOutcomes.map(outcomeLabel), t('Calls')],
      rows: s.perDay.map(d => [d.day, ...shownOutcomes.map(o => String(d.outcomes[o])), String(OUTCOMES.reduce((n, o) => n + d.outcomes[o], 0))]),
    },
  };
  const weekdays = WEEKDAYS();
  const hours = Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0'));
  const rate = s.heatmap.calls.map((row, wd) => row.map((n, hr) => (n ? s.heatmap.answered[wd][hr] / n : null)));
  const heatTable = (values: Array<Array<number | null>>, fmt: (v: number | null) => string) => ({
    head: [t('Weekday'), ...hours],
    rows: values.map((row, wd) => [weekdays[wd], ...row.map(fmt)]),
  });
  const heatKeys = { labels: [], keys: [], series: [] };
  const callsHeat: ChartView = {
    id: 'heatmap',
    title: t('Calls by hour and weekday (account time zone)'),
    kind: 'heat',
    ...heatKeys,
    unit: 'count',
    heat: { rows: weekdays, cols: hours, values: s.heatmap.calls, percent: false, color: '--vscode-charts-blue' },
    table: heatTable(s.heatmap.calls, v => String(v ?? 0)),
  };
  const rateHeat: ChartView = {
    id: 'answerRate',
    title: t('Answer rate by hour and weekday'),
    kind: 'heat',
    ...heatKeys,
    unit: 'percent',
    heat: { rows: weekdays, cols: hours, values: rate, percent: true, color: '--vscode-charts-green' },
    table: heatTable(rate, v => (v === null ? '—' : percent(v))),
  };
  const binLabel = (min: number, max?: number) => (max === undefined ? `≥ ${formatSeconds(min)}` : `${formatSeconds(min)} – ${formatSeconds(max)}`);
  const talk: ChartView = {
    id: 'talkTime',
    title: t('Talk time of answered calls'),
    kind: 'bar',
    unit: 'count',
    labels: s.talkTime.map(b => binLabel(b.min, b.max)),
    keys: s.talkTime.map((_, i) => String(i)),
    series: [{ name: t('Calls'), color: '--vscode-charts-blue', values: s.talkTime.map(b => b.calls) }],
    table: { head: [t('Talk time'), t('Calls')], rows: s.talkTime.map(b => [binLabel(b.min, b.max), String(b.calls)]) },
    note: s.headline.talkPending ? t('{0} answered calls have no talk time yet (Exotel fills it minutes after the call).', s.headline.talkPending) : undefined,
  };
  const spend: ChartView = {
    id: 'spendPerDay',
    title: t('Spend per day'),
    kind: 'bar',
    labels: days.map(d => d.slice(5)),
    keys: days,
    unit: 'money',
    series: [{ name: t('Spend'), color: '--vscode-charts-orange', values: s.perDay.map(d => d.spend) }],
    table: { head: [t('Day'), t('Spend')], rows: s.perDay.map(d => [d.day, money(d.spend)]) },
    note:
      s.headline.pricePending + s.headline.priceMissing
        ? t('{0} calls have no price yet and are not in these sums.', s.headline.pricePending + s.headline.priceMissing)
        : undefined,
  };
  const breakdown = (id: string, title: string, list: CallStats['byExoPhone'], note?: string): ChartView => ({
    id,
    title,
    kind: 'hbar',
    unit: 'count',
    labels: list.map(b => bucketLabel(id, b.key)),
    keys: list.map(b => b.key),
    series: [
      { name: t('Answered'), key: 'answered', color: OUTCOME_COLORS.answered, values: list.map(b => b.answered) },
      { name: t('Not answered'), key: 'notAnswered', color: '--vscode-charts-red', values: list.map(b => b.calls - b.answered) },
    ],
    table: {
      head: [title, t('Calls'), t('Answered'), t('Answer rate'), t('Spend')],
      rows: list.map(b => [bucketLabel(id, b.key), String(b.calls), String(b.answered), percent(b.calls ? b.answered / b.calls : null), money(b.spend)]),
    },
    note,
  });
  const unknown = s.unknownNumbers.length;
  const unknownNote = unknown ? t('{0} customer numbers are not in the number cache yet, so their calls count as "Not looked up".', unknown) : undefined;
  return [
    perDay,
    callsHeat,
    rateHeat,
    talk,
    spend,
    breakdown('exophone', t('ExoPhone'), s.byExoPhone),
    breakdown('direction', t('Direction'), s.byDirection),
    breakdown('circle', t('Telecom circle'), s.byCircle, unknownNote),
    breakdown('operator', t('Operator'), s.byOperator, unknownNote),
  ];
}

/** "Look up N numbers (about N requests, M minutes at the rate limit)", or why it cannot. */
export function lookupAction(unknown: number, mode: string, perMinute: number): StatsView['lookup'] {
  if (!unknown) return undefined;
  if (mode === 'off') {
    return {
      label: t('Look up {0} numbers', unknown),
      enabled: false,
      note: t('Number lookup is off (setting exotel.hover.lookup): no number is sent to Exotel.'),
    };
  }
  const minutes = Math.max(1, Math.ceil(unknown / Math.max(1, perMinute)));
  return {
    label: unknown === 1 ? t('Look up 1 number (1 request)') : t('Look up {0} numbers (about {0} requests, {1} min at the rate limit)', unknown, minutes),
    enabled: true,
  };
}
