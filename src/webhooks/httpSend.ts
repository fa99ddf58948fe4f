// Sends one HTTP request and keeps what came back: status, headers, the body up to a cap, the latency, and
// for a failure its kind (timeout, refused, reset). Used for StatusCallbacks, Resend and the receiver's forwarding.
import * as http from 'http';
import * as https from 'https';
import { errorMessage } from '../base/errorMessage';

export type FailureKind = 'timeout' | 'refused' | 'reset' | 'other';

export interface OutgoingRequest {
  method: string;
  url: string;
  /** Sent as given (Content-Length is set from the body). */
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface SendResult {
  status?: number;
  headers?: Record<string, string>;
  /** The answer's body as UTF-8, at most maxAnswerBytes of it. */
  body?: string;
  /** The answer was longer than maxAnswerBytes (bodyBytes says how long). */
  truncated?: boolean;
  bodyBytes?: number;
  /** From sending to the end of the answer (or the failure). */
  latencyMs: number;
  failure?: FailureKind;
  error?: string;
}

export interface SendOptions {
  timeoutMs: number;
  /** Bytes of the answer kept (default 64 KiB); the rest is read and dropped. */
  maxAnswerBytes?: number;
  signal?: AbortSignal;
  now?: () => number;
}

export const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;
/** An answer longer than this is cut off: nobody's handler should answer a callback with megabytes. */
const HARD_ANSWER_LIMIT = 8 * 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'upgrade', 'proxy-connection', 'te', 'trailer']);

export function sendRequest(request: OutgoingRequest, options: SendOptions): Promise<SendResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const max = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  return new Promise<SendResult>(resolve => {
    let finished = false;
    const finish = (r: Omit<SendResult, 'latencyMs'>): void => {
      if (!finished) {
        finished = true;
        resolve({ ...r, latencyMs: Math.max(0, now() - started) });
      }
    };
    let url: URL;
    try {
      url = new URL(request.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${url.protocol}`);
    } catch (err) {
      finish({ failure: 'other', error: errorMessage(err) });
      return;
    }
    const payload = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
    const headers: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(k.toLowerCase())) headers[k] = v;
    if (payload.length || !['GET', 'HEAD'].includes(request.method.toUpperCase())) headers['Content-Length'] = payload.length;
    const client = url.protocol === 'https:' ? https : http;
    let timedOut = false;
    const req = client.request(url, { method: request.method, headers, timeout: options.timeoutMs, signal: options.signal });
    req.on('response', res => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let total = 0;
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (kept < max) {
          const part = chunk.subarray(0, max - kept);
          chunks.push(part);
          kept += part.length;
        }
        if (total > HARD_ANSWER_LIMIT) res.destroy();
      });
      const done = (): void =>
        finish({
          status: res.statusCode,
          headers: flatHeaders(res.rawHeaders),
          body: Buffer.concat(chunks).toString('utf8'),
          truncated: total > kept,
          bodyBytes: total,
        });
      res.on('end', done);
      res.on('close', done); // destroyed past the hard limit: keep what we have
      res.on('error', err => finish({ status: res.statusCode, failure: failureKind(err, timedOut), error: err.message }));
    });
    req.on('timeout', () => {
      timedOut = true;
      req.destroy(new Error(`no response within ${options.timeoutMs} ms`));
    });
    req.on('error', err => finish({ failure: failureKind(err, timedOut), error: err.message }));
    req.end(payload);
  });
}

export function failureKind(err: Error & { code?: string }, timedOut = false): FailureKind {
  if (timedOut || err.code === 'ETIMEDOUT') return 'timeout';
  if (err.code === 'ECONNREFUSED') return 'refused';
  if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || /socket hang up/i.test(err.message)) return 'reset';
  return 'other';
}

/** Node's rawHeaders (name, value, name, value…) as one record, names as sent, repeats joined. */
export function flatHeaders(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    out[name] = name in out ? `${out[name]}, ${raw[i + 1]}` : raw[i + 1];
  }
  return out;
}
