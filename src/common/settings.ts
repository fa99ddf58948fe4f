import * as vscode from 'vscode';
import { IST_OFFSET_MINUTES } from '../exotel';

/** Reads one `exotel.*` setting. */
export function setting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration('exotel').get<T>(key, fallback);
}

/** The account's zone from `exotel.accountUtcOffset` ("+05:30"), in minutes east of UTC; IST when unset or invalid. */
export function accountOffsetMinutes(): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(setting<string>('accountUtcOffset', '+05:30').trim());
  if (!m) return IST_OFFSET_MINUTES;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
