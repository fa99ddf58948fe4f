// The Exotel v1 voice API client. Editor-free: everything it needs (fetch, agent, limiter, log) is passed in.
import { CallFilter, encodeCallFilter, FilterContext } from './callFilters';
import { ConnectCallParams, connectCallForm, ConnectToFlowParams, connectToFlowForm, encodeForm } from './connectParams';
import { decodeCallEnvelope, decodeCallPage, decodeNumberMetadata } from './decode';
import { ExotelError, MalformedResponseError } from './errors';
import { normalizeBaseUrl } from './hosts';
import { Call, CallPage, NumberMetadata } from './models';
import { fetchRecording, RecordingFetchOptions } from './recordingDownload';
import { recordingSource, RecordingSource } from './recordings';
import { credentialSecrets, redact } from './redact';
import { HttpRequest, Transport, TransportOptions } from './transport';
import { t } from '../common/callText/translate';
import { CALL_SID_PATTERN, fail, phoneField, recordingValidityField } from './validate';

export interface Credentials {
  accountSid: string;
  apiKey: string;
  apiToken: string;
}

export interface ExotelClientOptions extends TransportOptions, Credentials {
  /** `https://api.exotel.com`, `https://api.in.exotel.com`, a proxy or the sandbox. */
  baseUrl: string;
  /** The account's zone, east of UTC in minutes, for date filters (IST by default). */
  offsetMinutes?: number;
  now?: () => Date;
  /** The dashboard host a flow's app id becomes a URL on (default my.exotel.com). */
  flowHost?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface GetCallOptions extends RequestOptions {
  details?: boolean;
  /** Minutes the recording link stays valid, within RECORDING_URL_VALIDITY. */
  recordingUrlValidity?: number;
}

/** A request as it would be sent, for dry runs ("Copy as cURL"); the token is masked. */
export interface DescribedRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  body?: string;
  form?: Array<[string, string]>;
}

export class ExotelClient {
  readonly baseUrl: string;
  readonly accountSid: string;
  private readonly transport: Transport;
  private readonly authorization: string;
  private readonly apiKey: string;
  /** Masked in every error that leaves the client, and in error bodies before they are cut short. */
  private readonly secrets: string[];

  constructor(private readonly options: ExotelClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    for (const [field, v] of [
      ['account SID', options.accountSid],
      ['API key', options.apiKey],
      ['API token', options.apiToken],
    ] as const) {
      if (typeof v !== 'string' || v.trim() === '') fail(field, t('The {0} is missing; sign in again.', field));
    }
    this.accountSid = options.accountSid.trim();
    this.apiKey = options.apiKey.trim();
    this.authorization = `Basic ${Buffer.from(`${this.apiKey}:${options.apiToken.trim()}`).toString('base64')}`;
    this.secrets = credentialSecrets(this.apiKey, options.apiToken.trim());
    this.transport = new Transport({ ...options, secrets: this.secrets });
  }

  get limiter() {
    return this.transport.limiter;
  }

  /** Connects two numbers: From (the agent) is called first, then To. Never retried. */
  async connectCall(params: ConnectCallParams, opts: RequestOptions = {}): Promise<Call> {
    const form = connectCallForm(params);
    return this.postConnect(form, opts, t('Placing the call'));
  }

  /** Connects a number to a call flow, given by app id or by URL. Never retried. */
  async connectToFlow(params: ConnectToFlowParams, opts: RequestOptions = {}): Promise<Call> {
    const form = connectToFlowForm(params, this.accountSid, this.options.flowHost);
    return this.postConnect(form, opts, t('Connecting the call to the flow'));
  }

  /** The exact request a connect would send, with the token masked, without sending it. */
  describeConnect(params: ConnectCallParams | ConnectToFlowParams): DescribedRequest {
    const form = 'flow' in params ? connectToFlowForm(params, this.accountSid, this.options.flowHost) : connectCallForm(params);
    return {
      method: 'POST',
      url: this.url('/Calls/connect.json'),
      headers: {
        Authorization: 'Basic base64(<API key>:<API token>)',
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: encodeForm(form),
      form,
    };
  }

  async getCall(callSid: string, opts: GetCallOptions = {}): Promise<Call> {
    const sid = typeof callSid === 'string' ? callSid.trim() : '';
    if (!CALL_SID_PATTERN.test(sid)) fail('CallSid', t("“{0}” is not a call SID: Exotel's are 32 lowercase letters and digits.", sid.slice(0, 40)));
    const q: Array<[string, string]> = [];
    if (opts.details) q.push(['details', 'true']);
    if (opts.recordingUrlValidity !== undefined) {
      q.push(['RecordingUrlValidity', String(recordingValidityField(opts.recordingUrlValidity))]);
    }
    const body = await this.get(this.url(`/Calls/${sid}.json`, q), opts, t('Looking up call {0}', sid));
    return decodeCallEnvelope(body);
  }

  /** One page of the call log; follow `nextPageUri` with `nextPage`. */
  async listCalls(filter: CallFilter = {}, opts: RequestOptions = {}): Promise<CallPage> {
    const q = encodeCallFilter(filter, this.filterContext());
    return decodeCallPage(await this.get(this.url('/Calls.json', q), opts, t('Listing calls')));
  }

  /** The page after `page`, or undefined on the last page. */
  async nextPage(page: CallPage, opts: RequestOptions = {}): Promise<CallPage | undefined> {
    if (!page.nextPageUri) return undefined;
    return decodeCallPage(await this.get(this.pageUrl(page.nextPageUri), opts, t('Loading more calls')));
  }

  /** The page before `page` (Exotel's PrevPageUri), or undefined on the first page. */
  async previousPage(page: CallPage, opts: RequestOptions = {}): Promise<CallPage | undefined> {
    if (!page.prevPageUri) return undefined;
    return decodeCallPage(await this.get(this.pageUrl(page.prevPageUri), opts, t('Loading earlier calls')));
  }

  /** Every page of a filter, one request at a time, within the rate limit. */
  async *pages(filter: CallFilter = {}, opts: RequestOptions = {}): AsyncGenerator<CallPage> {
    let page: CallPage | undefined = await this.listCalls(filter, opts);
    const seen = new Set<string>();
    while (page) {
      yield page;
      // A server that hands back a cursor it already gave would page forever: stop there.
      if (!page.nextPageUri || seen.has(page.nextPageUri)) return;
      seen.add(page.nextPageUri);
      page = await this.nextPage(page, opts);
    }
  }

  async getNumberMetadata(phoneNumber: string, opts: RequestOptions = {}): Promise<NumberMetadata> {
    const e164 = phoneField('Phone number', phoneNumber);
    const body = await this.get(this.url(`/Numbers/${encodeURIComponent(e164)}.json`), opts, t('Looking up {0}', e164));
    return decodeNumberMetadata(body, e164);
  }

  /** How this call's recording can be fetched: pre-signed, private (with our credentials) or a foreign link. */
  recordingSource(call: Pick<Call, 'recordingUrl' | 'preSignedRecordingUrl'>): RecordingSource | undefined {
    return recordingSource(call, this.baseUrl);
  }

  /**
   * Streams a recording to `o.onData`. The key and token go only with a private link on an Exotel host or this
   * client's own origin (see mayCarryCredentials), in a header; a pre-signed or foreign link gets none.
   */
  async fetchRecording(source: RecordingSource, o: RecordingFetchOptions): Promise<{ bytes: number; contentType?: string }> {
    try {
      return await fetchRecording(
        {
          fetch: this.options.fetch,
          agent: this.options.agent,
          authorization: this.authorization,
          apiBaseUrl: this.baseUrl,
          userAgent: this.options.userAgent ?? 'exotel-vscode',
          timeoutMs: this.options.timeoutMs ?? 30_000,
          maxBytes: 200_000_000,
        },
        source,
        o,
      );
    } catch (err) {
      if (err instanceof ExotelError) err.message = redact(err.message, this.secrets);
      throw err;
    }
  }

  private filterContext(): FilterContext {
    return { now: this.options.now?.(), offsetMinutes: this.options.offsetMinutes };
  }

  private url(path: string, query: Array<[string, string]> = []): string {
    const qs = query.length ? `?${new URLSearchParams(query).toString()}` : '';
    return `${this.baseUrl}/v1/Accounts/${encodeURIComponent(this.accountSid)}${path}${qs}`;
  }

  /**
   * Page URIs come from the server: follow them only within this account's call list, never elsewhere
   * with our credentials. Relative (as documented) or absolute on our own origin; always `.json`.
   */
  private pageUrl(uri: string): string {
    const base = new URL(this.baseUrl);
    const basePath = base.pathname.replace(/\/+$/, '');
    let u: URL | undefined;
    try {
      // URL encodes raw spaces and folds `..`; a relative link resolves against our own origin.
      u = new URL(uri.trim(), base.origin);
    } catch {
      u = undefined;
    }
    let path = u && u.origin === base.origin ? u.pathname : '';
    // Exotel's links start at /v1; behind a proxy prefix they may already carry it.
    if (basePath && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
    const prefix = `/v1/Accounts/${encodeURIComponent(this.accountSid)}/Calls`;
    if (!u || (path !== prefix && path !== `${prefix}.json`)) {
      throw new MalformedResponseError(t("Exotel returned a page link outside this account's call list; it was not followed."), 'shape');
    }
    return `${this.baseUrl}${prefix}.json${u.search}`;
  }

  private get(url: string, opts: RequestOptions, action: string): Promise<unknown> {
    return this.send({ method: 'GET', url, authorization: this.authorization, signal: opts.signal, action });
  }

  private async postConnect(form: Array<[string, string]>, opts: RequestOptions, action: string): Promise<Call> {
    const body = await this.send({
      method: 'POST',
      url: this.url('/Calls/connect.json'),
      authorization: this.authorization,
      body: encodeForm(form),
      signal: opts.signal,
      action,
    });
    try {
      return decodeCallEnvelope(body);
    } catch (e) {
      if (!(e instanceof MalformedResponseError)) throw e;
      throw new MalformedResponseError(t('{0}: Exotel accepted it, but its answer was not a call. {1}', action, e.detail), e.what, {
        action,
        mayHaveBeenSent: true,
      });
    }
  }

  /**
   * A hostile or buggy server may echo our credentials: no error message carries them out. Messages are built from
   * masked bodies already; this last mask is the safety net, and the only change made to a message after the fact.
   */
  private async send(req: HttpRequest): Promise<unknown> {
    try {
      return await this.transport.json(req);
    } catch (err) {
      if (err instanceof ExotelError) {
        err.message = redact(err.message, this.secrets);
        err.stack = err.stack && redact(err.stack, this.secrets);
      }
      throw err;
    }
  }
}
