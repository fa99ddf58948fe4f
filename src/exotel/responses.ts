// Turns an HTTP answer into JSON or a typed error. Proxies answer with HTML, old paths with XML,
// broken connections with half a body: each gets its own message rather than a JSON parse stack.
import {
  AuthenticationError,
  ExotelApiError,
  ForbiddenError,
  ForbiddenReason,
  MalformedResponseError,
  NotFoundError,
  RateLimitError,
  ServerError,
} from './errors';
import { t } from '../common/callText/translate';

const MAX_MESSAGE = 300;

/** Keeps text from Exotel printable and short, so a hostile or huge body cannot flood a message. */
export function cleanText(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    return String(v);
  }
  if (typeof v !== 'string') {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  const t = v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (t === '') {
    return undefined;
  }
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE)}…` : t;
}

export function parseJsonBody(body: string, contentType: string): unknown {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body; // a BOM some servers prepend
  const start = text.search(/\S/);
  if (start < 0) {
    throw new MalformedResponseError(t('Exotel sent an empty answer.'), 'empty');
  }
  // The body decides, not the Content-Type: servers label JSON text/html, and a placed call must not read as a failure.
  try {
    return JSON.parse(text);
  } catch {
    // Say what came back instead, below.
  }
  const head = text.slice(start, start + 200).toLowerCase(); // no copy of a large body
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (contentType.includes('text/html') && head.startsWith('<'))) {
    throw new MalformedResponseError(t("An HTML page came back instead of Exotel's JSON: a proxy, a captive portal or a wrong base URL answered."), 'html', {
      nextText: t('Check the region or the `exotel.apiBaseUrl` setting.'),
    });
  }
  if (head.startsWith('<')) {
    throw new MalformedResponseError(t('Exotel answered in XML where JSON was asked for.'), 'xml', {
      nextText: t('Check that the base URL points at the v1 API.'),
    });
  }
  throw new MalformedResponseError(t("Exotel's answer was cut short or is not valid JSON."), 'truncated', {
    nextText: t('Try again; if it keeps happening, check your network or proxy.'),
  });
}

/** A 2xx body that holds only a RestException: Exotel refusing with the wrong HTTP status. */
export function restExceptionIn(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const o = json as Record<string, unknown>;
  return typeof o.RestException === 'object' && o.RestException !== null && !('Call' in o || 'Calls' in o || 'Numbers' in o);
}

interface RestException {
  status?: number;
  message?: string;
  code?: number | string;
}

/** Reads `RestException` from a JSON or XML error body, whatever else the body holds. */
export function readRestException(body: string): RestException {
  try {
    const json = JSON.parse(body) as { RestException?: Record<string, unknown> };
    const e = json && typeof json === 'object' ? json.RestException : undefined;
    if (e && typeof e === 'object') {
      const status = typeof e.Status === 'number' ? e.Status : Number(e.Status);
      const code = typeof e.Code === 'number' || typeof e.Code === 'string' ? e.Code : undefined;
      return { status: Number.isFinite(status) ? status : undefined, message: cleanText(e.Message), code };
    }
  } catch {
    // Not JSON: try the XML envelope below.
  }
  const tag = (name: string) => {
    const inner = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(body)?.[1];
    return inner?.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1');
  };
  if (body.includes('<RestException>')) {
    const code = tag('Code');
    return { status: Number(tag('Status')) || undefined, message: cleanText(decodeXmlText(tag('Message') ?? '')), code };
  }
  return {};
}

function decodeXmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Seconds or an HTTP date, as `Retry-After` allows; undefined when absent or nonsense. */
function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A short plain-text body (not JSON, XML or HTML), cleaned for a message. */
function plainText(body: string): string | undefined {
  return /^\s*[<{[]/.test(body) ? undefined : cleanText(body);
}

function forbiddenReason(message: string | undefined): ForbiddenReason {
  if (message && /kyc/i.test(message)) {
    return 'kyc';
  }
  if (message && /ndnc|\bdnd\b|do not disturb/i.test(message)) {
    return 'dnd';
  }
  return 'other';
}

export interface ErrorContext {
  status: number;
  body: string;
  retryAfter: string | null;
  /** What was being done, e.g. "Looking up call 40cc…", to start the message. */
  action: string;
  /** A connect whose failure does not prove Exotel refused it (a gateway's 5xx page). */
  mayHaveBeenSent?: boolean;
}

export function errorFromResponse({ status: httpStatus, body, retryAfter, action, mayHaveBeenSent }: ErrorContext): ExotelApiError {
  const rest = readRestException(body);
  // The body's Status is the more specific one when HTTP says only 400 (or 2xx): 404 "No matching results" came in a 400.
  const bodyStatus = rest.status !== undefined && rest.status >= 400 && rest.status < 600 ? rest.status : undefined;
  const status = bodyStatus !== undefined && (httpStatus === 400 || httpStatus < 300) ? bodyStatus : httpStatus < 300 ? 400 : httpStatus;
  const said = rest.message;
  const quote = said ? ` ${t('Exotel said: “{0}”', said)}` : '';
  const code = rest.code;
  const codeText = code !== undefined ? `, code ${code}` : '';
  const info = { action, mayHaveBeenSent };
  if (status === 401) {
    return new AuthenticationError(
      t(
        '{0} failed: Exotel did not accept the API key and token (401).{1} Check them, and check the region: ' +
          'accounts on the Mumbai cluster use api.in.exotel.com, the others api.exotel.com.',
        action,
        quote,
      ),
      status,
      said,
      code,
      { ...info, next: 'sign-in' },
    );
  }
  if (status === 403) {
    const reason = forbiddenReason(said);
    const hint =
      reason === 'kyc'
        ? t('Outbound calls need your business KYC to be completed in the Exotel dashboard (a TRAI rule).')
        : reason === 'dnd'
          ? t(
              "The number is on India's Do Not Disturb (NCPR) register: Exotel only connects transactional calls to numbers that called your ExoPhone in the last 6 months, or whitelisted numbers.",
            )
          : t('Your credentials are valid but this account may not use this API.');
    return new ForbiddenError(t('{0} was refused (403).{1} {2}', action, quote, hint), status, said, code, reason, info);
  }
  if (status === 404) {
    return new NotFoundError(t('{0} failed: nothing was found (404).{1}', action, quote), status, said, code, info);
  }
  if (status === 429) {
    const ms = parseRetryAfter(retryAfter);
    // A 429 may come as plain text rather than a RestException: that text is still Exotel's own message. Without
    // Retry-After the transport pauses every request for seconds (rateLimitPauseMs).
    const own = said ?? plainText(body);
    const wait =
      ms !== undefined
        ? t('Try again in {0} s.', Math.ceil(ms / 1000))
        : t('Exotel did not say how long to wait: requests from this editor pause for a few seconds; try again then.');
    const ownQuote = own ? ` ${t('Exotel said: “{0}”', own)}` : '';
    return new RateLimitError(t("{0} hit Exotel's rate limit (429: 200 requests a minute by default).{1}", action, ownQuote), own, code, ms, {
      ...info,
      next: 'retry',
      nextText: wait,
    });
  }
  if (status >= 500) {
    return new ServerError(t('{0} failed: Exotel is unavailable right now ({1}{2}).{3}', action, status, codeText, quote), status, said, code, {
      ...info,
      next: 'retry',
    });
  }
  const what = status === 400 ? t('Exotel rejected the request') : t('Exotel answered {0}', status);
  return new ExotelApiError(t('{0} failed: {1}{2}.{3}', action, what, codeText, quote || ` ${t('It gave no reason.')}`), status, said, code, info);
}
