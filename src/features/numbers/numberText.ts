// What a number's metadata means, in words, for the hover and the panel. Editor-free: words go through the one
// translator (vscode.l10n.t in the extension, `plain` in unit tests).
import type { NumberMetadata } from '../../exotel';
import type { PhoneNumberInfo } from '../../phone';

import { t } from '../../common/callText/translate';

export type DndState = 'Yes' | 'No' | 'Unavailable' | 'Unknown';

/** Exotel sends Yes, No or Unavailable; anything else (or nothing) is unknown to us. */
export function dndState(dnd: string | undefined): DndState {
  return dnd === 'Yes' || dnd === 'No' || dnd === 'Unavailable' ? dnd : 'Unknown';
}

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

/** What the DND flag means for calling the number through Exotel (support articles 3000106361, 3000004699). */
export function dndMeaning(dnd: string | undefined): string {
  switch (dndState(dnd)) {
    case 'Yes':
      return t(
        'On the DND register: Exotel blocks calls to it unless the call is transactional and the number called your ExoPhone in the last 6 months, or the number is whitelisted for your account.',
      );
    case 'No':
      return t('Not on the DND register: it can be called.');
    case 'Unavailable':
      return t('Exotel does not know whether this number is on the DND register; a call to it may be blocked.');
    default:
      return t('Exotel did not say whether this number is on the DND register.');
  }
}

/** Exotel's metadata covers Indian mobile and landline numbers only; others are never sent. */
export function canLookUp(n: Pick<PhoneNumberInfo, 'isIndian' | 'kind'>): boolean {
  return n.isIndian && (n.kind === 'mobile' || n.kind === 'landline');
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
