// "Receive from real Exotel": a local HTTP receiver on 127.0.0.1 that records every request reaching it and,
// optionally, forwards it to the developer's own handler and records that answer too (an inspecting proxy).
// It keeps everything in memory, caps body sizes, request rates and the number of records, and never runs
// or evaluates anything it receives: bodies are kept as text.
import * as http from 'http';
import { AddressInfo } from 'net';
import { flatHeaders, sendRequest, SendResult } from '../webhooks/httpSend';
import { ValidationError } from '../exotel/errors';

export interface ReceiverOptions {
  /** 0 or undefined: a free port. The host is always 127.0.0.1. */
  port?: number;
  /** The developer's handler, e.g. http://localhost:3000: the request's path and query are appended. */
  forwardTo?: string;
  /** Larger bodies are answered 413 and recorded cut short (default 256 KiB). */
  maxBodyBytes?: number;
  /** Requests per minute; past it 429 and nothing recorded (default 120). */
  maxPerMinute?: number;
  /** Records kept, newest (default 500). */
  maxRecords?: number;
  forwardTimeoutMs?: number;
  now?: () => number;
  /** Told of each record when it arrives and again when its forwarding ends. */
  onRecord?: (capture: Capture) => void;
}

export interface Capture {
  id: string;
  at: Date;
  method: string;
  /** Path and query, as received. */
  url: string;
  /** As sent, names in their own case. */
  headers: Record<string, string>;
  /** UTF-8 text of the body (at most maxBodyBytes). */
  body: string;
  bodyBytes: number;
  /** The body was larger than the cap: refused with 413, kept cut short. */
  tooLarge: boolean;
  /** What the receiver answered the sender. */
  answeredStatus?: number;
  /** The forwarded request and what the handler answered. */
  forward?: { url: string; result?: SendResult };
  /** False while forwarding is in flight. */
  done: boolean;
}

export interface Receiver {
  readonly url: string;
  readonly port: number;
  readonly captures: Capture[];
  /** Requests refused for the rate limit (not recorded). */
  readonly limited: number;
  readonly forwardTo: string | undefined;
  setForwardTo(url: string | undefined): void;
  clear(): void;
  close(): Promise<void>;
}

export const RECEIVER_DEFAULTS = { maxBodyBytes: 256 * 1024, maxPerMinute: 120, maxRecords: 500, forwardTimeoutMs: 15_000 };

let counter = 0;
const HOP_HEADER = 'x-exotel-receiver-hop';

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const o = { ...RECEIVER_DEFAULTS, ...definedOnly(options) };
  const now = options.now ?? Date.now;
  let forwardTo = checkForward(options.forwardTo);
  const captures: Capture[] = [];
  const stamps: number[] = [];
  let limited = 0;
  const stop = new AbortController();

  const admit = (): boolean => {
    const t = now();
    while (stamps.length && stamps[0] <= t - 60_000) stamps.shift();
    if (stamps.length >= o.maxPerMinute) return false;
    stamps.push(t);
    return true;
  };

  const server = http.createServer((req, res) => {
    if (req.headers[HOP_HEADER]) {
      // Forwarding to ourselves would loop until the rate limit: refuse the second hop.
      res.writeHead(508, { 'Content-Type': 'text/plain' });
      res.end('The receiver forwards to itself: set another handler URL\n');
      req.resume();
      return;
    }
    if (!admit()) {
      limited++;
      res.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': '60', Connection: 'close' });
      res.end('Too many requests\n');
      req.resume();
      return;
    }
    const capture: Capture = {
      id: `r${Date.now().toString(36)}${(counter++).toString(36)}`,
      at: new Date(now()),
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: flatHeaders(req.rawHeaders),
      body: '',
      bodyBytes: 0,
      tooLarge: false,
      done: false,
    };
    const chunks: Buffer[] = [];
    let kept = 0;
    const declared = Number(req.headers['content-length']);
    const refuseTooLarge = (): void => {
      capture.tooLarge = true;
      capture.body = Buffer.concat(chunks).toString('utf8');
      capture.answeredStatus = 413;
      capture.done = true;
      record(capture);
      res.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' });
      res.end(`Body larger than ${o.maxBodyBytes} bytes\n`);
      req.removeAllListeners('data');
      req.resume();
    };
    if (Number.isFinite(declared) && declared > o.maxBodyBytes) {
      capture.bodyBytes = declared;
      refuseTooLarge();
      return;
    }
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      capture.bodyBytes += chunk.length;
      if (refused) return;
      const part = chunk.subarray(0, o.maxBodyBytes - kept);
      chunks.push(part);
      kept += part.length;
      if (capture.bodyBytes > o.maxBodyBytes) {
        refused = true;
        refuseTooLarge();
      }
    });
    req.on('error', () => undefined); // a sender that resets mid-body: what arrived is enough
    req.on('end', () => {
      if (refused) return;
      capture.body = Buffer.concat(chunks).toString('utf8');
      const target = forwardTo;
      if (!target) {
        capture.answeredStatus = 200;
        capture.done = true;
        record(capture);
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('OK\n');
        return;
      }
      const url = joinTarget(target, capture.url);
      capture.forward = { url };
      record(capture);
      void sendRequest(
        { method: capture.method, url, headers: { ...capture.headers, [HOP_HEADER]: '1' }, body: Buffer.concat(chunks) },
        { timeoutMs: o.forwardTimeoutMs, signal: stop.signal, now },
      ).then(result => {
        capture.forward = { url, result };
        capture.done = true;
        if (res.destroyed) {
          options.onRecord?.(capture);
          return;
        }
        if (result.status !== undefined && !result.failure) {
          capture.answeredStatus = result.status;
          const type = headerValue(result.headers ?? {}, 'content-type');
          res.writeHead(result.status, type ? { 'Content-Type': type } : {});
          res.end(result.body ?? '');
        } else {
          capture.answeredStatus = 502;
          res.writeHead(502, { 'Content-Type': 'text/plain' });
          res.end(`Forwarding to your handler failed (${result.failure ?? 'error'})\n`);
        }
        options.onRecord?.(capture);
      });
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  const record = (capture: Capture): void => {
    captures.push(capture);
    if (captures.length > o.maxRecords) captures.splice(0, captures.length - o.maxRecords);
    options.onRecord?.(capture);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    captures,
    get limited() {
      return limited;
    },
    get forwardTo() {
      return forwardTo;
    },
    setForwardTo: url => {
      forwardTo = checkForward(url);
    },
    clear: () => {
      captures.length = 0;
    },
    close: () =>
      new Promise<void>(resolve => {
        stop.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The handler's URL with the received path and query appended: `http://localhost:3000` + `/exotel/status?x=1`. */
export function joinTarget(base: string, pathAndQuery: string): string {
  const b = new URL(base);
  const incoming = new URL(pathAndQuery, 'http://receiver.invalid');
  const basePath = b.pathname.replace(/\/+$/, '');
  b.pathname = `${basePath}${incoming.pathname === '/' && basePath ? '' : incoming.pathname}`;
  if (incoming.search) b.search = b.search ? `${b.search}&${incoming.search.slice(1)}` : incoming.search;
  return b.toString();
}

function checkForward(url: string | undefined): string | undefined {
  const v = url?.trim();
  if (!v) return undefined;
  if (!/^https?:\/\/[^/]+/i.test(v)) throw new ValidationError('forwardTo', `The handler to forward to must be an http:// or https:// URL (got '${v}')`);
  return v;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find(k => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
