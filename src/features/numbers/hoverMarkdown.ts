// The hover's Markdown, built as a string without the editor so that its escaping is unit-tested in Node.
// Every value that is not a fixed part of the layout goes through escapeMarkdown: API text, numbers, even
// translations. Theme icons and command links are added only here, from fixed ids.
import { canLookUp, type NumberMetadata } from '../../exotel';
import type { PhoneNumberInfo } from '../../phone';
import { ageText, dndIcon, dndMeaning, dndState, kindLabel, metadataRows } from './numberText';
import { t } from '../../common/callText/translate';
import { escapeMarkdown } from '../../common/markdown';
import { shownNumber } from '../../common/privacy';
import { COMMANDS } from '../../common/commandIds';

export { escapeMarkdown };

/** The only commands a hover may run; the hover's MarkdownString trusts exactly these. */
export const HOVER_COMMANDS = [COMMANDS.connectCall, COMMANDS.lookUpNumber, COMMANDS.numbersCopy, COMMANDS.numbersLookUpInHover] as const;
type HoverCommand = (typeof HOVER_COMMANDS)[number];

/** Where the hover was, so that "Look up with Exotel" can show the hover again at the same number. */
export interface LookUpInHoverArgs {
  number: string;
  uri?: string;
  line?: number;
  character?: number;
}

export interface HoverModel {
  number: PhoneNumberInfo;
  meta?: NumberMetadata;
  /** Milliseconds since Exotel answered. */
  age?: number;
  /** The DND flag is older than exotel.numbers.dndCacheHours. */
  dndStale?: boolean;
  /** Why there is no fresh metadata (a failed request), as one short sentence. */
  problem?: string;
  /** Offer the one-number lookup link (signed out, or lookups on click/off). */
  lookup?: LookUpInHoverArgs;
}

/** A `command:` URI with JSON arguments, encoded so no character can end the link early. */
export function commandUri(id: HoverCommand, args: unknown[]): string {
  return `command:${id}?${encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function link(icon: string, label: string, id: HoverCommand, args: unknown[]): string {
  return `[$(${icon}) ${escapeMarkdown(label)}](${commandUri(id, args)})`;
}

export function hoverMarkdown(m: HoverModel): string {
  const n = m.number;
  const e = escapeMarkdown;
  const blocks: string[] = [
    `$(device-mobile) **${e(shownNumber(n.international))}** — ${e(kindLabel(n))}`,
    `${e(t('E.164'))}: ${e(shownNumber(n.e164))} · ${e(t('National'))}: ${e(shownNumber(n.national))}`,
  ];
  if (m.meta) {
    const rows = metadataRows(m.meta);
    if (rows.length) blocks.push(rows.map(r => `${e(r.label)}: ${e(r.value)}`).join('  \n'));
    const dnd = m.meta.dnd?.trim() || dndState(undefined);
    const stale = m.dndStale ? ` ${e(t('(checked {0}; it may have changed)', ageText(m.age ?? 0)))}` : '';
    blocks.push(`$(${dndIcon(m.meta.dnd)}) **${e(t('DND'))}: ${e(dnd)}**${stale} — ${e(dndMeaning(m.meta.dnd))}`);
  }
  if (m.problem) blocks.push(`$(error) ${e(m.problem)}`);
  if (!canLookUp(n)) {
    blocks.push(`_${e(t("Exotel's number metadata covers Indian mobile and landline numbers only."))}_`);
  } else if (m.lookup) {
    const why = m.meta ? t('Look up again with Exotel') : t('Look up with Exotel');
    blocks.push(
      `${link('search', why, COMMANDS.numbersLookUpInHover, [m.lookup])} — ${e(t("sends this one number to Exotel's Number Metadata API for circle, operator and DND."))}`,
    );
  } else if (m.meta && m.age !== undefined) {
    blocks.push(`_${e(t("From Exotel's Number Metadata API, {0}.", ageText(m.age)))}_`);
  }
  blocks.push(
    [
      link('call-outgoing', t('Call this number'), COMMANDS.connectCall, [{ to: n.e164 }]),
      // Until lookups are allowed, say that the panel sends the number to Exotel.
      link('info', m.lookup && canLookUp(n) ? t('Open number details (asks Exotel)') : t('Open number details'), COMMANDS.lookUpNumber, [n.e164]),
      link('copy', t('Copy E.164'), COMMANDS.numbersCopy, [n.e164]),
    ].join(' · '),
  );
  return blocks.join('\n\n');
}
