// A callback body as fields (for the panel's table and the edit document), whatever its shape: multipart,
// JSON, urlencoded or anything else. Never throws: a body that cannot be read says why in `problem`.
import { randomBytes } from 'crypto';
import { flatten } from '../webhooks/wireFormat';
import type { OutgoingRequest } from '../webhooks/httpSend';
import { errorMessage } from '../base/errorMessage';
import { ValidationError } from '../exotel/errors';

export type PayloadKind = 'multipart' | 'json' | 'urlencoded' | 'text' | 'empty';

export interface ParsedPayload {
  kind: PayloadKind;
  /** Flattened names (`Legs[0][Status]`), in order; values as text. */
  fields: Array<[string, string]>;
  /** The parsed document, for JSON. */
  json?: unknown;
  problem?: string;
}

export function parsePayload(contentType: string | undefined, body: string): ParsedPayload {
  const type = (contentType ?? '').toLowerCase();
  if (!body) return { kind: 'empty', fields: [] };
  if (type.includes('json') || (!type && /^\s*[{[]/.test(body))) {
    try {
      const json: unknown = JSON.parse(body);
      const entries = json !== null && typeof json === 'object' ? Object.entries(json as object) : [['(value)', json] as [string, unknown]];
      return { kind: 'json', fields: flatten(entries), json };
    } catch (err) {
      return { kind: 'json', fields: [], problem: `Not valid JSON: ${errorMessage(err)}` };
    }
  }
  if (type.startsWith('multipart/form-data')) return parseMultipart(type, contentType ?? '', body);
  if (type.startsWith('application/x-www-form-urlencoded')) return { kind: 'urlencoded', fields: [...new URLSearchParams(body)] };
  return { kind: 'text', fields: [] };
}

function parseMultipart(_lower: string, contentType: string, body: string): ParsedPayload {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return { kind: 'multipart', fields: [], problem: 'multipart/form-data without a boundary' };
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const fields: Array<[string, string]> = [];
  const parts = body.split(delimiter);
  if (parts.length < 2) return { kind: 'multipart', fields, problem: 'The body does not contain the boundary named in Content-Type' };
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return { kind: 'multipart', fields, problem: 'A part has no blank line between its headers and its value' };
    const head = part.slice(0, split);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return { kind: 'multipart', fields, problem: 'A part has no name' };
    fields.push([name, part.slice(split + 4).replace(/\r\n$/, '')]);
  }
  return { kind: 'multipart', fields };
}

/** The document "Edit and Resend" opens: the request as plain, editable JSON. */
export interface EditableRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** multipart/form-data and urlencoded bodies as fields; JSON as `json`; anything else as `body`. */
  fields?: Record<string, string>;
  json?: unknown;
  body?: string;
}

const GENERATED = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

export function toEditable(request: OutgoingRequest): EditableRequest {
  const body = typeof request.body === 'string' ? request.body : request.body.toString('utf8');
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !GENERATED.has(k.toLowerCase())));
  const parsed = parsePayload(contentTypeOf(request.headers), body);
  const base = { method: request.method, url: request.url, headers };
  if (parsed.problem || parsed.kind === 'text') return { ...base, body };
  if (parsed.kind === 'json') return { ...base, json: parsed.json };
  if (parsed.kind === 'empty') return base;
  return { ...base, fields: Object.fromEntries(parsed.fields) };
}

/** Builds the request back from an edited document: a new multipart boundary, Content-Length left to the sender. */
export function fromEditable(value: unknown): OutgoingRequest {
  if (!value || typeof value !== 'object')
    throw new ValidationError('document', 'The document must be a JSON object with method, url, headers and fields (or json, or body).');
  const e = value as Partial<EditableRequest>;
  if (typeof e.url !== 'string' || !/^https?:\/\/[^/]+/i.test(e.url)) throw new ValidationError('url', '"url" must be an http:// or https:// URL.');
  const method = typeof e.method === 'string' && /^[A-Z]+$/i.test(e.method) ? e.method.toUpperCase() : 'POST';
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.headers ?? {})) if (!GENERATED.has(k.toLowerCase())) headers[k] = String(v);
  const typeKey = Object.keys(headers).find(k => k.toLowerCase() === 'content-type') ?? 'Content-Type';
  const type = (headers[typeKey] ?? '').toLowerCase();
  let body = '';
  if (e.fields !== undefined) {
    if (typeof e.fields !== 'object' || e.fields === null) throw new ValidationError('fields', '"fields" must be an object of names and values.');
    const entries = Object.entries(e.fields).map(([k, v]): [string, string] => [
      k,
      v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]);
    if (type.startsWith('application/x-www-form-urlencoded')) {
      body = new URLSearchParams(entries).toString();
    } else {
      const boundary = `----ExotelResend${randomBytes(8).toString('hex')}`;
      body =
        entries.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '%22')}"\r\n\r\n${v}\r\n`).join('') +
        `--${boundary}--\r\n`;
      headers[typeKey] = `multipart/form-data; boundary=${boundary}`;
    }
  } else if (e.json !== undefined) {
    body = JSON.stringify(e.json);
    if (!type.includes('json')) headers[typeKey] = 'application/json';
  } else if (typeof e.body === 'string') {
    body = e.body;
  }
  return { method, url: e.url, headers, body };
}

export function contentTypeOf(headers: Record<string, string>): string | undefined {
  const key = Object.keys(headers).find(k => k.toLowerCase() === 'content-type');
  return key === undefined ? undefined : headers[key];
}
