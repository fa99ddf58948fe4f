// What a number's DND flag means for calling it through Exotel, in words: for the hover, the number panel and the
// agent tools (the editor's and the MCP server's). Editor-free.
import { t } from './translate';

export type DndState = 'Yes' | 'No' | 'Unavailable' | 'Unknown';

/** Exotel sends Yes, No or Unavailable; anything else (or nothing) is unknown to us. */
export function dndState(dnd: string | undefined): DndState {
  return dnd === 'Yes' || dnd === 'No' || dnd === 'Unavailable' ? dnd : 'Unknown';
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
