// Typed errors. Every message is a sentence a user can act on; none carries a credential,
// a raw stack, `undefined` or `[object Object]`. What the UI needs (what was being done, what to do next,
// whether a call may have been placed) is in fields: nothing downstream reads the wording.
import { t } from '../common/callText/translate';

export type ExotelErrorKind =
  'validation' | 'auth' | 'forbidden' | 'not-found' | 'rate-limit' | 'server' | 'api' | 'network' | 'timeout' | 'cancelled' | 'malformed';

/**
 * What the user can do about an error. The UI offers it as a button (Show Call Log, Sign In, Retry); the
 * message ends with the matching sentence where the step has a standard one.
 */
export type NextStep =
  | 'check-call-log' // a connect failed after it may have reached Exotel: look before calling again
  | 'sign-in' // the key, token or account is wrong
  | 'check-region' // another server answered: the region or base URL is wrong
  | 'retry' // a passing failure (5xx, 429, a cut answer): the same request may work
  | 'check-network' // nothing, or not Exotel, answered
  | 'fix-input' // a value the user gave is not accepted
  | 'none';

export interface ErrorInfo {
  /** What was being done, already opening the message: "Placing the call", "Looking up +919876543210". */
  action?: string;
  next?: NextStep;
  /** The request failed, yet it may have reached Exotel (a connect may have placed the call): next is check-call-log. */
  mayHaveBeenSent?: boolean;
  /** Replaces the standard closing sentence of `next` (e.g. "Try again in 40 s."). */
  nextText?: string;
}

function closingSentence(next: NextStep, nextText: string | undefined): string | undefined {
  if (nextText !== undefined) return nextText;
  switch (next) {
    case 'check-call-log':
      return t('The call may have been placed: check the call log before trying again.');
    case 'check-network':
      return t('Check your network and try again.');
    case 'retry':
      return t('Try again in a moment.');
    default:
      return undefined;
  }
}

export abstract class ExotelError extends Error {
  abstract readonly kind: ExotelErrorKind;
  /** What was being done; undefined for checks made before any request. */
  readonly action: string | undefined;
  readonly next: NextStep;
  /** The request failed, yet it may have reached Exotel: after a connect, the call may have been placed. */
  readonly mayHaveBeenSent: boolean;
  /** The message without its closing sentence, for an error that restates this one (see `ErrorInfo`). */
  readonly detail: string;
  constructor(detail: string, info: ErrorInfo = {}, defaultNext: NextStep = 'none') {
    const next = info.mayHaveBeenSent ? 'check-call-log' : (info.next ?? defaultNext);
    const closing = closingSentence(next, info.mayHaveBeenSent ? undefined : info.nextText);
    super(closing ? `${detail} ${closing}` : detail);
    this.name = new.target.name;
    this.detail = detail;
    this.action = info.action;
    this.next = next;
    this.mayHaveBeenSent = info.mayHaveBeenSent ?? false;
  }
}

/** A bad input caught before anything was sent. */
export class ValidationError extends ExotelError {
  readonly kind = 'validation';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, {}, 'fix-input');
  }
}

/** Exotel answered with an error status (its `RestException`, when it sent one). */
export class ExotelApiError extends ExotelError {
  readonly kind: ExotelErrorKind = 'api';
  constructor(
    detail: string,
    readonly status: number,
    readonly exotelMessage: string | undefined,
    readonly code: number | string | undefined,
    info: ErrorInfo = {},
  ) {
    super(detail, info);
  }
}

export class AuthenticationError extends ExotelApiError {
  override readonly kind = 'auth';
}

export type ForbiddenReason = 'kyc' | 'dnd' | 'other';
export class ForbiddenError extends ExotelApiError {
  override readonly kind = 'forbidden';
  constructor(
    detail: string,
    status: number,
    exotelMessage: string | undefined,
    code: number | string | undefined,
    readonly reason: ForbiddenReason,
    info: ErrorInfo = {},
  ) {
    super(detail, status, exotelMessage, code, info);
  }
}

export class NotFoundError extends ExotelApiError {
  override readonly kind = 'not-found';
}

export class RateLimitError extends ExotelApiError {
  override readonly kind = 'rate-limit';
  constructor(
    detail: string,
    exotelMessage: string | undefined,
    code: number | string | undefined,
    readonly retryAfterMs: number | undefined,
    info: ErrorInfo = {},
  ) {
    super(detail, 429, exotelMessage, code, info);
  }
}

export class ServerError extends ExotelApiError {
  override readonly kind = 'server';
}

/** Could not reach Exotel. `mayHaveBeenSent` is true when the request may have arrived (a reset, not a refusal). */
export class NetworkError extends ExotelError {
  readonly kind = 'network';
  constructor(detail: string, info: ErrorInfo = {}) {
    super(detail, info, 'check-network');
  }
}

export class TimeoutError extends ExotelError {
  readonly kind = 'timeout';
  constructor(detail: string, info: ErrorInfo = {}) {
    super(detail, info, 'check-network');
  }
}

export class CancelledError extends ExotelError {
  readonly kind = 'cancelled';
  constructor(detail = t('The request was cancelled.'), info: ErrorInfo = {}) {
    super(detail, info);
  }
}

export type MalformedWhat = 'html' | 'xml' | 'truncated' | 'empty' | 'shape';
export class MalformedResponseError extends ExotelError {
  readonly kind = 'malformed';
  constructor(
    detail: string,
    readonly what: MalformedWhat,
    info: ErrorInfo = {},
  ) {
    super(detail, info, what === 'html' || what === 'xml' ? 'check-region' : what === 'shape' ? 'none' : 'retry');
  }
}

/** True for a connect that may have placed a call although it failed: the user should look at the call log. */
export function mayHavePlacedCall(err: unknown): boolean {
  return err instanceof ExotelError && err.mayHaveBeenSent;
}
