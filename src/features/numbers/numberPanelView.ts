// The number panel's view model: plain strings only, rendered as text by the page. Editor-free, unit-tested in Node.
import type { Call, NumberMetadata } from '../../exotel';
import type { PhoneNumberInfo } from '../../phone';
import type { FieldRow, NumberView } from '../../webview-ui/protocol';
import { directionLabel, durationText } from '../../common/callText/callFormat';
import { callStyle } from '../../common/callText/callParties';
import { ageText, canLookUp, dndIcon, dndMeaning, dndState, kindLabel, metadataRows } from './numberText';
import { t } from '../../common/callText/translate';
import { shownNumber } from '../../common/privacy';

export const RECENT_CALLS_MAX = 20;

export interface NumberPanelData {
  number: PhoneNumberInfo;
  meta?: NumberMetadata;
  /** Milliseconds since Exotel answered. */
  age?: number;
  calls: Call[];
  /** Sentences about what could not be loaded. */
  problems: string[];
}

/** Calls with the number as To and as From, one list: each call once, newest first, at most `max`. */
export function mergeRecentCalls(lists: Call[][], max = RECENT_CALLS_MAX): Call[] {
  const bySid = new Map<string, Call>();
  for (const list of lists) for (const c of list) if (!bySid.has(c.sid)) bySid.set(c.sid, c);
  // Exotel's `YYYY-MM-DD HH:mm:ss` sorts as text; a call without a date goes last.
  return [...bySid.values()].sort((a, b) => (b.dateCreated ?? '').localeCompare(a.dateCreated ?? '') || a.sid.localeCompare(b.sid)).slice(0, max);
}

export function numberView(d: NumberPanelData): NumberView {
  const n = d.number;
  const fields: FieldRow[] = [
    { label: t('E.164'), value: shownNumber(n.e164) },
    { label: t('National'), value: shownNumber(n.national) },
    { label: t('Kind'), value: kindLabel(n) },
  ];
  if (d.meta) {
    fields.push(...metadataRows(d.meta));
    if (d.meta.phoneNumber.trim()) fields.push({ label: t('Exotel writes it'), value: d.meta.phoneNumber.trim() });
    if (d.age !== undefined) fields.push({ label: t('Looked up'), value: ageText(d.age) });
  }
  const state = d.meta ? dndState(d.meta.dnd) : 'Unknown';
  const meaning = d.meta
    ? dndMeaning(d.meta.dnd)
    : canLookUp(n)
      ? t('Not looked up: Exotel did not answer.')
      : t("Exotel's number metadata covers Indian mobile and landline numbers only.");
  const problems = [...new Set(d.problems)];
  return {
    e164: n.e164,
    title: shownNumber(n.international),
    fields,
    dnd: { state, icon: dndIcon(d.meta?.dnd), meaning },
    recentCalls: d.calls.map(c => {
      const style = callStyle(c);
      return {
        sid: c.sid,
        when: c.dateCreated ?? '—',
        status: style.label,
        statusIcon: style.icon,
        direction: directionLabel(c.direction),
        duration: durationText(c),
      };
    }),
    note: problems.length ? problems.join(' ') : undefined,
    text: {
      when: t('When'),
      status: t('Status'),
      direction: t('Direction'),
      duration: t('Duration'),
      showCall: t('Show call details'),
      noCalls: t('No calls with this number in the last 31 days.'),
      dnd: t('DND'),
      callNumber: t('Call this number'),
      copyE164: t('Copy E.164'),
      refresh: t('Refresh'),
      metadata: t('Metadata'),
      recentCalls: t('Recent calls'),
    },
  };
}
