// Builds a client on node-fetch against a loopback server, with a canary token to check it never leaks.
import fetch from 'node-fetch';
import { ExotelClient, ExotelClientOptions, FetchLike, RequestLog } from '../../../src/exotel';

export const CANARY_TOKEN = 'canary-tok-9f2c7e1d5b3a';
export const ACCOUNT = 'exotel_test_acct';
export const API_KEY = 'key-abc123';

export function makeClient(baseUrl: string, extra: Partial<ExotelClientOptions> = {}): { client: ExotelClient; logs: RequestLog[] } {
  const logs: RequestLog[] = [];
  const client = new ExotelClient({
    baseUrl,
    accountSid: ACCOUNT,
    apiKey: API_KEY,
    apiToken: CANARY_TOKEN,
    fetch: fetch as unknown as FetchLike,
    retryBaseMs: 5,
    log: e => logs.push(e),
    ...extra,
  });
  return { client, logs };
}

/** Runs `fn`, expecting it to throw; returns the error. */
export async function rejection(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection, but it resolved');
}
