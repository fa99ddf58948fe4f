// Where a suite runs: an in-process sandbox, or an account whose credentials come from EXOTEL_* variables.
// The client shares the caller's RateLimiter, so parallel tests (and anything else) stay within the limit.
import fetch from 'node-fetch';
import { ExotelClient, FetchLike, RateLimiter, RequestLog } from '../exotel';
import { Sandbox } from '../sandbox';
import { readEnvCredentials } from '../exotel/envCredentials';
import { RunTarget } from './runner';

/** The sandbox the CLI starts: calls end after 1 s, billing 0.5 s later; the rate limit is Exotel's. */
export const CLI_SANDBOX = { progressMs: 1000, postCallLagMs: 500 } as const;
export const SANDBOX_TIMEOUT_SECONDS = 60;
export const ACCOUNT_TIMEOUT_SECONDS = 300;
export const CALLBACKS_NEED_RECEIVER =
  'Callback expectations are checked on the sandbox only: on an account they need the Callbacks receiver (not available here), so this test was not run and placed no call.';

export interface ClientSetup {
  limiter: RateLimiter;
  log?: (e: RequestLog) => void;
}

export function sandboxTarget(sandbox: Sandbox, setup: ClientSetup, pollMs = CLI_SANDBOX.progressMs / 2): RunTarget & { client: ExotelClient } {
  const client = new ExotelClient({
    baseUrl: sandbox.baseUrl,
    accountSid: sandbox.accountSid,
    apiKey: sandbox.apiKey,
    apiToken: sandbox.apiToken,
    fetch: fetch as unknown as FetchLike,
    limiter: setup.limiter,
    log: setup.log,
  });
  return {
    client,
    callbacks: () => sandbox.callbacks,
    armCallbackFault: (callSid, kind, event) => sandbox.faults.nextCallback({ kind }, { callSid, event }),
    pollMs,
    defaultTimeoutSeconds: SANDBOX_TIMEOUT_SECONDS,
  };
}

/** An account from EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY, EXOTEL_API_TOKEN (+ EXOTEL_BASE_URL or EXOTEL_SUBDOMAIN). */
export function envTarget(env: NodeJS.ProcessEnv, setup: ClientSetup): (RunTarget & { client: ExotelClient }) | undefined {
  const creds = readEnvCredentials(env);
  if (!creds) return undefined;
  const client = new ExotelClient({ ...creds, fetch: fetch as unknown as FetchLike, limiter: setup.limiter, log: setup.log, timeoutMs: 30_000 });
  return { client, callbacksUnavailable: CALLBACKS_NEED_RECEIVER, pollMs: 5000, defaultTimeoutSeconds: ACCOUNT_TIMEOUT_SECONDS };
}
