// The one table of Calls/connect options: Exotel's name, ours, kind, limits, choices, help, and whether a connect
// to a flow takes it. connectParams (the form body), the Connect Call prompts and argument checks, the test-suite
// schema and the language-model tool schemas all derive from it; a limit or a choice is written here only.

export const STATUS_CALLBACK_EVENTS = ['terminal', 'answered'] as const;
export const CALLBACK_CONTENT_TYPES = ['multipart/form-data', 'application/json'] as const;
export const RECORDING_CHANNELS = ['single', 'dual'] as const;
export const RECORDING_FORMATS = ['mp3', 'mp3-hq'] as const;
export const CALL_TYPES = ['trans'] as const;

export type StatusCallbackEvent = (typeof STATUS_CALLBACK_EVENTS)[number];

/** Options shared by both kinds of connect. */
export interface CallOptions {
  /** `trans` (transactional) is the only type Exotel still supports. */
  callType?: (typeof CALL_TYPES)[number];
  /** Seconds the call may last, at most 14400 (4 h). */
  timeLimit?: number;
  /** Seconds each leg may ring, at most 60. */
  timeOut?: number;
  statusCallback?: string;
  statusCallbackEvents?: StatusCallbackEvent[];
  statusCallbackContentType?: (typeof CALLBACK_CONTENT_TYPES)[number];
  /** Echoed in the terminal StatusCallback; at most 128 characters. */
  customField?: string;
}

/** The options of a two-number connect: the shared ones plus wait music and recording. */
export interface ConnectCallOptions extends CallOptions {
  /** A WAV played to From while To rings. */
  waitUrl?: string;
  record?: boolean;
  recordingChannels?: (typeof RECORDING_CHANNELS)[number];
  recordingFormat?: (typeof RECORDING_FORMATS)[number];
}

export type CallOptionKey = keyof ConnectCallOptions;
export type CallOptionKind = 'int' | 'text' | 'url' | 'bool' | 'choice' | 'events';

export interface CallOptionSpec {
  /** Our name: the key in arguments, settings and test suites. */
  readonly key: CallOptionKey;
  /** Exotel's form field. */
  readonly api: string;
  readonly kind: CallOptionKind;
  readonly min?: number;
  readonly max?: number;
  /** Unit of min/max, for messages ("seconds", "characters"). */
  readonly unit?: string;
  readonly choices?: readonly string[];
  /** One line for people (prompts, schemas, tool descriptions); no limits in it: they are added from min/max. */
  readonly help: string;
  /** A connect to a flow takes it too. */
  readonly flow: boolean;
}

export const CALL_OPTIONS: readonly CallOptionSpec[] = [
  { key: 'timeLimit', api: 'TimeLimit', kind: 'int', min: 1, max: 14400, unit: 'seconds', help: 'Longest the call may last', flow: true },
  { key: 'timeOut', api: 'TimeOut', kind: 'int', min: 1, max: 60, unit: 'seconds', help: 'How long each leg may ring', flow: true },
  { key: 'callType', api: 'CallType', kind: 'choice', choices: CALL_TYPES, help: 'trans (transactional) is the only type Exotel supports', flow: true },
  { key: 'waitUrl', api: 'WaitUrl', kind: 'url', help: 'A WAV played to From while To rings', flow: false },
  { key: 'record', api: 'Record', kind: 'bool', help: 'Record the conversation', flow: false },
  { key: 'recordingChannels', api: 'RecordingChannels', kind: 'choice', choices: RECORDING_CHANNELS, help: 'single, or dual (needs Record)', flow: false },
  { key: 'recordingFormat', api: 'RecordingFormat', kind: 'choice', choices: RECORDING_FORMATS, help: 'mp3 or mp3-hq', flow: false },
  { key: 'customField', api: 'CustomField', kind: 'text', max: 128, unit: 'characters', help: 'Echoed in the terminal StatusCallback', flow: true },
  { key: 'statusCallback', api: 'StatusCallback', kind: 'url', help: 'URL Exotel POSTs call events to', flow: true },
  {
    key: 'statusCallbackEvents',
    api: 'StatusCallbackEvents',
    kind: 'events',
    choices: STATUS_CALLBACK_EVENTS,
    help: 'Events to send besides the final one: terminal and/or answered (answered comes per leg: when the agent picks up, then the customer)',
    flow: true,
  },
  {
    key: 'statusCallbackContentType',
    api: 'StatusCallbackContentType',
    kind: 'choice',
    choices: CALLBACK_CONTENT_TYPES,
    help: 'multipart/form-data (default) or application/json',
    flow: true,
  },
];

/** Looks an option up by our key; the table is small, so a scan. */
export function callOption(key: CallOptionKey): CallOptionSpec {
  const spec = CALL_OPTIONS.find(o => o.key === key);
  if (!spec) throw new Error(`unknown call option ${key}`);
  return spec;
}

/** The options a connect of this kind takes. */
export function callOptionsFor(toFlow: boolean): readonly CallOptionSpec[] {
  return toFlow ? CALL_OPTIONS.filter(o => o.flow) : CALL_OPTIONS;
}

/** The help line with its limits, e.g. "Longest the call may last, in seconds (1–14400)". */
export function callOptionHelp(o: CallOptionSpec): string {
  if (o.kind === 'int') return `${o.help}, in ${o.unit} (${o.min}–${o.max})`;
  if (o.max !== undefined) return `${o.help} (≤ ${o.max} ${o.unit})`;
  return o.help;
}

/** A JSON Schema (draft-07) of the options object: for test-suite files and language-model tools. */
export function callOptionsJsonSchema(toFlow = false): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const o of callOptionsFor(toFlow)) {
    const description = `${o.api}: ${callOptionHelp(o)}.`;
    switch (o.kind) {
      case 'int':
        properties[o.key] = { type: 'integer', minimum: o.min, maximum: o.max, description };
        break;
      case 'text':
        properties[o.key] = { type: 'string', maxLength: o.max, description };
        break;
      case 'url':
        properties[o.key] = { type: 'string', format: 'uri', pattern: '^https?://', description };
        break;
      case 'bool':
        properties[o.key] = { type: 'boolean', description };
        break;
      case 'choice':
        properties[o.key] = { type: 'string', enum: [...(o.choices ?? [])], description };
        break;
      case 'events':
        properties[o.key] = { type: 'array', items: { type: 'string', enum: [...(o.choices ?? [])] }, uniqueItems: true, description };
        break;
    }
  }
  return { type: 'object', additionalProperties: false, properties };
}
