// Typed errors. Every message is a sentence a user can act on; none carries a credential,
// a raw stack, `undefined` or `[object Object]`.

export type ExotelErrorKind =
  | 'validation' | 'auth' | 'forbidden' | 'not-found' | 'rate-limit' | 'server' | 'api'
  | 'network' | 'timeout' | 'cancelled' | 'malformed';

export abstract class ExotelError extends Error {
  abstract readonly kind: ExotelErrorKind;
  /** The request failed, yet it may have reached Exotel: after a connect, the call may have been placed. */
  mayHaveBeenSent = false;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad input caught before anything was sent. */
export class ValidationError extends ExotelError {
  readonly kind = 'validation';
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Exotel answered with an error status (its `RestException`, when it sent one). */
export class ExotelApiError extends ExotelError {
  readonly kind: ExotelErrorKind = 'api';
  constructor(
    message: string,
    readonly status: number,
    readonly exotelMessage: string | undefined,
    readonly code: number | string | undefined,
  ) {
    super(message);
  }
}

export class AuthenticationError extends ExotelApiError {
  override readonly kind = 'auth';
}

export type ForbiddenReason = 'kyc' | 'dnd' | 'other';
export class ForbiddenError extends ExotelApiError {
  override readonly kind = 'forbidden';
  constructor(message: string, status: number, exotelMessage: string | undefined, code: number | string | undefined, readonly reason: ForbiddenReason) {
    super(message, status, exotelMessage, code);
  }
}

export class NotFoundError extends ExotelApiError {
  override readonly kind = 'not-found';
}

export class RateLimitError extends ExotelApiError {
  override readonly kind = 'rate-limit';
  constructor(message: string, exotelMessage: string | undefined, code: number | string | undefined, readonly retryAfterMs: number | undefined) {
    super(message, 429, exotelMessage, code);
  }
}

export class ServerError extends ExotelApiError {
  override readonly kind = 'server';
}

/** Could not reach Exotel. `mayHaveBeenSent` is true when the request may have arrived (a reset, not a refusal). */
export class NetworkError extends ExotelError {
  readonly kind = 'network';
  constructor(message: string, mayHaveBeenSent: boolean) {
    super(message);
    this.mayHaveBeenSent = mayHaveBeenSent;
  }
}

export class TimeoutError extends ExotelError {
  readonly kind = 'timeout';
  constructor(message: string, mayHaveBeenSent: boolean) {
    super(message);
    this.mayHaveBeenSent = mayHaveBeenSent;
  }
}

export class CancelledError extends ExotelError {
  readonly kind = 'cancelled';
  constructor(message = 'The request was cancelled.') {
    super(message);
  }
}

export type MalformedWhat = 'html' | 'xml' | 'truncated' | 'empty' | 'shape';
export class MalformedResponseError extends ExotelError {
  readonly kind = 'malformed';
  constructor(message: string, readonly what: MalformedWhat) {
    super(message);
  }
}

/** True for a connect that may have placed a call although it failed: the user should look at the call log. */
export function mayHavePlacedCall(err: unknown): boolean {
  return err instanceof ExotelError && err.mayHaveBeenSent;
}
