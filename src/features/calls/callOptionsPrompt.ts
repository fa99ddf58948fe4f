import * as vscode from 'vscode';
import { showWarning } from '../../common/notify';
import { CALL_OPTIONS, callOptionHelp, CallOptionSpec, STATUS_CALLBACK_EVENTS } from '../../exotel';
import { connectCallForm } from '../../exotel/connectParams';
import { CallOptionValues } from './connectArgs';
import { t } from '../../common/callText/translate';
import { problemOf } from '../../common/problemOf';

type Field = CallOptionSpec;

const FIELDS: readonly Field[] = CALL_OPTIONS;

/** Checks options with the client's own rules, so the prompt and the request can never disagree. */
function checkOptions(options: CallOptionValues): string | undefined {
  return problemOf(() => connectCallForm({ from: '+919876543210', to: '+919876543211', callerId: '+918047112345', ...options }));
}

export function describeOptions(o: CallOptionValues): string {
  const set = FIELDS.filter(f => o[f.key] !== undefined).map(f => `${f.api}=${Array.isArray(o[f.key]) ? (o[f.key] as string[]).join('+') : String(o[f.key])}`);
  return set.length ? set.join(', ') : t('Exotel defaults');
}

/** Options…: a list of every parameter; pick one to change it; Done keeps the result. */
export async function editOptions(
  start: CallOptionValues,
  keys: ReadonlyArray<keyof CallOptionValues> = FIELDS.map(f => f.key),
): Promise<CallOptionValues | undefined> {
  let options = { ...start };
  for (;;) {
    const fields = FIELDS.filter(f => keys.includes(f.key));
    const pick = await vscode.window.showQuickPick(
      [
        { label: `$(check) ${t('Done')}`, description: describeOptions(options), field: undefined as Field | undefined },
        ...fields.map(f => ({
          label: f.api,
          description: options[f.key] === undefined ? t('not set') : String(options[f.key]),
          detail: callOptionHelp(f),
          field: f as Field | undefined,
        })),
      ],
      { title: t('Call options'), placeHolder: t('Pick a parameter to change it'), ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    if (!pick.field) {
      // Each value was checked as it was typed; here the ones that must go together (dual needs Record).
      const problem = checkOptions(options);
      if (!problem) return options;
      void showWarning(problem);
      continue;
    }
    const value = await askField(pick.field, options);
    if (value !== null) options = { ...options, [pick.field.key]: value };
  }
}

/** null when cancelled; undefined to clear the parameter. */
async function askField(f: Field, options: CallOptionValues): Promise<unknown> {
  const current = options[f.key];
  if (f.kind === 'bool' || f.kind === 'choice') {
    const values = f.kind === 'bool' ? ['true', 'false'] : (f.choices ?? []);
    const pick = await vscode.window.showQuickPick([...values, t('(not set)')], { title: f.api, placeHolder: callOptionHelp(f) });
    if (pick === undefined) return null;
    if (pick === t('(not set)')) return undefined;
    return f.kind === 'bool' ? pick === 'true' : pick;
  }
  if (f.kind === 'events') {
    const picks = await vscode.window.showQuickPick(
      STATUS_CALLBACK_EVENTS.map(e => ({ label: e, picked: (current as string[] | undefined)?.includes(e) ?? false })),
      { title: f.api, canPickMany: true, placeHolder: callOptionHelp(f) },
    );
    if (!picks) return null;
    return picks.length ? picks.map(p => p.label) : undefined;
  }
  const text = await vscode.window.showInputBox({
    title: f.api,
    prompt: `${callOptionHelp(f)}. ${t('Empty to leave it unset.')}`,
    value: current === undefined ? '' : String(current),
    ignoreFocusOut: true,
    validateInput: v => (v.trim() === '' ? undefined : checkOptions({ ...options, [f.key]: f.kind === 'int' ? Number(v) : v.trim() })),
  });
  if (text === undefined) return null;
  if (text.trim() === '') return undefined;
  return f.kind === 'int' ? Number(text) : text.trim();
}
