// Delivers StatusCallbacks: POST, 15 s timeout, a failed delivery (network error, timeout or non-2xx) retried on a
// schedule (callbackRetries.ts: Exotel's 5 min then 15 min by default). Every attempt is kept for tests and the UI.
// Also used outside the sandbox's own calls (e.g. a flow simulator): it knows URLs and fields, not calls.
import { sendRequest } from '../webhooks/httpSend';
import type { CallbackAttempt, CallbackEvent } from '../webhooks/attempt';
import type { CallbackFault } from './faults';
import { randomHex } from './random';
import { asJson, asMultipart, Fields } from '../webhooks/wireFormat';

export interface DispatcherOptions {
  timeoutMs: number;
  /** One entry per retry, each counted from the failure before it: [300000, 900000] means two retries. */
  retryDelaysMs: readonly number[];
  now: () => Date;
  log: (line: string) => void;
  attempts: CallbackAttempt[];
  /** Called when an attempt starts, when it ends and when its retry is scheduled or starts (the same object, updated). */
  onAttempt?: (attempt: CallbackAttempt) => void;
}

/** One StatusCallback to deliver. */
export interface CallbackJob {
  url: string;
  callSid: string;
  event: CallbackEvent;
  fields: Fields;
  /** application/json instead of Exotel's default multipart/form-data. */
  json: boolean;
  /** Shown with every attempt (e.g. an undocumented spelling in the request that asked for it). */
  warnings?: readonly string[];
  /** A misbehaviour to apply to this delivery (drop, duplicate, late). */
  fault?: CallbackFault;
}

/** Milliseconds a `late` callback waits when the fault names none: well after the call details show the end. */
export const DEFAULT_LATE_MS = 5000;

interface Wire {
  url: string;
  callSid: string;
  event: CallbackEvent;
  body: string;
  contentType: string;
  warnings?: readonly string[];
  fault?: CallbackAttempt['fault'];
  /** The retry schedule in force when the delivery was asked for. */
  delays: readonly number[];
}

export class CallbackDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Retries waiting, with the failed attempt each follows. */
  private readonly retries = new Map<NodeJS.Timeout, CallbackAttempt>();
  private readonly stop = new AbortController();
  private inFlight = 0;
  private closed = false;
  private retryDelaysMs: readonly number[];

  constructor(private readonly options: DispatcherOptions) {
    this.retryDelaysMs = options.retryDelaysMs;
  }

  send(job: CallbackJob): void {
    const boundary = `----ExotelSandbox${randomHex(16)}`;
    const wire: Wire = {
      url: job.url,
      callSid: job.callSid,
      event: job.event,
      body: job.json ? asJson(job.fields) : asMultipart(job.fields, boundary),
      contentType: job.json ? 'application/json' : `multipart/form-data; boundary=${boundary}`,
      warnings: job.warnings?.length ? job.warnings : undefined,
      delays: this.retryDelaysMs,
    };
    const fault = job.fault;
    if (fault?.kind === 'drop') {
      this.options.log(`StatusCallback ${job.event} for ${job.callSid} dropped (injected fault): never delivered`);
      return;
    }
    if (fault?.kind === 'late') {
      const ms = fault.ms ?? DEFAULT_LATE_MS;
      this.options.log(`StatusCallback ${job.event} for ${job.callSid} held back ${ms} ms (injected fault: late)`);
      this.later(ms, () => this.attempt({ ...wire, fault: 'late' }, 1));
      return;
    }
    // A duplicate goes out once the first copy has its answer, as a second, independent delivery.
    this.attempt(wire, 1, fault?.kind === 'duplicate' ? () => this.attempt({ ...wire, fault: 'duplicate' }, 1) : undefined);
  }

  /** Changes the retry schedule of deliveries that fail from now on. */
  setRetryDelays(delaysMs: readonly number[]): void {
    this.retryDelaysMs = delaysMs;
  }

  /**
   * Drops every retry that is waiting (their attempts lose nextRetryAt); held-back `late` deliveries stay.
   * Returns how many were dropped. For a developer who fixed the handler and resent by hand, and for tests.
   */
  cancelRetries(): number {
    const waiting = [...this.retries];
    for (const [timer, record] of waiting) {
      clearTimeout(timer);
      this.timers.delete(timer);
      delete record.nextRetryAt;
      this.options.onAttempt?.(record);
    }
    this.retries.clear();
    return waiting.length;
  }

  /** True while a delivery is on the wire, held back or waiting to be retried. */
  get busy(): boolean {
    return this.inFlight > 0 || this.timers.size > 0;
  }

  close(): void {
    this.closed = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.retries.clear();
    this.stop.abort();
  }

  private later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.retries.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private attempt(job: Wire, n: number, then?: () => void, previous?: CallbackAttempt): void {
    if (this.closed) {
      return;
    }
    if (previous) {
      delete previous.nextRetryAt;
      this.options.onAttempt?.(previous);
    }
    const { warnings, fault, delays, ...wire } = job;
    const headers = { 'Content-Type': job.contentType, 'Content-Length': String(Buffer.byteLength(job.body)), 'User-Agent': 'Exotel-Sandbox/1.0' };
    const record: CallbackAttempt = {
      ...wire,
      attempt: n,
      at: this.options.now(),
      ok: false,
      method: 'POST',
      requestHeaders: headers,
      maxAttempts: delays.length + 1,
      done: false,
      ...(fault ? { fault } : {}),
      ...(warnings ? { warnings } : {}),
    };
    this.options.attempts.push(record);
    this.options.onAttempt?.(record);
    this.inFlight++;
    void sendRequest({ method: 'POST', url: job.url, headers, body: job.body }, { timeoutMs: this.options.timeoutMs, signal: this.stop.signal }).then(r => {
      this.inFlight--;
      const { status, error } = r;
      record.status = status;
      record.error = error;
      record.ok = status !== undefined && status >= 200 && status < 300 && !r.failure;
      Object.assign(record, {
        done: true,
        responseHeaders: r.headers,
        responseBody: r.body,
        responseTruncated: r.truncated,
        latencyMs: r.latencyMs,
        errorKind: r.failure,
      });
      const outcome = record.ok ? `HTTP ${status}` : (error ?? `HTTP ${status}`);
      const delay = record.ok || this.closed ? undefined : delays[n - 1];
      if (delay !== undefined) {
        record.nextRetryAt = new Date(this.options.now().getTime() + delay);
      }
      const retry = delay === undefined ? '' : `; retry in ${delay >= 60_000 ? `${Math.round(delay / 60_000)} min` : `${delay} ms`}`;
      this.options.log(`StatusCallback ${job.event} for ${job.callSid} → ${job.url} (attempt ${n}): ${outcome}${retry}`);
      this.options.onAttempt?.(record);
      if (delay !== undefined) {
        this.retries.set(
          this.later(delay, () => this.attempt(job, n + 1, then, record)),
          record,
        );
      } else {
        then?.();
      }
    });
  }
}

export type { CallbackAttempt } from '../webhooks/attempt';
