import * as vscode from 'vscode';
import { IST_OFFSET_MINUTES } from '../exotel';
import { checkedSetting, SettingKey, SettingValue } from './settingSpecs';

/** Reads one `exotel.*` setting, with the type, default and bounds of src/common/settingSpecs.ts. */
export function setting<K extends SettingKey>(key: K): SettingValue<K> {
  return checkedSetting(key, vscode.workspace.getConfiguration('exotel').get(key));
}

/** True when a configuration change touches any of these settings (or, for a prefix such as 'hover', any below it). */
export function affects(e: vscode.ConfigurationChangeEvent, ...keys: Array<SettingKey | 'hover' | 'callLog' | 'numbers'>): boolean {
  return keys.some(k => e.affectsConfiguration(`exotel.${k}`));
}

/** The account's zone from `exotel.accountUtcOffset` ("+05:30"), in minutes east of UTC; IST when unset or invalid. */
export function accountOffsetMinutes(): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(setting('accountUtcOffset').trim());
  if (!m) return IST_OFFSET_MINUTES;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
