// Masking for what leaves the editor (exports, cURL, fixtures) and what the panel shows: secret headers and
// URL credentials always; phone numbers and SIDs when a fixture is meant for a bug report.
import { redact } from '../exotel/redact';

export const MASK = '***';
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$|token|secret|signature|password|api[-_]?key/i;
const SECRET_PARAM = /token|secret|sig|signature|password|passwd|auth|credential|api[-_]?key|^key$|access[-_]?key|x-amz-security/i;

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADER.test(k) ? MASK : v]));
}

/** user:password@ and secret-looking query values (tokens, signatures) become ***. */
export function maskUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return redact(url);
  }
  if (u.username || u.password) {
    u.username = MASK;
    u.password = '';
  }
  for (const name of [...new Set(u.searchParams.keys())]) if (SECRET_PARAM.test(name)) u.searchParams.set(name, MASK);
  // Keep the original text when nothing changed (URL() would normalise it).
  const masked = u.toString();
  return masked === new URL(url).toString() ? url : masked.replace(/%2A%2A%2A/g, MASK);
}

/** Every URL inside a text (a body), plus Basic/Bearer credentials. */
export function maskText(text: string): string {
  return redact(text.replace(/https?:\/\/[^\s"'<>\\]+/g, m => maskUrl(m)));
}

/** For fixtures: phone numbers keep their last 4 digits, SIDs their first 4 characters, account paths go. */
export function maskIdentifiers(text: string): string {
  return text
    .replace(/\/Accounts\/[^/\s"'?]+/g, '/Accounts/ACCOUNT_SID')
    .replace(/\b(?=[0-9a-z]*\d)[0-9a-z]{32}\b/g, sid => `${sid.slice(0, 4)}${'x'.repeat(28)}`)
    .replace(/(?<![\w.:-])\+?\d{10,13}(?![\w.:-])/g, n => {
      const total = n.replace(/\D/g, '').length;
      let seen = 0;
      return n.replace(/\d/g, d => (++seen > total - 4 ? d : 'X'));
    });
}
