import * as http from 'http';
import * as https from 'https';
import fetch from 'node-fetch';
import * as vscode from 'vscode';
import { ExotelClient, FetchLike, RateLimiter } from '../exotel';
import { setContext } from '../common/contexts';
import { Disposable } from '../common/disposable';
import { NotSignedInError } from '../common/errors';
import { Log } from '../common/log';
import { affects, setting } from '../common/settings';
import { RECONNECT_SETTINGS } from '../common/settingSpecs';
import { flowHostOf, Profile, SANDBOX_PROFILE_ID } from './profile';
import { ProfileStore } from './profileStore';

export interface Connection {
  profile: Profile;
  client: ExotelClient;
}

/**
 * The current account and its client. The client is built once per profile and settings change,
 * and every client shares one rate limiter, so all features together stay within Exotel's limit.
 */
export class Session extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires (synchronously) when the user signs in or out, switches profile, or changes a connection setting. */
  readonly onDidChange = this.changed.event;
  private limiter = new RateLimiter({ perMinute: setting('rateLimitPerMinute') });
  private readonly agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  private cached: Promise<Connection | undefined> | undefined;

  constructor(
    readonly profiles: ProfileStore,
    private readonly log: Log,
  ) {
    super();
    this.register(profiles.onDidChange(() => this.reset()));
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (affects(e, 'rateLimitPerMinute')) {
          this.limiter.dispose();
          this.limiter = new RateLimiter({ perMinute: setting('rateLimitPerMinute') });
        }
        if (affects(e, ...RECONNECT_SETTINGS)) this.reset();
      }),
    );
    this.register({
      dispose: () => {
        this.limiter.dispose();
        this.agents.http.destroy();
        this.agents.https.destroy();
      },
    });
  }

  /** The connection for the active profile, or undefined when signed out. */
  current(): Promise<Connection | undefined> {
    this.cached ??= this.build();
    return this.cached;
  }

  /** Like current(), but explains and offers sign-in when there is no account. */
  async require(): Promise<Connection> {
    const c = await this.current();
    if (!c) throw new NotSignedInError();
    return c;
  }

  /** A client for credentials not saved yet (sign-in checks them with it). */
  clientFor(baseUrl: string, accountSid: string, apiKey: string, apiToken: string, flowHost?: string): ExotelClient {
    this.log.addSecret(apiToken);
    this.log.addSecret(apiKey);
    return new ExotelClient({
      baseUrl,
      accountSid,
      apiKey,
      apiToken,
      fetch: fetch as unknown as FetchLike,
      agent: (url: URL) => (url.protocol === 'http:' ? this.agents.http : this.agents.https),
      limiter: this.limiter,
      timeoutMs: setting('requestTimeoutSeconds') * 1000,
      log: e => this.log.request(e),
      userAgent: `exotel-vscode/${vscode.version}`,
      flowHost,
    });
  }

  private reset(): void {
    this.cached = undefined;
    this.changed.fire();
    void this.current().then(c => setContext('exotel.signedIn', c !== undefined));
  }

  private async build(): Promise<Connection | undefined> {
    const account = await this.profiles.active();
    if (!account) return undefined;
    const override = setting('apiBaseUrl').trim();
    const baseUrl = override && account.profile.id !== SANDBOX_PROFILE_ID ? override : account.profile.baseUrl;
    try {
      const client = this.clientFor(baseUrl, account.profile.accountSid, account.secrets.apiKey, account.secrets.apiToken, flowHostOf(account.profile));
      return { profile: account.profile, client };
    } catch (err) {
      this.log.error(`Profile “${account.profile.name}” cannot be used`, err);
      return undefined;
    }
  }

  /** Sets the initial context key; call once after activation. */
  async init(): Promise<void> {
    await setContext('exotel.signedIn', (await this.current()) !== undefined);
  }
}
