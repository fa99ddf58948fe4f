import * as vscode from 'vscode';
import { parsePhone } from '../../phone';
import { t } from '../../common/callText/translate';

const RECENT_KEY = 'exotel.recentNumbers';
const RECENT_MAX = 10;

/** Numbers used in recent calls, newest first (not secret; kept in global state). */
export function recentNumbers(state: vscode.Memento): string[] {
  return state.get<string[]>(RECENT_KEY, []);
}

export async function rememberNumbers(state: vscode.Memento, numbers: string[]): Promise<void> {
  const next = [...new Set([...numbers, ...recentNumbers(state)])].slice(0, RECENT_MAX);
  await state.update(RECENT_KEY, next);
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
export function pickNumber(title: string, placeholder: string, recent: string[], initial = ''): Promise<string | undefined> {
  return new Promise(resolve => {
    const qp = vscode.window.createQuickPick<NumberItem>();
    qp.title = title;
    qp.placeholder = placeholder;
    qp.ignoreFocusOut = true;
    qp.value = initial;
    const recentItems: NumberItem[] = recent.map(n => ({ label: `$(history) ${n}`, description: t('recent'), e164: n }));
    const update = () => {
      const typed = qp.value.trim();
      if (!typed) {
        qp.items = recentItems;
        return;
      }
      const parsed = parsePhone(typed);
      const head: NumberItem = parsed.ok
        ? { label: `$(check) ${parsed.number.e164}`, description: `${parsed.number.international} · ${parsed.number.kind}`, e164: parsed.number.e164, alwaysShow: true, typed }
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
