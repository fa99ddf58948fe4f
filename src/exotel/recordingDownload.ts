// Fetches a recording's bytes. The key and token go only with a private link on an Exotel host (or the API's own
// origin), in an Authorization header, never in a URL; redirects are then refused, so they cannot follow elsewhere.
import { CancelledError, ExotelApiError, ExotelError, NetworkError, TimeoutError } from './errors';
import { mayCarryCredentials, RecordingSource } from './recordings';
import { cleanText } from './responses';
import { t } from '../common/callText/translate';
import { FetchLike } from './transport';

/** A recording that could not be fetched: says why and what to do. */
export class RecordingError extends ExotelApiError {
  override readonly kind = 'forbidden';
}

export interface RecordingFetchOptions {
  signal?: AbortSignal;
  /** Each chunk as it arrives; may return a promise (a file write) that is waited for. */
  onData(chunk: Uint8Array): void | Promise<void>;
  /** Bytes so far, and the total when the server said. */
  onProgress?(received: number, total: number | undefined): void;
}

export interface RecordingFetchContext {
  fetch: FetchLike;
  agent?: unknown;
  authorization: string;
  apiBaseUrl: string;
  userAgent: string;
  /** Until the answer's headers arrive. */
  timeoutMs: number;
  maxBytes: number;
}

/** A body readable chunk by chunk: node-fetch's Readable and the global fetch's ReadableStream both iterate. */
type ChunkBody = AsyncIterable<Uint8Array>;

export async function fetchRecording(
  ctx: RecordingFetchContext,
  source: RecordingSource,
  o: RecordingFetchOptions,
): Promise<{ bytes: number; contentType?: string }> {
  const withCredentials = source.kind === 'private' && mayCarryCredentials(source.url, ctx.apiBaseUrl);
  const headers: Record<string, string> = { 'User-Agent': ctx.userAgent, Accept: 'audio/*, */*' };
  if (withCredentials) headers.Authorization = ctx.authorization;
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, ctx.timeoutMs);
  try {
    if (o.signal?.aborted) throw new CancelledError(t('The recording download was cancelled.'));
    const res = await ctx.fetch(source.url, {
      method: 'GET',
      headers,
      agent: ctx.agent,
      signal: ac.signal,
      redirect: withCredentials ? 'error' : 'follow',
    });
    clearTimeout(timer);
    if (res.status < 200 || res.status >= 300) throw refusal(source, res.status, await res.text().catch(() => ''));
    const length = Number(res.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : undefined;
    if (total !== undefined && total > ctx.maxBytes) throw tooLarge(ctx.maxBytes);
    const body = (res as unknown as { body?: ChunkBody }).body;
    let bytes = 0;
    if (body && typeof body[Symbol.asyncIterator] === 'function') {
      for await (const chunk of body) {
        bytes += chunk.length;
        if (bytes > ctx.maxBytes) throw tooLarge(ctx.maxBytes);
        await o.onData(chunk);
        o.onProgress?.(bytes, total);
      }
    } else {
      const whole = Buffer.from(await res.text(), 'binary');
      bytes = whole.length;
      await o.onData(whole);
      o.onProgress?.(bytes, total);
    }
    return { bytes, contentType: res.headers.get('content-type') ?? undefined };
  } catch (err) {
    if (err instanceof ExotelError) throw err;
    if (o.signal?.aborted) throw new CancelledError(t('The recording download was cancelled.'));
    if (timedOut) throw new TimeoutError(t('The recording server did not answer within {0} s.', Math.round(ctx.timeoutMs / 1000)), { next: 'retry' });
    const type = (err as { type?: string } | undefined)?.type;
    if (type === 'no-redirect') {
      throw new NetworkError(t('The recording link redirected elsewhere; it was not followed with your credentials. Open it in the browser instead.'), {
        next: 'none',
      });
    }
    const code = (err as { code?: string; cause?: { code?: string } } | undefined)?.code ?? (err as { cause?: { code?: string } }).cause?.code;
    throw new NetworkError(t('The recording could not be downloaded: the connection to {0} failed{1}.', hostOf(source.url), code ? ` (${code})` : ''));
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}

/** The sentence for a refused recording: private recordings, an expired signed link, a missing file. */
function refusal(source: RecordingSource, status: number, body: string): RecordingError {
  const said = /^\s*</.test(body) ? undefined : cleanText(body);
  if ((status === 401 || status === 403) && source.kind === 'presigned') {
    return new RecordingError(
      t('The signed recording link was refused ({0}); it has most likely expired. Refresh the call details for a fresh link.', status),
      status,
      said,
      undefined,
      { next: 'retry', nextText: '' },
    );
  }
  if (status === 401 || status === 403) {
    const how =
      source.kind === 'private'
        ? t('Exotel refused the API key and token for it')
        : t('this link is not on an Exotel host, so it was fetched without credentials');
    return new RecordingError(
      t(
        "The recording could not be fetched ({0}): {1}. Recordings on this account are private: ask Exotel to enable signed URLs (PreSignedRecordingUrl), or whitelist this machine's IP.",
        status,
        how,
      ),
      status,
      said,
      undefined,
    );
  }
  if (status === 404) {
    return new RecordingError(
      t('No recording at this link (404). Exotel adds a recording a little after the call ends; Refresh the call details and try again.'),
      status,
      said,
      undefined,
    );
  }
  return new RecordingError(t('The recording could not be fetched: the server answered {0}.', status), status, said, undefined, { next: 'retry' });
}

function tooLarge(max: number): RecordingError {
  return new RecordingError(
    t('The recording is larger than {0} MB; it was not downloaded. Open it in the browser instead.', Math.round(max / 1_000_000)),
    413,
    undefined,
    undefined,
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
