// Delivers StatusCallbacks: POST, 15 s timeout, a failed delivery (network error, timeout or
// non-2xx) retried twice with a backoff. Every attempt is kept for tests and the UI.
import * as http from 'http';
import * as https from 'https';
import { randomHex } from './random';
import { asJson, asMultipart, Fields } from './callbackPayload';
import { CallbackEvent } from './types';

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
}

export interface DispatcherOptions {
  timeoutMs: number;
  /** One entry per retry: the default [1000, 3000] means two retries. */
  retryDelaysMs: readonly number[];
  now: () => Date;
  log: (line: string) => void;
  attempts: CallbackAttempt[];
}

export class CallbackDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<http.ClientRequest>();
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
    return this.inFlight.size > 0 || this.timers.size > 0;
  }

  close(): void {
    this.closed = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.inFlight.forEach((req) => req.destroy());
    this.inFlight.clear();
  }

  private attempt(job: { url: string; callSid: string; event: CallbackEvent; body: string; contentType: string }, n: number): void {
    if (this.closed) {
      return;
    }
    const record: CallbackAttempt = { ...job, attempt: n, at: this.options.now(), ok: false };
    this.options.attempts.push(record);
    this.post(job.url, job.body, job.contentType, (status, error) => {
      record.status = status;
      record.error = error;
      record.ok = status !== undefined && status >= 200 && status < 300;
      const outcome = record.ok ? `HTTP ${status}` : (error ?? `HTTP ${status}`);
      this.options.log(`StatusCallback ${job.event} for ${job.callSid} → ${job.url} (attempt ${n}): ${outcome}`);
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

  private post(url: string, body: string, contentType: string, done: (status?: number, error?: string) => void): void {
    let finished = false;
    const finish = (status?: number, error?: string): void => {
      if (!finished) {
        finished = true;
        this.inFlight.delete(req);
        done(status, error);
      }
    };
    const client = url.startsWith('https:') ? https : http;
    const payload = Buffer.from(body);
    const req = client.request(url, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'Content-Length': payload.length, 'User-Agent': 'Exotel-Sandbox/1.0' },
      timeout: this.options.timeoutMs,
    });
    this.inFlight.add(req);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => finish(res.statusCode));
      res.on('error', (err) => finish(undefined, err.message));
    });
    req.on('timeout', () => {
      req.destroy(new Error(`no response within ${this.options.timeoutMs} ms`));
    });
    req.on('error', (err) => finish(undefined, err.message));
    req.end(payload);
  }
}
