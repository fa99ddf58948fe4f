// What the sandbox received, kept so tests can assert the exact request a client sent.
import { IncomingHttpHeaders } from 'http';
import { Params, ParsedBody, toParams } from './body';
import { Fault } from './faults';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path and query, as sent. */
  url: string;
  query: Params;
  /** Lower-cased names, as Node gives them (e.g. headers.authorization). */
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** rawBody as UTF-8 text. */
  body: string;
  bodyKind: ParsedBody['kind'];
  /** Form fields, in order, repeated names kept. */
  fields: Array<[string, string]>;
  params: Params;
  receivedAt: Date;
  /** The status answered; undefined while in flight or when the socket was dropped. */
  status?: number;
  fault?: Fault['kind'];
  /** The request was accepted but is doubtful, e.g. an undocumented StatusCallbackEvents spelling. */
  warnings?: string[];
}

export function recordRequest(method: string, url: URL, headers: IncomingHttpHeaders, body: ParsedBody, receivedAt: Date): RecordedRequest {
  return {
    method,
    path: url.pathname,
    url: url.pathname + url.search,
    query: toParams([...url.searchParams]),
    headers,
    rawBody: body.raw,
    body: body.raw.toString('utf8'),
    bodyKind: body.kind,
    fields: body.fields,
    params: toParams(body.fields),
    receivedAt,
  };
}

/** Keeps the newest `max` entries so a long-running sandbox does not grow without bound. */
export function pushBounded<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) {
    list.splice(0, list.length - max);
  }
}
