// What a number's metadata means, in words, for the hover and the panel. Editor-free: words go through the one
// translator (vscode.l10n.t in the extension, `plain` in unit tests).
import type { NumberMetadata } from '../../exotel';
import type { PhoneNumberInfo } from '../../phone';

import { t } from '../../common/callText/translate';

export { dndMeaning, dndState } from '../../common/callText/dndText';
export type { DndState } from '../../common/callText/dndText';
import { dndState } from '../../common/callText/dndText';

/** A codicon per DND state: a warning where Exotel will refuse calls. */
export function dndIcon(dnd: string | undefined): string {
  switch (dndState(dnd)) {
    case 'Yes':
      return 'warning';
    case 'No':
      return 'pass';
    default:
      return 'question';
  }
}

export function kindLabel(n: Pick<PhoneNumberInfo, 'isIndian' | 'kind' | 'country'>): string {
  const where = n.isIndian ? t('Indian') : n.country ? n.country : t('international');
  switch (n.kind) {
    case 'mobile':
      return t('{0} mobile number', where);
    case 'landline':
      return t('{0} landline number', where);
    case 'tollfree':
      return t('{0} toll-free number', where);
    default:
      return t('{0} phone number', where);
  }
}

/** "MH · Maharashtra Telecom Circle", or whichever half Exotel sent. */
function circleText(m: NumberMetadata): string | undefined {
  return joinParts(m.circle, m.circleName);
}

function operatorText(m: NumberMetadata): string | undefined {
  return joinParts(m.operator, m.operatorName);
}

function joinParts(code: string | undefined, name: string | undefined): string | undefined {
  const parts = [code, name].map(s => s?.trim()).filter((s): s is string => Boolean(s));
  return parts.length ? parts.join(' · ') : undefined;
}

/** Label/value rows of circle, operator and type; empty values are left out. */
export function metadataRows(m: NumberMetadata): Array<{ label: string; value: string }> {
  const rows: Array<[string, string | undefined]> = [
    [t('Circle'), circleText(m)],
    [t('Operator'), operatorText(m)],
    [t('Type'), m.type?.trim() || undefined],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined).map(([label, value]) => ({ label, value }));
}

/** "3 h ago", "2 days ago": how old a cached answer is. */
export function ageText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t('just now');
  if (minutes < 60) return t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('{0} h ago', hours);
  return t('{0} days ago', Math.floor(hours / 24));
}
