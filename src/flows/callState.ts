// The call as applet requests describe it, and the query parameters built from it in Exotel's observed order and
// casing (exotel-flows.md §1.1, "What a faithful flow simulator must do" 2–6): PascalCase except flow_id,
// tenant_id, digits; 0-prefixed numbers; Created as `Ddd, DD Mon YYYY HH:mm:ss`; StartTime/CurrentTime as
// `YYYY-MM-DD HH:mm:ss` (IST); EndTime the constant `1970-01-01 05:30:00`; empty values sent as `Name=`.
import type { CallType, DialResult, FlowDirection } from './runModel';

export const END_TIME_CONSTANT = '1970-01-01 05:30:00';
/** RecordingAvailableBy is CurrentTime + 5 minutes in both captures. */
const RECORDING_AVAILABLE_AFTER_MS = 5 * 60_000;
const IST_OFFSET_MS = 330 * 60_000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface LegState {
  number: string;
  onCallDuration: number;
  callerId: string;
  causeCode: string;
  cause: string;
  result: DialResult;
  ringSeconds: number;
}

export interface CallState {
  callSid: string;
  direction: FlowDirection;
  /** 0-prefixed. */
  from: string;
  exoPhone: string;
  appId: string;
  tenantId: string;
  customField?: string;
  /** Epoch ms of the call's start (whole seconds). */
  startMs: number;
  /** Simulated seconds since the start: greetings, waits for keys, rings and talk. */
  simSeconds: number;
  callType: CallType;
  dialCallDuration: number;
  dialCallStatus?: string;
  dialWhomNumber: string;
  outgoingPhoneNumber?: string;
  recordingUrl?: string;
  recordingAvailableBy?: string;
  legs: LegState[];
  /** As sent: with its literal double quotes, e.g. `"12"`. Undefined before any Gather. */
  digits?: string;
  /** The caller hung up during a Connect: what follows runs with nobody on the line. */
  callerGone: boolean;
}

export function istDateTime(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `Wed, 31 Jul 2024 16:42:56` (IST, no zone), as Created and RecordingAvailableBy are written. */
export function istCreated(ms: number): string {
  const d = new Date(ms + IST_OFFSET_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

export function nowOf(state: CallState): number {
  return state.startMs + state.simSeconds * 1000;
}

export function recordingAvailableBy(state: CallState): string {
  return istCreated(nowOf(state) + RECORDING_AVAILABLE_AFTER_MS);
}

/** Which parameter set a request carries. */
export type ParamSet =
  /** Passthru, Programmable Connect: the §1.1 set. */
  | 'full'
  /** Gather URL and Dial-whom URL: the §1.1 set plus CallStatus. */
  | 'with-status'
  /** Greeting URL (S5): CallSid, From, To, DialWhomNumber, CustomField. */
  | 'greeting'
  /** SMS URL (S7): CallSid, From, To, digits. */
  | 'sms';

export function callParams(state: CallState, set: ParamSet, opts: { digits?: boolean } = {}): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (name: string, value: string | number | undefined): void => {
    if (value !== undefined) out.push([name, String(value)]);
  };
  const withDigits = opts.digits ?? true;
  if (set === 'greeting' || set === 'sms') {
    add('CallSid', state.callSid);
    add('From', state.from);
    add('To', state.exoPhone);
    if (set === 'greeting') {
      add('DialWhomNumber', state.dialWhomNumber);
      add('CustomField', state.customField);
    } else if (withDigits) add('digits', state.digits);
    return out;
  }
  add('CallSid', state.callSid);
  add('CallFrom', state.from);
  add('CallTo', state.exoPhone);
  if (set === 'with-status') add('CallStatus', 'in-progress');
  add('Direction', state.direction);
  add('Created', istCreated(state.startMs));
  add('DialCallDuration', state.dialCallDuration);
  add('RecordingUrl', state.recordingUrl);
  add('StartTime', istDateTime(state.startMs));
  add('EndTime', END_TIME_CONSTANT);
  add('DialCallStatus', state.dialCallStatus);
  add('CallType', state.callType);
  add('DialWhomNumber', state.dialWhomNumber);
  add('flow_id', state.appId);
  add('tenant_id', state.tenantId);
  add('From', state.from);
  add('To', state.exoPhone);
  add('RecordingAvailableBy', state.recordingUrl ? state.recordingAvailableBy : undefined);
  add('CustomField', state.customField);
  add('CurrentTime', istDateTime(nowOf(state)));
  add('OutgoingPhoneNumber', state.outgoingPhoneNumber);
  state.legs.forEach((leg, i) => {
    add(`Legs[${i}][Number]`, leg.number);
    add(`Legs[${i}][Type]`, 'single');
    add(`Legs[${i}][OnCallDuration]`, leg.onCallDuration);
    add(`Legs[${i}][CallerId]`, leg.callerId);
    add(`Legs[${i}][CauseCode]`, leg.causeCode);
    add(`Legs[${i}][Cause]`, leg.cause);
  });
  if (withDigits) add('digits', state.digits);
  return out;
}

/** The configured URL with Exotel's parameters appended, form-encoded (`+` for spaces, `%3A`, `%2C`, `%22`). */
export function urlWithParams(base: string, params: ReadonlyArray<[string, string]>, keepQuery: boolean): string {
  const url = new URL(base);
  const query = new URLSearchParams(keepQuery ? url.search : '');
  for (const [k, v] of params) query.append(k, v);
  url.search = query.toString();
  return url.toString();
}
