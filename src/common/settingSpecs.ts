// Every `exotel.*` setting with its type, default and bounds: the one table the code reads them through.
// package.json declares the same (test/unit/settings.test.ts compares the two). Editor-free, so that test runs in Node.

type SettingType = 'string' | 'number' | 'boolean' | 'array';

export interface SettingSpec<T> {
  type: SettingType;
  default: T;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  /** A change rebuilds the API client (the session reconnects). */
  reconnects?: boolean;
}

const text = (d: string, extra: Partial<SettingSpec<string>> = {}): SettingSpec<string> => ({ type: 'string', default: d, ...extra });
const num = (d: number, minimum: number, maximum?: number, extra: Partial<SettingSpec<number>> = {}): SettingSpec<number> => ({
  type: 'number',
  default: d,
  minimum,
  maximum,
  ...extra,
});
const bool = (d: boolean): SettingSpec<boolean> => ({ type: 'boolean', default: d });
/** Lists of strings; their readers check each entry. */
const list = (): SettingSpec<unknown> => ({ type: 'array', default: [] });
const choice = <T extends string>(d: T, choices: readonly T[]): SettingSpec<T> => ({ type: 'string', default: d, enum: choices });

import { CALLBACK_RETRY_SCHEDULE_NAMES, DEFAULT_CALLBACK_RETRIES } from '../sandbox/callbackRetries';

export const HOVER_LOOKUP_MODES = ['ask', 'auto', 'onClick', 'off'] as const;

export const SETTINGS = {
  apiBaseUrl: text('', { reconnects: true }),
  rateLimitPerMinute: num(200, 1, 10000, { reconnects: true }),
  requestTimeoutSeconds: num(30, 1, 300, { reconnects: true }),
  'sandbox.statusCallbackUrl': text(''),
  'sandbox.signedRecordingUrls': bool(true),
  'sandbox.callbackRetries': choice(DEFAULT_CALLBACK_RETRIES, CALLBACK_RETRY_SCHEDULE_NAMES),
  'sandbox.bulkListingIgnoresDetails': bool(false),
  'callLog.pageSize': num(50, 1, 100),
  'callLog.autoRefreshSeconds': num(0, 0),
  accountUtcOffset: text('+05:30'),
  defaultCallerId: text(''),
  confirmBeforeCalling: bool(false),
  'hover.enabled': bool(true),
  'hover.include': list(),
  'hover.exclude': list(),
  'hover.lookup': choice('ask', HOVER_LOOKUP_MODES),
  'numbers.cacheDays': num(7, 0, 90),
  'numbers.dndCacheHours': num(24, 0, 720),
  'tools.allowCallsOnRealAccounts': bool(false),
  'privacy.maskNumbers': bool(false),
  'flows.appletTimeoutMs': num(5000, 100, 120000),
  'flows.maxApplets': num(100, 1, 10000),
  'flows.openRunPanel': bool(true),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K] extends SettingSpec<infer T> ? T : never;

/** The settings whose change rebuilds the client. */
export const RECONNECT_SETTINGS = (Object.keys(SETTINGS) as SettingKey[]).filter(k => (SETTINGS[k] as SettingSpec<unknown>).reconnects);

/**
 * A value as the code may use it: VS Code does not enforce a schema on settings.json, so a value of the wrong
 * type is the default, a number is kept within its bounds, and an unknown choice is the default.
 */
export function checkedSetting<K extends SettingKey>(key: K, value: unknown): SettingValue<K> {
  const spec = SETTINGS[key] as SettingSpec<unknown>;
  const fallback = spec.default as SettingValue<K>;
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
      return Math.min(spec.maximum ?? Infinity, Math.max(spec.minimum ?? -Infinity, value)) as SettingValue<K>;
    case 'string':
      if (typeof value !== 'string') return fallback;
      return (spec.enum && !spec.enum.includes(value) ? fallback : value) as SettingValue<K>;
    case 'boolean':
      return (typeof value === 'boolean' ? value : fallback) as SettingValue<K>;
    default:
      return (Array.isArray(value) ? value : fallback) as SettingValue<K>;
  }
}
