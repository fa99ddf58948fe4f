// HTTP Basic auth: API key + API token (current), or account SID + token (the historic form
// old SDKs still send; docs/exotel-api-notes.md, Authentication).
import { timingSafeEqual } from 'crypto';

export interface Credentials {
  accountSid: string;
  apiKey: string;
  apiToken: string;
}

export type AuthResult = 'ok' | 'missing' | 'invalid' | 'wrong-account';

export function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/**
 * Valid credentials for another account's path count as an authentication failure (401), not a
 * 404: Exotel's credentials belong to one account, and Exotel's docs speak of "authentication failures" (docs/exotel-api-notes.md, Hosts and regions).
 */
export function authenticate(header: string | undefined, creds: Credentials, pathSid: string, acceptSidAuth: boolean): AuthResult {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) {
    return 'missing';
  }
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    return 'invalid';
  }
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const userOk = same(user, creds.apiKey) || (acceptSidAuth && same(user, creds.accountSid));
  if (!userOk || !same(password, creds.apiToken)) {
    return 'invalid';
  }
  return pathSid === creds.accountSid ? 'ok' : 'wrong-account';
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
