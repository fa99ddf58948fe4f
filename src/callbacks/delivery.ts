// One delivery, whatever recorded it: a sandbox StatusCallback attempt, a request the receiver caught
// (and what the forwarded handler answered), or a Resend from the editor. The Callbacks view lists these.
import type { CallbackAttempt } from '../webhooks/attempt';
import type { FailureKind, SendResult } from '../webhooks/httpSend';
import { contentTypeOf, parsePayload } from './payload';
import type { Capture } from './receiver';

export type DeliverySource = 'sandbox' | 'receiver' | 'resend';
export type ResultKind = 'pending' | '2xx' | '3xx' | '4xx' | '5xx' | 'timeout' | 'refused' | 'reset' | 'error';

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface CapturedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  truncated: boolean;
}

export interface Delivery {
  id: string;
  source: DeliverySource;
  at: Date;
  callSid?: string;
  /** answered / terminal (default callbacks are terminal), or undefined when the body does not say. */
  event?: string;
  /** The call's To and Status as the payload gives them (extended callbacks carry To). */
  to?: string;
  callStatus?: string;
  attempt?: number;
  maxAttempts?: number;
  request: CapturedRequest;
  answer?: CapturedAnswer;
  latencyMs?: number;
  failure?: FailureKind;
  error?: string;
  done: boolean;
  /** Receiver: the handler the request was forwarded to, and the status the receiver answered the sender. */
  forwardedTo?: string;
  answeredStatus?: number;
  /** Receiver: the body was over the size cap (refused with 413, kept cut short). */
  tooLarge?: boolean;
  /** Resend: the delivery it repeats. */
  resendOf?: string;
  /**
   * An `answered` callback: the leg that had picked up. Exotel sends one when the agent (From, leg 1) answers —
   * `Legs[1][Status]` still empty — and another when the customer (To, leg 2) does, both legs `in-progress`.
   */
  answeredLeg?: 1 | 2;
  /** Sandbox: a retry of this failed attempt is due then (cleared when it starts). */
  nextRetryAt?: Date;
  /** Sandbox: the request behind it was doubtful (e.g. an undocumented StatusCallbackEvents spelling). */
  warnings?: readonly string[];
  /** Sandbox: an injected fault made this delivery (a duplicate, or a late one). */
  fault?: 'duplicate' | 'late';
}

/** Which leg an `answered` callback reports: 2 once the customer's leg (Legs[1]) is in progress, else 1 (the agent). */
export function answeredLegOf(event: string | undefined, fields: ReadonlyMap<string, string>): 1 | 2 | undefined {
  if (event !== 'answered') return undefined;
  return fields.get('Legs[1][Status]') === 'in-progress' ? 2 : 1;
}

export function resultKind(d: Pick<Delivery, 'done' | 'answer' | 'failure'>): ResultKind {
  if (!d.done) return 'pending';
  if (d.failure && d.failure !== 'other') return d.failure;
  const s = d.answer?.status;
  if (s === undefined || d.failure) return 'error';
  if (s >= 500) return '5xx';
  if (s >= 400) return '4xx';
  if (s >= 300) return '3xx';
  return s >= 200 ? '2xx' : 'error';
}

export function isFailure(kind: ResultKind): boolean {
  return kind !== '2xx' && kind !== 'pending';
}

/** Call SID, event, To and Status from the payload (cheap: read once per record). */
function summary(headers: Record<string, string>, body: string): Pick<Delivery, 'callSid' | 'event' | 'to' | 'callStatus' | 'answeredLeg'> {
  const fields = new Map(parsePayload(contentTypeOf(headers), body).fields);
  const status = fields.get('Status');
  const event = fields.get('EventType') || (fields.has('CallSid') && status && !['in-progress', 'ringing', 'queued'].includes(status) ? 'terminal' : undefined);
  return {
    callSid: fields.get('CallSid') || undefined,
    event,
    to: fields.get('To') || undefined,
    callStatus: status || undefined,
    answeredLeg: answeredLegOf(event, fields),
  };
}

export function fromAttempt(a: CallbackAttempt, id: string): Delivery {
  const answer =
    a.status !== undefined && !a.errorKind
      ? { status: a.status, headers: a.responseHeaders ?? {}, body: a.responseBody ?? '', truncated: a.responseTruncated ?? false }
      : undefined;
  const headers = a.requestHeaders ?? { 'Content-Type': a.contentType };
  return {
    id,
    source: 'sandbox',
    at: a.at,
    ...summary(headers, a.body),
    callSid: a.callSid,
    event: a.event,
    attempt: a.attempt,
    maxAttempts: a.maxAttempts,
    request: { method: a.method ?? 'POST', url: a.url, headers, body: a.body },
    answer,
    latencyMs: a.latencyMs,
    failure: a.errorKind ?? (a.error && a.status === undefined ? 'other' : undefined),
    error: a.error,
    done: a.done ?? (a.status !== undefined || a.error !== undefined),
    nextRetryAt: a.nextRetryAt,
    warnings: a.warnings,
    fault: a.fault,
  };
}

export function fromCapture(c: Capture, receiverUrl: string): Delivery {
  const forward = c.forward;
  const result = forward?.result;
  const answer: CapturedAnswer | undefined = forward
    ? result && result.status !== undefined && !result.failure
      ? answerOf(result)
      : undefined
    : c.answeredStatus !== undefined
      ? { status: c.answeredStatus, headers: {}, body: c.tooLarge ? 'Body too large' : 'OK', truncated: false }
      : undefined;
  return {
    id: c.id,
    source: 'receiver',
    at: c.at,
    ...summary(c.headers, c.body),
    request: { method: c.method, url: receiverUrl + c.url, headers: c.headers, body: c.body },
    answer,
    latencyMs: result?.latencyMs,
    failure: result?.failure,
    error: result?.error,
    done: c.done,
    forwardedTo: forward?.url,
    answeredStatus: c.answeredStatus,
    tooLarge: c.tooLarge,
  };
}

export function fromResend(of: Delivery, request: CapturedRequest, result: SendResult | undefined, id: string, at: Date): Delivery {
  return {
    id,
    source: 'resend',
    at,
    ...summary(request.headers, request.body),
    resendOf: of.id,
    callSid: of.callSid,
    to: of.to,
    request,
    answer: result && result.status !== undefined && !result.failure ? answerOf(result) : undefined,
    latencyMs: result?.latencyMs,
    failure: result?.failure,
    error: result?.error,
    done: result !== undefined,
  };
}

function answerOf(r: SendResult): CapturedAnswer {
  return { status: r.status ?? 0, headers: r.headers ?? {}, body: r.body ?? '', truncated: r.truncated ?? false };
}

/** Where Resend sends a delivery: the URL it went to, or for the receiver the handler it was forwarded to. */
export function resendTarget(d: Delivery): string | undefined {
  return d.source === 'receiver' ? d.forwardedTo : d.request.url;
}
