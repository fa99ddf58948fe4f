import * as vscode from 'vscode';
import { e164Of, parsePhone } from '../../phone';
import { Profile } from '../../session/profile';
import { t } from '../../common/callText/translate';

const RECENT_KEY = 'exotel.recentNumbers';
const RECENT_MAX = 10;

/** Numbers used in recent calls, newest first (not secret; kept in global state). */
export function recentNumbers(state: vscode.Memento): string[] {
  return state.get<string[]>(RECENT_KEY, []);
}

/** Kept in E.164, so that 09876543210 (as Exotel writes it) and +919876543210 are one entry. */
export async function rememberNumbers(state: vscode.Memento, numbers: string[]): Promise<void> {
  const next = [...new Set([...numbers, ...recentNumbers(state)].map(n => e164Of(n) ?? n))].slice(0, RECENT_MAX);
  await state.update(RECENT_KEY, next);
}

/** A number offered below the input box, with why it is offered. */
export interface NumberOffer {
  e164: string;
  description: string;
  icon?: string;
}

const CALLER_IDS_KEY = 'exotel.usedCallerIds';

/**
 * The CallerIds worth offering for a profile: Exotel refuses any number that is not one of the account's ExoPhones.
 * The ExoPhones the account is known to have (the sandbox says), the default CallerId, and the ones used before.
 */
export function knownCallerIds(profile: Profile, state: vscode.Memento, defaultSetting: string | undefined): NumberOffer[] {
  const used = state.get<Record<string, string[]>>(CALLER_IDS_KEY, {})[profile.id] ?? [];
  const offers: NumberOffer[] = [
    ...(profile.exoPhones ?? []).map(n => ({ e164: n, description: t('an ExoPhone of this account'), icon: 'device-mobile' })),
    ...[profile.defaultCallerId, defaultSetting].map(n => ({ e164: n ?? '', description: t('the default CallerId'), icon: 'star-empty' })),
    ...used.map(n => ({ e164: n, description: t('used before'), icon: 'history' })),
  ];
  const seen = new Set<string>();
  return offers.flatMap(o => {
    const e164 = e164Of(o.e164);
    if (!e164 || seen.has(e164)) return [];
    seen.add(e164);
    return [{ ...o, e164 }];
  });
}

/** Remembers a CallerId Exotel accepted, for this profile only. */
export async function rememberCallerId(state: vscode.Memento, profileId: string, callerId: string): Promise<void> {
  const e164 = e164Of(callerId);
  if (!e164) return;
  const all = state.get<Record<string, string[]>>(CALLER_IDS_KEY, {});
  const mine = [e164, ...(all[profileId] ?? []).filter(n => n !== e164)].slice(0, RECENT_MAX);
  await state.update(CALLER_IDS_KEY, { ...all, [profileId]: mine });
}

interface NumberItem extends vscode.QuickPickItem {
  e164?: string;
  /** On the first row: the text it was made from. */
  typed?: string;
}

/**
 * Asks for a phone number: what is typed is checked and normalised as it is typed, with the reason shown
 * when Exotel could not dial it; recent numbers are offered below. Resolves to E.164, or undefined on Escape.
 */
export function pickNumber(title: string, placeholder: string, recent: ReadonlyArray<string | NumberOffer>, initial = ''): Promise<string | undefined> {
  return new Promise(resolve => {
    const qp = vscode.window.createQuickPick<NumberItem>();
    qp.title = title;
    qp.placeholder = placeholder;
    qp.ignoreFocusOut = true;
    qp.value = initial;
    const recentItems: NumberItem[] = recent.map(n =>
      typeof n === 'string'
        ? { label: `$(history) ${n}`, description: t('recent'), e164: n }
        : { label: `$(${n.icon ?? 'history'}) ${n.e164}`, description: n.description, e164: n.e164 },
    );
    const update = () => {
      const typed = qp.value.trim();
      if (!typed) {
        qp.items = recentItems;
        return;
      }
      const parsed = parsePhone(typed);
      const head: NumberItem = parsed.ok
        ? {
            label: `$(check) ${parsed.number.e164}`,
            description: `${parsed.number.international} · ${parsed.number.kind}`,
            e164: parsed.number.e164,
            alwaysShow: true,
            typed,
          }
        : { label: `$(error) ${typed}`, detail: parsed.reason, alwaysShow: true, typed };
      qp.items = [head, ...recentItems.filter(i => i.e164?.includes(typed.replace(/\D/g, '')))];
    };
    qp.onDidChangeValue(update);
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      // A recent number picked with the arrows wins; otherwise what is typed decides (Enter right
      // after a paste can beat the row update, so the row may still describe older text).
      const typed = qp.value.trim() ? parsePhone(qp.value) : undefined;
      const e164 = picked?.e164 && picked.typed === undefined ? picked.e164 : typed?.ok ? typed.number.e164 : undefined;
      if (!e164) return; // an invalid number stays in the box with its reason
      resolve(e164);
      qp.dispose();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    update();
    qp.show();
  });
}
