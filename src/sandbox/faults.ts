// Fault injection for tests: queue a misbehaviour for the next N requests matching method/path, or for the next N
// StatusCallbacks matching a call and event (Exotel: "delivery may be delayed or have failures … implement fallback to
// the call details API", developer.exotel.com/?p=4278).
import { Format, Reply, restException } from './render';
import type { CallbackEvent } from './types';

/** What can happen to a StatusCallback on the way: never sent, sent twice, or sent after the call details show the end. */
export const CALLBACK_FAULT_KINDS = ['drop', 'duplicate', 'late'] as const;
export type CallbackFaultKind = (typeof CALLBACK_FAULT_KINDS)[number];
export type CallbackFault = { kind: 'drop' } | { kind: 'duplicate' } | { kind: 'late'; /** default 5000 */ ms?: number };

export interface CallbackFaultMatch {
  /** How many matching callbacks it applies to (default 1). */
  times?: number;
  callSid?: string;
  event?: CallbackEvent;
}

export type Fault =
  /** Wait, then answer normally (for client timeouts). */
  | { kind: 'delay'; ms: number }
  /** 503 {"RestException":{"Status":503,"Message":"Service Unavailable; ","Code":35008}} as observed from Calls/connect. */
  | { kind: '5xx' }
  /** A body the client cannot parse: truncated JSON (default) or a proxy's HTML error page. */
  | { kind: 'malformed'; variant?: 'truncated-json' | 'html'; body?: string; contentType?: string; status?: number }
  /** Destroy the socket without answering. */
  | { kind: 'drop' }
  /**
   * 429 as Exotel may send it: by default WITHOUT Retry-After (nothing in captured traffic shows one) and with a
   * RestException; `retryAfter` adds the header, `body: 'text'` sends a plain-text body, 'empty' none at all.
   */
  | { kind: '429'; retryAfter?: number; body?: 'json' | 'text' | 'empty'; message?: string }
  /** Any status and body (an object is sent as JSON). */
  | { kind: 'status'; status: number; body?: string | Record<string, unknown>; contentType?: string; headers?: Record<string, string> };

export interface FaultMatch {
  /** How many matching requests it applies to (default 1). */
  times?: number;
  method?: string;
  /** Tested against the path (without query); a string matches as a substring. */
  path?: RegExp | string;
}

interface Armed {
  fault: Fault;
  left: number;
  match: FaultMatch;
}

interface ArmedCallback {
  fault: CallbackFault;
  left: number;
  match: CallbackFaultMatch;
}

export class Faults {
  private armed: Armed[] = [];
  private armedCallbacks: ArmedCallback[] = [];

  next(fault: Fault, match: FaultMatch = {}): void {
    this.armed.push({ fault, left: match.times ?? 1, match });
  }

  /** Arms a fault for the next StatusCallback(s) matching `match` (any call, any event by default). */
  nextCallback(fault: CallbackFault, match: CallbackFaultMatch = {}): void {
    if (!CALLBACK_FAULT_KINDS.includes(fault.kind)) {
      throw new Error(`callback fault must be one of ${CALLBACK_FAULT_KINDS.join(', ')} (got '${String(fault.kind)}')`);
    }
    this.armedCallbacks.push({ fault, left: match.times ?? 1, match });
  }

  clear(): void {
    this.armed = [];
    this.armedCallbacks = [];
  }

  /** Faults still waiting to fire (counting each remaining time), requests and callbacks together. */
  get pending(): number {
    return [...this.armed, ...this.armedCallbacks].reduce((sum, a) => sum + a.left, 0);
  }

  /** The first armed callback fault for this call and event, consumed by one. */
  takeCallback(callSid: string, event: CallbackEvent): CallbackFault | undefined {
    return takeOne(this.armedCallbacks, a => (!a.match.callSid || a.match.callSid === callSid) && (!a.match.event || a.match.event === event));
  }

  /** The first armed fault matching this request, consumed by one. */
  take(method: string, path: string): Fault | undefined {
    return takeOne(this.armed, a => matchesRequest(a.match, method, path));
  }
}

function matchesRequest(match: FaultMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) {
    return false;
  }
  if (match.path === undefined) {
    return true;
  }
  return typeof match.path === 'string' ? path.includes(match.path) : match.path.test(path);
}

const HTML_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** The reply a fault stands for; undefined for delay/drop, which the server handles itself. */
export function faultReply(fault: Fault, format: Format): Reply | undefined {
  switch (fault.kind) {
    case '5xx':
      return restException(format, 503, 'Service Unavailable; ', 35008);
    case '429': {
      const message = fault.message ?? 'Too Many Requests';
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
      if (fault.body === 'text' || fault.body === 'empty') {
        return { status: 429, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body: fault.body === 'text' ? `${message}\n` : '' };
      }
      return restException(format, 429, message, undefined, headers);
    }
    case 'malformed': {
      const html = fault.variant === 'html';
      return {
        status: fault.status ?? (html ? 502 : 200),
        headers: { 'Content-Type': fault.contentType ?? (html ? 'text/html' : 'application/json; charset=utf-8') },
        body: fault.body ?? (html ? HTML_PAGE : '{"Call":{"Sid":"'),
      };
    }
    case 'status': {
      const body = fault.body;
      const json = typeof body === 'object';
      return {
        status: fault.status,
        headers: { 'Content-Type': fault.contentType ?? (json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8'), ...fault.headers },
        body: typeof body === 'object' ? JSON.stringify(body) : (body ?? ''),
      };
    }
    default:
      return undefined;
  }
}

/** Uses up one turn of the first armed fault that matches (it is disarmed after its last); undefined when none does. */
function takeOne<A extends { left: number; fault: unknown }>(armed: A[], matches: (a: A) => boolean): A['fault'] | undefined {
  const i = armed.findIndex(matches);
  if (i < 0) return undefined;
  const a = armed[i];
  a.left -= 1;
  if (a.left <= 0) armed.splice(i, 1);
  return a.fault;
}
