import * as vscode from 'vscode';
import { CALL_DIRECTIONS, CALL_STATUSES, CallDirection, CallStatus, NumberRange, parseExotelTime } from '../../exotel';
import { accountOffsetMinutes } from '../../common/settings';
import { parsePhone } from '../../phone';
import { CallLogFilter, DatePreset, parseRange } from './callLogFilter';
import { statusStyle } from '../../common/callText/callFormat';
import { t } from '../../common/callText/translate';

/** Filter Calls…: one quick pick per part; Escape anywhere keeps the old filter. */
export async function promptFilter(current: CallLogFilter): Promise<CallLogFilter | undefined> {
  const statusPick = await vscode.window.showQuickPick(
    CALL_STATUSES.map(s => ({
      label: `$(${statusStyle(s).icon.replace('~spin', '')}) ${statusStyle(s).label}`,
      status: s,
      picked: current.statuses?.includes(s) ?? false,
    })),
    { title: t('Filter Calls (1/6): status'), placeHolder: t('Pick statuses, or none for all'), canPickMany: true, ignoreFocusOut: true },
  );
  if (!statusPick) return undefined;
  const dirPick = await vscode.window.showQuickPick(
    [
      { label: t('Any direction'), direction: undefined as CallDirection | undefined },
      ...CALL_DIRECTIONS.map(d => ({ label: d, direction: d as CallDirection | undefined })),
    ],
    { title: t('Filter Calls (2/6): direction'), ignoreFocusOut: true },
  );
  if (!dirPick) return undefined;
  const date = await promptDate();
  if (date === null) return undefined;
  const number = await vscode.window.showInputBox({
    title: t('Filter Calls (4/6): number'),
    prompt: t('Calls to or from this number; leave empty for any'),
    value: current.number ?? '',
    ignoreFocusOut: true,
    validateInput: v => (!v.trim() || parsePhone(v).ok ? undefined : (parsePhone(v) as { reason: string }).reason),
  });
  if (number === undefined) return undefined;
  const duration = await promptRange(t('Filter Calls (5/6): duration in seconds'), t('e.g. “10-60”, “>=30”, “=45”; empty for any'), true);
  if (duration === null) return undefined;
  const price = await promptRange(t('Filter Calls (6/6): price'), t('In your billing currency, e.g. “0.5-2”, “>=1.5”; empty for any'), false);
  if (price === null) return undefined;
  const parsed = number.trim() ? parsePhone(number) : undefined;
  return {
    statuses: statusPick.length ? statusPick.map(p => p.status as CallStatus) : undefined,
    direction: dirPick.direction,
    date: date ?? undefined,
    number: parsed?.ok ? parsed.number.e164 : undefined,
    duration: duration ?? undefined,
    price: price ?? undefined,
  };
}

/** null when cancelled, undefined for "any date". */
async function promptDate(): Promise<CallLogFilter['date'] | null | undefined> {
  const presets: Array<{ label: string; preset?: DatePreset }> = [
    { label: t('Any date (last 31 days)') },
    { label: t('Today'), preset: 'today' },
    { label: t('Yesterday'), preset: 'yesterday' },
    { label: t('Last 7 days'), preset: 'last7' },
    { label: t('Last 31 days'), preset: 'last31' },
    { label: t('Custom range…'), preset: 'custom' },
  ];
  const pick = await vscode.window.showQuickPick(presets, { title: t('Filter Calls (3/6): date'), ignoreFocusOut: true });
  if (!pick) return null;
  if (pick.preset !== 'custom') return pick.preset ? { preset: pick.preset } : undefined;
  const from = await askDate(t('From date (YYYY-MM-DD)'));
  if (!from) return null;
  const to = await askDate(t('To date (YYYY-MM-DD)'));
  if (!to) return null;
  return { preset: 'custom', from, to: new Date(to.getTime() + 86_399_000) };
}

async function askDate(title: string): Promise<Date | undefined> {
  const v = await vscode.window.showInputBox({
    title,
    placeHolder: '2026-11-01',
    ignoreFocusOut: true,
    validateInput: s => (parseDay(s) ? undefined : t('Write the date as YYYY-MM-DD, e.g. 2026-11-01.')),
  });
  return v === undefined ? undefined : parseDay(v);
}

/** A calendar day at midnight in the account's zone, as an instant. */
function parseDay(s: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.trim())) return undefined;
  return parseExotelTime(`${s.trim()} 00:00:00`, accountOffsetMinutes());
}

/** Parses "10-60", ">=30", "<=90", "=45"; null when cancelled, undefined for empty. */
async function promptRange(title: string, prompt: string, integer: boolean): Promise<NumberRange | null | undefined> {
  const v = await vscode.window.showInputBox({
    title,
    prompt,
    ignoreFocusOut: true,
    validateInput: s => (s.trim() === '' || parseRange(s, integer) ? undefined : prompt),
  });
  if (v === undefined) return null;
  return v.trim() ? parseRange(v, integer) : undefined;
}
