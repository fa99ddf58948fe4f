// One request to the developer's URL, recorded on the run as it happens: sent through src/webhooks' sendRequest
// (timeout, answer capped, failure kind), never throwing. The checks of what Exotel needs of an answer live here too.
import { sendRequest } from '../webhooks/httpSend';
import { t } from '../common/callText/translate';
import type { FlowEvent, ProblemKind, RequestRecord } from './runModel';

export type RequestEvent = Extract<FlowEvent, { kind: 'request' }>;

export interface Sender {
  /** Adds the event to the run, tells the listener, and returns the stored event (update that one). */
  emit(event: Omit<RequestEvent, 'seq' | 'atMs'>): RequestEvent;
  update(event: RequestEvent): void;
  timeoutMs: number;
  maxBodyBytes: number;
  signal: AbortSignal;
}

export async function send(sender: Sender, appletId: string, request: RequestRecord, async = false): Promise<RequestEvent> {
  const event = sender.emit({ kind: 'request', appletId, request, done: false, ...(async ? { async } : {}) });
  const r = await sendRequest(
    { method: request.method, url: request.url, headers: request.headers, body: '' },
    { timeoutMs: sender.timeoutMs, maxAnswerBytes: sender.maxBodyBytes, signal: sender.signal },
  );
  event.response = {
    status: r.status,
    headers: r.headers,
    body: r.body,
    truncated: r.truncated,
    bodyBytes: r.bodyBytes,
    latencyMs: r.latencyMs,
    failure: r.failure,
    error: r.error,
  };
  event.done = true;
  if (r.failure) {
    event.problem = { kind: 'status', message: failureWords(r.failure, sender.timeoutMs, r.error) };
  } else if (r.truncated) {
    event.problem = { kind: 'too-large', message: t('The answer is {0} bytes or more; the first {1} are kept.', r.bodyBytes ?? 0, sender.maxBodyBytes) };
  }
  return event;
}

export function failureWords(failure: string, timeoutMs: number, error: string | undefined): string {
  switch (failure) {
    case 'timeout':
      return t('No answer within {0} ms (the applet timeout).', timeoutMs);
    case 'refused':
      return t('Connection refused: nothing listens at that address.');
    case 'reset':
      return t('The connection was closed before an answer.');
    default:
      return t('The request failed: {0}', error ?? failure);
  }
}

/** Finds a header whatever its case. */
export function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find(k => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/**
 * Whether the answer is usable: 200, complete, with the content type Exotel requires. Sets `event.problem` when not
 * and returns false. `contentType` is the media type needed ('text/plain', 'application/json').
 */
export function usable(event: RequestEvent, contentType: string): boolean {
  const r = event.response;
  if (!r || r.failure) return false;
  if (r.status !== 200) {
    event.problem = { kind: 'status', message: t('HTTP {0}: Exotel needs 200 OK here.', r.status ?? '?') };
    return false;
  }
  const type = (header(r.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== contentType) {
    event.problem = { kind: 'content-type', message: t('Content-Type is "{0}"; Exotel needs {1} here.', type || t('none'), contentType) };
    return false;
  }
  if (r.truncated) {
    event.problem = {
      kind: 'too-large',
      message: t('The answer is {0} bytes or more: too large to use (first {1} kept).', r.bodyBytes ?? 0, (r.body ?? '').length),
    };
    return false;
  }
  return true;
}

/** Parses a JSON body, setting the problem when it is not JSON (or not an object). */
export function jsonBody(event: RequestEvent): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(event.response?.body ?? '');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    event.problem = { kind: 'contract', message: t('The JSON is not an object.') };
  } catch {
    event.problem = { kind: 'not-json', message: t('The answer is not JSON.') };
  }
  return undefined;
}

export function setProblem(event: RequestEvent, kind: ProblemKind, message: string): void {
  event.problem = { kind, message };
}
