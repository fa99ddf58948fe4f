// The number panel's view model: plain strings only, rendered as text by the page. Editor-free, unit-tested in Node.
import { canLookUp, type Call, type NumberMetadata } from '../../exotel';
import type { PhoneNumberInfo } from '../../phone';
import type { FieldRow, NumberView } from '../../webview-ui/protocol';
import { directionLabel, durationText } from '../../common/callText/callFormat';
import { callStyle } from '../../common/callText/callParties';
import { ageText, dndIcon, dndMeaning, dndState, kindLabel, metadataRows } from './numberText';
import { t } from '../../common/callText/translate';
import { shownNumber } from '../../common/privacy';

export interface NumberPanelData {
  number: PhoneNumberInfo;
  meta?: NumberMetadata;
  /** Milliseconds since Exotel answered. */
  age?: number;
  calls: Call[];
  /** Sentences about what could not be loaded. */
  problems: string[];
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
