// One delivery of a StatusCallback as the sender kept it: the request as sent and what came back.
// The sandbox writes these; the Callbacks view and call tests read them.
import type { FailureKind } from './httpSend';

/** The callback's moment in the call (Exotel's StatusCallbackEvents). */
export type CallbackEvent = 'answered' | 'terminal';

export interface CallbackAttempt {
  callSid: string;
  event: CallbackEvent;
  url: string;
  /** 1 for the first try, 2 and 3 for the retries. */
  attempt: number;
  contentType: string;
  body: string;
  at: Date;
  ok: boolean;
  status?: number;
  error?: string;
  // The exchange in full, for the Callbacks view and call tests; the fields above keep their meaning.
  method: 'POST';
  /** The request headers exactly as sent (Content-Length included). */
  requestHeaders: Record<string, string>;
  /** Tries this delivery gets in all: 1 + the retries. */
  maxAttempts: number;
  /** False while the request is in flight. */
  done: boolean;
  responseHeaders?: Record<string, string>;
  /** The handler's answer, at most 64 KiB of it. */
  responseBody?: string;
  responseTruncated?: boolean;
  latencyMs?: number;
  /** Why no answer came: timeout, connection refused, connection reset (or other). */
  errorKind?: FailureKind;
  /** Set while a retry of this failed attempt is waiting: when it will be sent. Cleared when it starts. */
  nextRetryAt?: Date;
  /** An injected callback fault made this delivery: a second copy ('duplicate') or a delayed one ('late'). */
  fault?: 'duplicate' | 'late';
  /** What the sender wants the developer to see about the request that asked for this callback. */
  warnings?: readonly string[];
}
