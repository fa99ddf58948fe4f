// What `exotel.connectCall` and `exotel.connectCallToFlow` take from code (automation, links, other commands).
// Checked here, free of the editor, so that a parameter given is never silently dropped.
import { ArgCheck, bool, checkArg, expectation, httpUrl, int, listOf, oneOf, text } from '../../common/commandArgs';
import { CALL_OPTIONS, CallOptionSpec, callOptionsFor, ConnectCallParams, FlowRef, ValidationError } from '../../exotel';

/** Every optional parameter of a connect, as the Options… step edits them. */
export type CallOptionValues = Omit<ConnectCallParams, 'from' | 'to' | 'callerId'>;

/** The options that apply to a connect to a flow (no recording or wait music there). */
export const FLOW_OPTION_KEYS: ReadonlyArray<keyof CallOptionValues> = callOptionsFor(true).map(o => o.key);

/**
 * The arguments; fields given are not asked for. The call options may be given flat (`timeLimit: 600`) or
 * under `options`; for a key given both ways, `options` wins.
 */
export interface ConnectArgs extends CallOptionValues {
  from?: string;
  to?: string;
  callerId?: string;
  flow?: FlowRef;
  options?: CallOptionValues;
  /** Copy the request instead of calling: returns the snippet. */
  dryRun?: 'curl' | 'node';
  /** What to do when To is on the DND register, for automation; people are asked. */
  onDnd?: 'ask' | 'call' | 'cancel';
  /** Show the review step even when every field is given (Call Again, hovers): a click never dials by itself. */
  review?: boolean;
}

// Records, so that the compiler names any option or argument these lists miss.
const OPTIONS: Record<keyof CallOptionValues, true> = {
  callType: true,
  timeLimit: true,
  timeOut: true,
  waitUrl: true,
  record: true,
  recordingChannels: true,
  recordingFormat: true,
  customField: true,
  statusCallback: true,
  statusCallbackEvents: true,
  statusCallbackContentType: true,
};
const ARGS: Record<Exclude<keyof ConnectArgs, keyof CallOptionValues>, true> = {
  from: true,
  to: true,
  callerId: true,
  flow: true,
  options: true,
  dryRun: true,
  onDnd: true,
  review: true,
};
const OPTION_KEYS = Object.keys(OPTIONS);

/**
 * The arguments as given, with flat call options moved under `options`. An unknown key, or one the command does not
 * use (`to` for a flow, `flow` or recording for a plain call…), is refused by name.
 */
export function connectArgs(command: string, raw: unknown, toFlow: boolean): ConnectArgs {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) throw new ValidationError('arguments', `${command} takes an object, e.g. { from, to, callerId, timeLimit }.`);
  const { options: nested, ...rest } = raw;
  if (nested !== undefined && !isObject(nested)) throw new ValidationError('options', `${command}: options must be an object, e.g. { timeLimit: 600 }.`);
  const taken = Object.keys(ARGS).filter(k => k !== (toFlow ? 'to' : 'flow'));
  const allowed = toFlow ? (FLOW_OPTION_KEYS as string[]) : OPTION_KEYS;
  const args: Record<string, unknown> = {};
  const flat: Record<string, unknown> = {};
  const spec = { command, consequence: 'Nothing was sent.' };
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    if (taken.includes(key)) args[key] = checkArg(spec, key, value, ARG_CHECKS[key as keyof typeof ARG_CHECKS]);
    else if (allowed.includes(key)) flat[key] = checkArg(spec, key, value, optionCheck(key));
    else throw refused(command, key, [...taken, ...allowed]);
  }
  for (const [key, value] of Object.entries(nested ?? {})) {
    if (value === undefined) continue;
    if (!allowed.includes(key))
      throw refused(
        command,
        `options.${key}`,
        allowed.map(k => `options.${k}`),
      );
    flat[key] = checkArg(spec, `options.${key}`, value, optionCheck(key));
  }
  if (nested !== undefined || Object.keys(flat).length) args.options = flat;
  return args as ConnectArgs;
}

const phone = text('a phone number such as +919876543210 (leave it out to be asked)');

/** A flow: `{ appId }` (digits) or `{ url }` (http/https). */
const flowRef: ArgCheck = v => {
  const f = isObject(v) ? v : undefined;
  const keys = f ? Object.keys(f).filter(k => f[k] !== undefined) : [];
  if (f && keys.length === 1 && keys[0] === 'appId' && (typeof f.appId === 'string' || typeof f.appId === 'number') && /^\d+$/.test(String(f.appId).trim())) {
    return { appId: String(f.appId).trim() };
  }
  if (f && keys.length === 1 && keys[0] === 'url') return { url: httpUrl(f.url, 'flow.url') };
  throw expectation('{ appId: "201334" } (an app id from App Bazaar → My Apps) or { url: "https://…" }');
};

/** The arguments that are not call options. */
const ARG_CHECKS: Record<Exclude<keyof ConnectArgs, keyof CallOptionValues | 'options'>, ArgCheck> = {
  from: phone,
  to: phone,
  callerId: phone,
  flow: flowRef,
  dryRun: oneOf(['curl', 'node']),
  onDnd: oneOf(['ask', 'call', 'cancel']),
  review: bool,
};

/** A call option's check, from its kind, limits and choices in the one options table. */
function optionCheck(key: string): ArgCheck {
  const o = CALL_OPTIONS.find(c => c.key === key) as CallOptionSpec;
  switch (o.kind) {
    case 'int':
      return int(o.min as number, o.max as number, o.unit);
    case 'text':
      return (v, name) => {
        if (typeof v !== 'string' || (o.max !== undefined && v.length > o.max)) throw expectation(`text of at most ${o.max} ${o.unit}`);
        return text()(v, name) && v;
      };
    case 'url':
      return httpUrl;
    case 'bool':
      return bool;
    case 'choice':
      return oneOf(o.choices ?? []);
    case 'events':
      return listOf(o.choices ?? []);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refused(command: string, key: string, known: string[]): ValidationError {
  // Exotel's own spelling (TimeLimit) is the likeliest slip: point at ours.
  const near = known.find(k => k.toLowerCase() === key.toLowerCase());
  const hint = near ? ` Did you mean “${near}”?` : ` It takes: ${known.join(', ')}.`;
  return new ValidationError(key, `${command} does not take “${key}”, so nothing was sent.${hint}`);
}
