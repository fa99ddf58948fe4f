// Call recordings. Since 8 Oct 2024 Exotel's RecordingUrl is private: it needs the account's key and token (or a
// whitelisted IP). Accounts with signed URLs also get PreSignedRecordingUrl, which needs nothing and expires.
import { Call } from './models';

/** How a recording can be fetched, decided from its links alone. */
export type RecordingSource =
  /** The pre-signed link: no credentials, valid until it expires. */
  | { kind: 'presigned'; url: string }
  /** The private link on an Exotel host (or the API's own origin): fetched with the API key and token. */
  | { kind: 'private'; url: string }
  /** A link elsewhere: shown, opened without credentials, never sent them. */
  | { kind: 'foreign'; url: string };

/** Exotel's own hosts: exotel.com and exotel.in and their subdomains. */
export function isExotelHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return /(^|\.)exotel\.(com|in)$/.test(h);
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Whether the account's credentials may go with a request for `url`: only over https to an Exotel host, or to
 * the origin the API itself is reached at (the sandbox, a proxy), which gets them on every request anyway.
 * Never when the URL carries a user name or password of its own.
 */
export function mayCarryCredentials(url: string, apiBaseUrl: string): boolean {
  const u = parse(url);
  if (!u || u.username || u.password) return false;
  if (u.protocol === 'https:' && isExotelHost(u.hostname)) return true;
  const base = parse(apiBaseUrl);
  return Boolean(base && u.origin === base.origin);
}

/** The best way to get this call's recording, or undefined when it has none. */
export function recordingSource(call: Pick<Call, 'recordingUrl' | 'preSignedRecordingUrl'>, apiBaseUrl: string): RecordingSource | undefined {
  const signed = call.preSignedRecordingUrl;
  if (signed && /^https?:$/.test(parse(signed)?.protocol ?? '')) return { kind: 'presigned', url: signed };
  const plain = call.recordingUrl;
  if (!plain || !/^https?:$/.test(parse(plain)?.protocol ?? '')) return undefined;
  return mayCarryCredentials(plain, apiBaseUrl) ? { kind: 'private', url: plain } : { kind: 'foreign', url: plain };
}

/** A recording name for a save dialog: the Call SID and the link's extension (mp3 unless it says otherwise). */
export function recordingFileName(callSid: string, url: string): string {
  const ext = /\.(mp3|wav|ogg|m4a)$/i.exec(parse(url)?.pathname ?? '')?.[1]?.toLowerCase() ?? 'mp3';
  return `${callSid}.${ext}`;
}
