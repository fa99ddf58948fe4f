// The figures as CSV: one row per headline figure and per bucket of every chart, for spreadsheets.
import type { CallStats } from './callStats';
import { OUTCOMES } from './outcome';

/** A cell as text: quoted when needed, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : v;
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `label(key)` names buckets (ExoPhones, circles…) the way the panel shows them. */
export function statsToCsv(s: CallStats, label: (chart: string, key: string) => string = (_c, k) => k): string {
  const rows: Array<Array<string | number | null | undefined>> = [['section', 'item', 'calls', 'answered', 'answer rate', 'spend', 'value']];
  for (const [k, v] of Object.entries(s.headline)) rows.push(['headline', k, '', '', '', '', v]);
  for (const d of s.perDay) {
    const calls = OUTCOMES.reduce((n, o) => n + d.outcomes[o], 0);
    rows.push(['day', d.day, calls, d.outcomes.answered, calls ? d.outcomes.answered / calls : null, d.spend, '']);
    for (const o of OUTCOMES) if (d.outcomes[o]) rows.push([`day:${o}`, d.day, d.outcomes[o], '', '', '', '']);
  }
  const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  s.heatmap.calls.forEach((hours, wd) =>
    hours.forEach((n, hour) => {
      if (n)
        rows.push(['hour', `${WEEKDAYS[wd]} ${String(hour).padStart(2, '0')}:00`, n, s.heatmap.answered[wd][hour], s.heatmap.answered[wd][hour] / n, '', '']);
    }),
  );
  for (const b of s.talkTime) rows.push(['talk time', b.max === undefined ? `${b.min}s+` : `${b.min}-${b.max}s`, b.calls, b.calls, '', '', '']);
  for (const [section, list] of [
    ['exophone', s.byExoPhone],
    ['direction', s.byDirection],
    ['circle', s.byCircle],
    ['operator', s.byOperator],
  ] as const) {
    for (const b of list) rows.push([section, label(section, b.key), b.calls, b.answered, b.calls ? b.answered / b.calls : null, b.spend, '']);
  }
  return rows.map(r => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
