// Shared test plumbing: real HTTP to the sandbox on 127.0.0.1, and a webhook receiver on the shared loopback server.
import busboy from 'busboy';
import * as http from 'http';
import { Sandbox, SandboxOptions, startSandbox } from '../../../src/sandbox';
import { startLoopback } from '../../helpers/loopback';

// Tests poll freely, so the 200/min limit is off unless a test turns it on.
export const FAST: SandboxOptions = { progressMs: 60, postCallLagMs: 60, callbackRetryDelaysMs: [30, 30], rateLimitPerMinute: 0 };

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ ...FAST, ...options });
}

/** `path` is relative to /v1/Accounts/<sid>. */
export async function call(
  sb: Sandbox,
  method: string,
  path: string,
  init: { body?: string | FormData; headers?: Record<string, string>; auth?: string | null } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...init.headers };
  const auth = init.auth === undefined ? sb.authorization : init.auth;
  if (auth !== null) {
    headers.Authorization = auth;
  }
  if (typeof init.body === 'string' && !headers['Content-Type']) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const res = await fetch(`${sb.baseUrl}/v1/Accounts/${sb.accountSid}${path}`, { method, headers, body: init.body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export async function connect(sb: Sandbox, fields: Record<string, string>, suffix = '.json'): Promise<Res> {
  return call(sb, 'POST', `/Calls/connect${suffix}`, { body: form(fields) });
}

export const BASIC = { From: '09845012340', CallerId: '08047112345' };

export { sleep, waitFor } from '../../helpers/wait';

export interface Received {
  headers: http.IncomingHttpHeaders;
  contentType: string;
  raw: string;
  /** Parsed fields: JSON object, or multipart fields in order. */
  json?: Record<string, unknown>;
  fields?: Array<[string, string]>;
}

/** A webhook receiver on 127.0.0.1 (test/helpers/loopback.ts) answering with the given statuses in turn (then 200). */
export async function webhook(statuses: number[] = []): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const queue = [...statuses];
  const server = await startLoopback(async req => {
    const contentType = req.headers['content-type'] ?? '';
    const entry: Received = { headers: req.headers, contentType, raw: req.body };
    if (contentType.startsWith('application/json')) {
      entry.json = JSON.parse(req.body);
    } else {
      entry.fields = await multipartFields(contentType, req.body);
    }
    received.push(entry);
    return { status: queue.shift() ?? 200, body: 'ok', headers: { 'Content-Type': 'text/plain' } };
  });
  return { url: `${server.baseUrl}/hook`, received, close: () => server.close() };
}

function multipartFields(contentType: string, raw: string): Promise<Array<[string, string]>> {
  return new Promise((resolve, reject) => {
    const fields: Array<[string, string]> = [];
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('field', (name, value) => fields.push([name, value]));
    parser.on('close', () => resolve(fields));
    parser.on('error', reject);
    parser.end(Buffer.from(raw));
  });
}

export const CALL_KEYS = [
  'Sid',
  'ParentCallSid',
  'DateCreated',
  'DateUpdated',
  'AccountSid',
  'To',
  'From',
  'PhoneNumberSid',
  'Status',
  'StartTime',
  'EndTime',
  'Duration',
  'Price',
  'Direction',
  'AnsweredBy',
  'ForwardedFrom',
  'CallerName',
  'Uri',
  'RecordingUrl',
  'SubResourceUris',
];

export const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
