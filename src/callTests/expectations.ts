// What a test expects, and how a finished call (or a refused connect) is compared with it. Each failure names
// the expectation's path in the file, so the editor shows it on that line, and carries expected and actual.
import { Call } from '../exotel/models';
import { ExotelApiError, ExotelError } from '../exotel/errors';
import { errorMessage } from '../base/errorMessage';
import type { FlowExpectation } from './flowExpectations';

export interface NumberBounds {
  gte?: number;
  gt?: number;
  lte?: number;
  lt?: number;
  eq?: number;
}
export type Range = number | NumberBounds;
type OneOrMany<T> = T | T[];

export interface CallbackExpectation {
  url?: string;
  event?: 'terminal' | 'answered';
  /**
   * For `answered`: whose pick-up. Exotel sends one when the agent (From, leg 1) answers and another when the customer
   * (To, leg 2) does; without `leg`, the first that came.
   */
  leg?: 1 | 2;
  answer?: number;
  /** Top-level fields, and the legs as `Legs[0][Status]` whether the body was multipart or JSON. */
  fields?: Record<string, string | number | null>;
}

export interface Expectations {
  status?: OneOrMany<string>;
  error?: { status?: number; message?: string; code?: number | string };
  duration?: Range;
  price?: Range;
  legs?: { 1?: OneOrMany<string | null>; 2?: OneOrMany<string | null> };
  answeredBy?: OneOrMany<string>;
  recording?: boolean;
  callback?: CallbackExpectation;
  flow?: FlowExpectation;
}

export interface Failure {
  /** Path under the test, e.g. ['expect', 'status']. */
  path: Array<string | number>;
  message: string;
  expected?: string;
  actual?: string;
}

/** A StatusCallback delivery as the sandbox records it (src/sandbox CallbackAttempt), or as a receiver would. */
export interface CallbackRecord {
  callSid: string;
  event: string;
  url: string;
  attempt: number;
  contentType: string;
  body: string;
  ok: boolean;
  status?: number;
  error?: string;
  /** What the sandbox flagged in the request behind it (e.g. an undocumented StatusCallbackEvents spelling). */
  warnings?: readonly string[];
}

const list = <T>(v: OneOrMany<T>): T[] => (Array.isArray(v) ? v : [v]);
const show = (v: unknown): string => (v === null ? 'null' : v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
const oneOf = <T>(v: OneOrMany<T>): string => (Array.isArray(v) ? v.map(show).join(' or ') : show(v));

/** True when the call must still be polled for this expectation after its final status. */
export function needsBilling(e: Expectations): boolean {
  return e.duration !== undefined || e.price !== undefined;
}

export function describeRange(r: Range): string {
  if (typeof r === 'number') return `= ${r}`;
  const parts: string[] = [];
  if (r.eq !== undefined) parts.push(`= ${r.eq}`);
  if (r.gte !== undefined) parts.push(`≥ ${r.gte}`);
  if (r.gt !== undefined) parts.push(`> ${r.gt}`);
  if (r.lte !== undefined) parts.push(`≤ ${r.lte}`);
  if (r.lt !== undefined) parts.push(`< ${r.lt}`);
  return parts.join(' and ');
}

export function inRange(v: number, r: Range): boolean {
  if (typeof r === 'number') return v === r;
  return (
    (r.eq === undefined || v === r.eq) &&
    (r.gte === undefined || v >= r.gte) &&
    (r.gt === undefined || v > r.gt) &&
    (r.lte === undefined || v <= r.lte) &&
    (r.lt === undefined || v < r.lt)
  );
}

/** Compares a placed call with everything but `error` and `callback`. */
export function checkCall(e: Expectations, call: Call): Failure[] {
  const out: Failure[] = [];
  if (e.error) {
    out.push({
      path: ['expect', 'error'],
      message: `Expected Exotel to refuse the call, but it was placed (${call.status}).`,
      expected: errorText(e.error),
      actual: `placed: ${call.sid}`,
    });
  }
  if (e.status !== undefined && !list(e.status).includes(call.status)) {
    out.push({ path: ['expect', 'status'], message: `Status is ${call.status}, expected ${oneOf(e.status)}.`, expected: oneOf(e.status), actual: call.status });
  }
  for (const key of ['duration', 'price'] as const) {
    const r = e[key];
    if (r === undefined) continue;
    const v = call[key];
    const label = key === 'duration' ? 'Duration' : 'Price';
    if (v === undefined)
      out.push({ path: ['expect', key], message: `${label} was not filled in before the timeout.`, expected: describeRange(r), actual: '(not filled)' });
    else if (!inRange(v, r))
      out.push({ path: ['expect', key], message: `${label} is ${v}, expected ${describeRange(r)}.`, expected: describeRange(r), actual: String(v) });
  }
  if (e.legs) {
    for (const leg of [1, 2] as const) {
      const want = e.legs[leg];
      if (want === undefined) continue;
      const got = (leg === 1 ? call.details?.leg1Status : call.details?.leg2Status) ?? null;
      if (!list(want).includes(got)) {
        out.push({
          path: ['expect', 'legs', String(leg)],
          message: `Leg ${leg} is ${show(got)}, expected ${oneOf(want)}.`,
          expected: oneOf(want),
          actual: show(got),
        });
      }
    }
  }
  if (e.answeredBy !== undefined) {
    const got = call.answeredBy ?? null;
    if (!list(e.answeredBy).some(a => got !== null && a.toLowerCase() === got.toLowerCase())) {
      out.push({
        path: ['expect', 'answeredBy'],
        message: `AnsweredBy is ${show(got)}, expected ${oneOf(e.answeredBy)}.`,
        expected: oneOf(e.answeredBy),
        actual: show(got),
      });
    }
  }
  if (e.recording !== undefined && Boolean(call.recordingUrl) !== e.recording) {
    out.push({
      path: ['expect', 'recording'],
      message: e.recording ? 'The call has no recording.' : 'The call has a recording, expected none.',
      expected: e.recording ? 'a RecordingUrl' : 'no RecordingUrl',
      actual: call.recordingUrl ? 'a RecordingUrl' : 'no RecordingUrl',
    });
  }
  return out;
}

function errorText(e: NonNullable<Expectations['error']>): string {
  const parts = [e.status !== undefined ? `HTTP ${e.status}` : 'an error'];
  if (e.message !== undefined) parts.push(`“…${e.message}…”`);
  if (e.code !== undefined) parts.push(`code ${e.code}`);
  return parts.join(' ');
}

/** Compares a refused connect with the test's expectations. */
export function checkError(e: Expectations, err: unknown): Failure[] {
  const message = errorMessage(err);
  const api = err instanceof ExotelApiError ? err : undefined;
  const actual = api ? `HTTP ${api.status}${api.exotelMessage ? ` “${api.exotelMessage}”` : ''}${api.code !== undefined ? ` code ${api.code}` : ''}` : message;
  if (!e.error) {
    const kind = err instanceof ExotelError ? err.kind : 'error';
    return [{ path: ['expect'], message: `The connect failed (${kind}): ${message}`, expected: 'a call', actual }];
  }
  const want = e.error;
  const out: Failure[] = [];
  if (!api) {
    return [{ path: ['expect', 'error'], message: `Expected an error from Exotel; got: ${message}`, expected: errorText(want), actual }];
  }
  if (want.status !== undefined && api.status !== want.status) {
    out.push({
      path: ['expect', 'error', 'status'],
      message: `Exotel answered HTTP ${api.status}, expected ${want.status}.`,
      expected: String(want.status),
      actual: String(api.status),
    });
  }
  const text = api.exotelMessage ?? api.message;
  if (want.message !== undefined && !text.toLowerCase().includes(want.message.toLowerCase())) {
    out.push({
      path: ['expect', 'error', 'message'],
      message: `Exotel's message does not contain “${want.message}”.`,
      expected: `…${want.message}…`,
      actual: text,
    });
  }
  if (want.code !== undefined && String(api.code) !== String(want.code)) {
    out.push({
      path: ['expect', 'error', 'code'],
      message: `Exotel's code is ${show(api.code)}, expected ${want.code}.`,
      expected: String(want.code),
      actual: show(api.code),
    });
  }
  return out;
}

/** The callback of this event for this call that was answered (or failed) first, if any yet. */
export function settledCallback(records: readonly CallbackRecord[], callSid: string, c: CallbackExpectation): CallbackRecord | undefined {
  const event = c.event ?? 'terminal';
  return records.find(
    r =>
      r.callSid === callSid &&
      r.event === event &&
      (r.status !== undefined || r.error !== undefined) &&
      (!c.url || sameUrl(r.url, c.url)) &&
      (event !== 'answered' || c.leg === undefined || answeredLeg(r) === c.leg),
  );
}

/** The leg an `answered` callback reports: 2 once the customer's leg is in progress, else 1 (the agent's). */
export function answeredLeg(r: Pick<CallbackRecord, 'contentType' | 'body'>): 1 | 2 {
  return callbackFields(r)['Legs[1][Status]'] === 'in-progress' ? 2 : 1;
}

/** The distinct warnings on a call's callbacks, for the test's result. */
export function callbackWarnings(records: readonly CallbackRecord[], callSid: string): string[] {
  return [...new Set(records.filter(r => r.callSid === callSid).flatMap(r => r.warnings ?? []))];
}

export function checkCallback(c: CallbackExpectation, record: CallbackRecord | undefined, url: string | undefined): Failure[] {
  const event = c.event === 'answered' && c.leg ? `answered (${c.leg === 1 ? 'agent' : 'customer'})` : (c.event ?? 'terminal');
  if (!record) {
    return [
      {
        path: ['expect', 'callback'],
        message: `No ${event} StatusCallback was delivered${url ? ` to ${url}` : ''}.`,
        expected: `a ${event} callback`,
        actual: '(none)',
      },
    ];
  }
  const out: Failure[] = [];
  if (c.answer !== undefined && record.status !== c.answer) {
    const actual = record.status !== undefined ? `HTTP ${record.status}` : (record.error ?? 'no answer');
    out.push({
      path: ['expect', 'callback', 'answer'],
      message: `Your handler at ${record.url} answered ${actual}, expected HTTP ${c.answer}.`,
      expected: `HTTP ${c.answer}`,
      actual,
    });
  }
  if (c.fields) {
    const fields = callbackFields(record);
    for (const [name, want] of Object.entries(c.fields)) {
      const got = fields[name];
      if (String(got ?? null) !== String(want)) {
        out.push({
          path: ['expect', 'callback', 'fields', name],
          message: `Callback field ${name} is ${show(got)}, expected ${show(want)}.`,
          expected: show(want),
          actual: show(got),
        });
      }
    }
  }
  return out;
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).toString() === new URL(b).toString();
  } catch {
    return a === b;
  }
}

/**
 * The fields of a callback body: JSON, or multipart form fields. A JSON body's `Legs` also appear as
 * `Legs[0][Status]`… (null as ""), the names a multipart body uses, so one expectation fits both formats.
 */
export function callbackFields(r: Pick<CallbackRecord, 'contentType' | 'body'>): Record<string, unknown> {
  if (r.contentType.startsWith('application/json')) {
    try {
      const v = JSON.parse(r.body);
      if (!v || typeof v !== 'object') return {};
      const fields = { ...(v as Record<string, unknown>) };
      const legs = fields.Legs;
      if (Array.isArray(legs)) {
        legs.forEach((leg, i) => {
          if (leg && typeof leg === 'object') for (const [k, x] of Object.entries(leg)) fields[`Legs[${i}][${k}]`] = x ?? '';
        });
      }
      return fields;
    } catch {
      return {};
    }
  }
  const boundary = /boundary=("?)([^";]+)\1/.exec(r.contentType)?.[2];
  const fields: Record<string, unknown> = {};
  if (!boundary) return fields;
  for (const part of r.body.split(`--${boundary}`)) {
    const m = /^\r\nContent-Disposition: form-data; name="([^"]+)"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*)\r\n$/i.exec(part);
    if (m) fields[m[1]] = m[2];
  }
  return fields;
}
