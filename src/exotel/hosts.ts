// Where the v1 API lives. Exotel runs two clusters; an account works only on its own.
import { fail } from './validate';
import { t } from '../common/callText/translate';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * `flowHost`: the dashboard host a flow's app id becomes a URL on. my.exotel.com is documented; my.in.exotel.com for
 * Mumbai accounts is what public scripts use and is not documented by Exotel, so a profile may choose either.
 */
export const REGIONS = {
  singapore: { label: 'Singapore (api.exotel.com)', baseUrl: 'https://api.exotel.com', flowHost: 'my.exotel.com' },
  mumbai: { label: 'Mumbai (api.in.exotel.com)', baseUrl: 'https://api.in.exotel.com', flowHost: 'my.in.exotel.com' },
} as const;
export type Region = keyof typeof REGIONS;

/**
 * The origin (and any proxy path prefix) that `/v1/Accounts/…` is appended to.
 * Credentials in a URL are refused: they would end up in logs and history.
 */
export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    // Not quoted back: a mistyped URL may carry a key and token (`https//KEY:TOKEN@…`).
    fail('baseUrl', t('The API base URL is not a valid URL: give it as https://host[/path], e.g. https://api.exotel.com, without a key or token in it.'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail('baseUrl', t('The API base URL must start with https:// (or http:// for a local sandbox or proxy).'));
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    fail(
      'baseUrl',
      t('Plain http:// would send your key and token unencrypted: use https:// (http:// is only for 127.0.0.1 or localhost, such as the sandbox).'),
    );
  }
  if (url.username || url.password) {
    fail('baseUrl', t('Put the API key and token in the sign-in prompts, not in the base URL.'));
  }
  if (url.search || url.hash) {
    fail('baseUrl', t('The API base URL must not have a query or fragment.'));
  }
  // Accept a pasted `…/v1/Accounts/<sid>` and keep only what comes before it.
  const path = url.pathname.replace(/\/v1(\/Accounts(\/[^/]*)?)?\/?$/i, '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
