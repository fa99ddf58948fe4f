// Delivers StatusCallbacks: POST, 15 s timeout, a failed delivery (network error, timeout or
// non-2xx) retried twice with a backoff. Every attempt is kept for tests and the UI.
import { sendRequest } from '../webhooks/httpSend';
import type { CallbackAttempt, CallbackEvent } from '../webhooks/attempt';
import { randomHex } from './random';
import { asJson, asMultipart, Fields } from '../webhooks/wireFormat';

export interface DispatcherOptions {
  timeoutMs: number;
  /** One entry per retry: the default [1000, 3000] means two retries. */
  retryDelaysMs: readonly number[];
  now: () => Date;
  log: (line: string) => void;
  attempts: CallbackAttempt[];
  /** Called when an attempt starts and when it ends (the same object, updated). */
  onAttempt?: (attempt: CallbackAttempt) => void;
}

export class CallbackDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly stop = new AbortController();
  private inFlight = 0;
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {}

  send(url: string, callSid: string, event: CallbackEvent, fields: Fields, json: boolean): void {
    const boundary = `----ExotelSandbox${randomHex(16)}`;
    const body = json ? asJson(fields) : asMultipart(fields, boundary);
    const contentType = json ? 'application/json' : `multipart/form-data; boundary=${boundary}`;
    this.attempt({ url, callSid, event, body, contentType }, 1);
  }

  /** True while a delivery is on the wire or waiting to be retried. */
  get busy(): boolean {
    return this.inFlight > 0 || this.timers.size > 0;
  }

  close(): void {
    this.closed = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.stop.abort();
  }

  private attempt(job: { url: string; callSid: string; event: CallbackEvent; body: string; contentType: string }, n: number): void {
    if (this.closed) {
      return;
    }
    const headers = { 'Content-Type': job.contentType, 'Content-Length': String(Buffer.byteLength(job.body)), 'User-Agent': 'Exotel-Sandbox/1.0' };
    const record: CallbackAttempt = {
      ...job,
      attempt: n,
      at: this.options.now(),
      ok: false,
      method: 'POST',
      requestHeaders: headers,
      maxAttempts: this.options.retryDelaysMs.length + 1,
      done: false,
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
      this.options.log(`StatusCallback ${job.event} for ${job.callSid} → ${job.url} (attempt ${n}): ${outcome}`);
      this.options.onAttempt?.(record);
      const delay = this.options.retryDelaysMs[n - 1];
      if (!record.ok && delay !== undefined && !this.closed) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.attempt(job, n + 1);
        }, delay);
        timer.unref();
        this.timers.add(timer);
      }
    });
  }
}

export type { CallbackAttempt } from '../webhooks/attempt';
