// What each page may ask of the extension: one table per page names every action and the type of each of its
// fields. The page's post() is typed by its table; the extension checks every message against the same table
// before acting (a page's message is input, never trusted): an unknown action, a missing or mistyped field, or an
// action named like a prototype key ('constructor', '__proto__') is refused, never cast.

type Guard<T> = (v: unknown) => v is T;
type FieldKind = 'string' | 'number' | 'boolean' | Guard<unknown>;
type FieldType<K> = K extends 'string' ? string : K extends 'number' ? number : K extends 'boolean' ? boolean : K extends Guard<infer T> ? T : never;

/** A page's table: action → its fields and their kinds. */
export type MessageSpec = Readonly<Record<string, Readonly<Record<string, FieldKind>>>>;
/** The union of a table's messages, e.g. `{ action: 'copy'; text: string } | { action: 'refresh' }`. */
export type MessageOf<S extends MessageSpec> = {
  [A in keyof S & string]: { action: A } & { -readonly [F in keyof S[A]]: FieldType<S[A][F]> };
}[keyof S & string];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, kind: 'string' | 'number'): boolean => v === undefined || typeof v === kind;

/** A range as the Call Stats page picks it; the extension still checks the preset and the days. */
export interface RangeMessage {
  preset: string;
  fromDay?: string;
  toDay?: string;
}
const isRange = (v: unknown): v is RangeMessage => isRecord(v) && typeof v.preset === 'string' && optional(v.fromDay, 'string') && optional(v.toDay, 'string');

/** A clicked bar or cell; the extension still checks that the chart exists. */
export interface SelectionMessage {
  chart: string;
  day?: string;
  outcome?: string;
  bin?: number;
  weekday?: number;
  hour?: number;
  key?: string;
}
const isSelection = (v: unknown): v is SelectionMessage =>
  isRecord(v) &&
  typeof v.chart === 'string' &&
  optional(v.day, 'string') &&
  optional(v.outcome, 'string') &&
  optional(v.bin, 'number') &&
  optional(v.weekday, 'number') &&
  optional(v.hour, 'number') &&
  optional(v.key, 'string');

export const CALL_MESSAGES = {
  refresh: {},
  copySid: {},
  callAgain: {},
  openExternal: { url: 'string' },
  playRecording: {},
  downloadRecording: {},
} as const satisfies MessageSpec;

export const NUMBER_MESSAGES = {
  refresh: {},
  copyNumber: {},
  callNumber: {},
  openExternal: { url: 'string' },
  showCall: { sid: 'string' },
} as const satisfies MessageSpec;

export const CALLBACK_MESSAGES = {
  resend: {},
  editResend: {},
  copyCurl: {},
  copyFixture: {},
  openCall: {},
  showAttempt: { id: 'string' },
} as const satisfies MessageSpec;

export const STATS_MESSAGES = {
  refresh: {},
  lookUp: {},
  range: { range: isRange },
  applyFilter: { on: 'boolean' },
  select: { selection: isSelection },
  exportCsv: {},
  saveImage: { chart: 'string', dataUrl: 'string' },
  painted: { calls: 'number' },
} as const satisfies MessageSpec;

export type CallMessage = MessageOf<typeof CALL_MESSAGES>;
export type NumberMessage = MessageOf<typeof NUMBER_MESSAGES>;
export type CallbackMessage = MessageOf<typeof CALLBACK_MESSAGES>;
export type StatsMessage = MessageOf<typeof STATS_MESSAGES>;

/** Longest text a page may send in one field (a chart as a PNG data URL is the biggest). */
export const MAX_FIELD_CHARS = 30_000_000;

/**
 * The message if it is one of the table's, else why not (for the log). Only the table's own keys resolve an
 * action, and only the action's fields are kept.
 */
export function checkMessage<S extends MessageSpec>(spec: S, raw: unknown): { message: MessageOf<S> } | { refused: string } {
  if (!isRecord(raw) || typeof raw.action !== 'string') return { refused: 'not an action' };
  const action = raw.action;
  if (!Object.prototype.hasOwnProperty.call(spec, action)) return { refused: `unknown action '${action.slice(0, 40)}'` };
  const fields = spec[action];
  const message: Record<string, unknown> = { action };
  for (const [name, kind] of Object.entries(fields)) {
    const value = raw[name];
    const ok = typeof kind === 'function' ? kind(value) : typeof value === kind && (kind !== 'string' || (value as string).length <= MAX_FIELD_CHARS);
    if (!ok) return { refused: `'${action}' with a bad '${name}'` };
    message[name] = value;
  }
  return { message: message as MessageOf<S> };
}
