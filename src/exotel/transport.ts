// One HTTP exchange with Exotel: rate limit, timeout, cancellation, bounded retries for GETs,
// and a log line per attempt. The connect POST is never retried: one user action, one call.
import { CancelledError, ExotelError, MalformedResponseError, NetworkError, RateLimitError, ServerError, TimeoutError } from './errors';
import { t } from '../common/callText/translate';
import { RateLimiter } from './rateLimiter';
import { isMaskable, redact } from './redact';
import { errorFromResponse, parseJsonBody, readRestException, restExceptionIn } from './responses';

/** The slice of node-fetch (or global fetch) the client uses, so callers can pass either, with a proxy agent. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    agent?: unknown;
    /** node-fetch's own deadline in ms (request and body); other fetches may ignore it. */
    timeout?: number;
    redirect?: 'error' | 'follow' | 'manual';
  },
) => Promise<FetchResponse>;

export interface RequestLog {
  method: string;
  /** Path and query; never a credential (there are none in URLs). */
  path: string;
  status?: number;
  ms: number;
  attempt: number;
  error?: string;
}

export interface TransportOptions {
  fetch: FetchLike;
  /** Passed to fetch as `agent` (keep-alive, proxies). */
  agent?: unknown;
  limiter?: RateLimiter;
  timeoutMs?: number;
  /** Extra attempts for GETs after the first. */
  retries?: number;
  retryBaseMs?: number;
  /** Longest Retry-After the client waits out by itself. */
  maxRetryAfterMs?: number;
  /**
   * A 429 without Retry-After (all captured traffic): the shared limiter pauses this long, doubled on each further
   * attempt, and a GET retries after it. Seconds, so that nobody keeps hammering an API that said "too many".
   */
  rateLimitPauseMs?: number;
  log?: (entry: RequestLog) => void;
  userAgent?: string;
  random?: () => number;
  /** Masked in an error body before it is cut short for a message: a cut must not leave half a token. */
  secrets?: string[];
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  authorization: string;
  body?: string;
  signal?: AbortSignal;
  /** Opens error messages: "Placing the call", "Looking up call …". */
  action: string;
}

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

export class Transport {
  readonly limiter: RateLimiter;
  private readonly o: Required<Omit<TransportOptions, 'agent' | 'log' | 'limiter'>> & Pick<TransportOptions, 'agent' | 'log'>;

  constructor(options: TransportOptions) {
    this.limiter = options.limiter ?? new RateLimiter();
    this.o = {
      fetch: options.fetch,
      agent: options.agent,
      log: options.log,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 2,
      retryBaseMs: options.retryBaseMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      rateLimitPauseMs: options.rateLimitPauseMs ?? 5_000,
      userAgent: options.userAgent ?? 'exotel-vscode',
      random: options.random ?? Math.random,
      secrets: (options.secrets ?? []).filter(isMaskable),
    };
  }

  /** Sends the request and returns the parsed JSON body, or throws an ExotelError. */
  async json(req: HttpRequest): Promise<unknown> {
    const attempts = req.method === 'GET' ? this.o.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(req, attempt);
      } catch (err) {
        const wait = attempt < attempts ? this.retryDelay(err, attempt) : undefined;
        if (wait === undefined) throw err;
        await sleep(wait, req.signal);
      }
    }
  }

  private retryDelay(err: unknown, attempt: number): number | undefined {
    if (err instanceof RateLimitError) {
      const ms = err.retryAfterMs ?? this.rateLimitPause(attempt);
      return ms <= this.o.maxRetryAfterMs ? ms : undefined;
    }
    if (err instanceof ServerError || err instanceof NetworkError) {
      return this.backoff(attempt);
    }
    return undefined;
  }

  /** How long everyone waits after a 429 that did not say (attempt 1: rateLimitPauseMs, then doubling). */
  private rateLimitPause(attempt: number): number {
    return this.o.rateLimitPauseMs * 2 ** (attempt - 1);
  }

  /** Exponential backoff with full jitter, so many windows do not retry in step. */
  private backoff(attempt: number): number {
    const cap = this.o.retryBaseMs * 2 ** (attempt - 1);
    return Math.round(cap / 2 + (this.o.random() * cap) / 2);
  }

  private async once(req: HttpRequest, attempt: number): Promise<unknown> {
    await this.limiter.acquire(req.signal);
    const started = Date.now();
    const log = (status?: number, error?: string) =>
      this.o.log?.({ method: req.method, path: pathOf(req.url), status, ms: Date.now() - started, attempt, error });
    // The deadline covers the whole exchange, body included. node-fetch enforces `timeout` itself; the timer
    // below is for fetch implementations that ignore it. A signal goes to fetch only when the caller has one:
    // node-fetch 2 doubles its per-request cost with a signal attached.
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new Error('timeout'));
      }, this.o.timeoutMs);
    });
    try {
      const headers: Record<string, string> = {
        Authorization: req.authorization,
        Accept: 'application/json',
        'User-Agent': this.o.userAgent,
      };
      if (req.body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const exchange = (async () => {
        const res = await this.o.fetch(req.url, {
          // The v1 API never redirects; following one would carry the Authorization header elsewhere.
          method: req.method,
          headers,
          body: req.body,
          agent: this.o.agent,
          timeout: this.o.timeoutMs,
          redirect: 'error',
          ...(req.signal ? { signal: req.signal } : {}),
        });
        return { res, body: await res.text() };
      })();
      exchange.catch(() => undefined); // settled later by the race, or abandoned after the deadline
      const { res, body } = await Promise.race([exchange, deadline]);
      log(res.status);
      if (res.status === 429) {
        const e = errorFromResponse({ status: 429, body: this.masked(body), retryAfter: res.headers.get('retry-after'), action: req.action });
        // Every caller of the API waits, not only this request: Retry-After when Exotel gave one, else a pause of seconds.
        if (e instanceof RateLimitError) this.limiter.pauseFor(e.retryAfterMs ?? this.rateLimitPause(attempt));
        throw e;
      }
      if (res.status < 200 || res.status >= 300) {
        // A gateway's 5xx page (no RestException: Exotel did not say no) may come after Exotel took the call.
        const gatewayPage = req.method === 'POST' && res.status >= 500 && readRestException(body).message === undefined;
        throw errorFromResponse({
          status: res.status,
          body: this.masked(body),
          retryAfter: res.headers.get('retry-after'),
          action: req.action,
          mayHaveBeenSent: gatewayPage,
        });
      }
      let json: unknown;
      try {
        json = parseJsonBody(body, res.headers.get('content-type') ?? '');
      } catch (e) {
        // A connect answered 2xx may have placed the call, whatever the body looks like. An HTML page is most likely
        // not Exotel (a proxy, a portal, a wrong base URL), but nobody can say the call did not go through.
        if (req.method === 'POST' && e instanceof MalformedResponseError) {
          const detail =
            e.what === 'html'
              ? t(
                  "{0}: a server answered HTTP {1} with an HTML page instead of Exotel's JSON (a proxy, a captive portal or a wrong base URL). Whether the call reached Exotel is unknown.",
                  req.action,
                  res.status,
                )
              : t('{0}: Exotel accepted it (HTTP {1}), but its answer could not be read. {2}', req.action, res.status, e.detail);
          throw new MalformedResponseError(detail, e.what, { action: req.action, mayHaveBeenSent: true });
        }
        throw e;
      }
      if (restExceptionIn(json)) throw errorFromResponse({ status: res.status, body: this.masked(body), retryAfter: null, action: req.action });
      return json;
    } catch (err) {
      if (err instanceof ExotelError) throw err;
      const type = (err as { type?: string } | undefined)?.type;
      const mapped = this.mapFailure(err, req, timedOut || type === 'request-timeout' || type === 'body-timeout');
      log(undefined, mapped.name);
      throw mapped;
    } finally {
      clearTimeout(timer);
    }
  }

  private masked(body: string): string {
    return redact(body, this.o.secrets);
  }

  private mapFailure(err: unknown, req: HttpRequest, timedOut: boolean): ExotelError {
    const isPost = req.method === 'POST';
    const action = req.action;
    if (req.signal?.aborted) {
      return isPost
        ? new CancelledError(t('{0} was cancelled after it was sent.', action), { action, mayHaveBeenSent: true })
        : new CancelledError(t('{0} was cancelled.', action), { action });
    }
    if (timedOut) {
      const s = Math.round(this.o.timeoutMs / 1000);
      return new TimeoutError(t('{0} got no answer from Exotel within {1} s.', action, s), { action, mayHaveBeenSent: isPost });
    }
    // node-fetch puts `type`/`code` on the error; Node's global fetch (undici) puts `code` on `cause`.
    const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
    if ((err as { type?: string } | undefined)?.type === 'no-redirect' || /redirect/i.test(cause?.message ?? '')) {
      return new NetworkError(t('{0} failed: the server answered with a redirect, which is not followed with your credentials.', action), {
        action,
        next: 'check-region',
        nextText: t('Check the region or base URL.'),
      });
    }
    const code = (err as { code?: string } | undefined)?.code ?? cause?.code ?? '';
    const notSent = NOT_SENT_CODES.has(code);
    const where = hostOf(req.url);
    const reason =
      code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? t('{0} could not be found (no network, or a wrong base URL)', where)
        : code === 'ECONNREFUSED'
          ? t('{0} refused the connection (is the sandbox or proxy running?)', where)
          : code
            ? t('the connection to {0} failed ({1})', where, code)
            : t('the connection to {0} failed', where);
    return new NetworkError(t('{0} failed: {1}.', action, reason), { action, mayHaveBeenSent: isPost && !notSent });
  }
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return '(invalid URL)';
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
