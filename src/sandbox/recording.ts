// Recordings live on the sandbox itself: a short silent MP3 at /exotelrecordings/<account>/<file>.mp3, the shape of
// Exotel's own links (https://recordings.exotel.com/exotelrecordings/<account>/<file>.mp3). The file name is often the
// CallSid there, but also `<epoch>.<fraction>_<n>` (public consumer code and fixtures): so is it here, for about half
// the calls, and nothing may derive a CallSid from the link. Like Exotel's since Oct 2024, the plain RecordingUrl is
// private (Basic auth with the account's key and token). In "signed URLs" mode calls also carry PreSignedRecordingUrl:
// the same path with Expires + Signature, no credentials, refused once expired.
import { createHmac, timingSafeEqual } from 'crypto';
import { stableHash } from './random';

/** RecordingUrlValidity (fact sheet §2.3): 5–60 minutes, else 4XX; an account's default TTL is 5. */
export const RECORDING_VALIDITY_MINUTES = { min: 5, max: 60, accountDefault: 5 } as const;

/** /exotelrecordings/<account>/<file>.mp3 → account, file (without .mp3). */
export const RECORDING_PATH = /^\/exotelrecordings\/([^/]+)\/([0-9A-Za-z._-]+)\.mp3$/;

/**
 * One second of silence as MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono. A frame is a 4-byte header
 * followed by zeros: all-zero side info means no coded audio, which every decoder plays as silence.
 */
export const SILENT_MP3: Buffer = (() => {
  const frameBytes = Math.floor((144 * 128_000) / 44_100); // 417
  const frame = Buffer.alloc(frameBytes);
  frame.set([0xff, 0xfb, 0x90, 0xc0]);
  return Buffer.concat(Array.from({ length: 39 }, () => frame));
})();

/** What a recording is named: the CallSid, or (for about half the calls) Exotel's other style, `<epoch>.<fraction>_<n>`. */
export function recordingFileName(call: { sid: string; createdAt: number }): string {
  const h = stableHash(call.sid);
  if (h % 2 === 0) {
    return call.sid;
  }
  return `${Math.floor(call.createdAt / 1000)}.${String(h % 1_000_000).padStart(6, '0')}_${(h >>> 20) % 10}`;
}

export interface RecordingOwner {
  baseUrl: string;
  accountSid: string;
}

export function recordingUrl(where: RecordingOwner, call: { sid: string; createdAt: number }): string {
  return `${where.baseUrl}/exotelrecordings/${encodeURIComponent(where.accountSid)}/${recordingFileName(call)}.mp3`;
}

export function signedRecordingUrl(where: RecordingOwner, call: { sid: string; createdAt: number }, expiresAtMs: number, secret: string): string {
  const expires = Math.floor(expiresAtMs / 1000);
  return `${recordingUrl(where, call)}?Expires=${expires}&Signature=${sign(recordingFileName(call), expires, secret)}`;
}

export type RecordingAccess = 'ok' | 'unsigned' | 'expired' | 'bad-signature';

/** 'unsigned' when the URL carries no signature (then credentials decide); signed ones must match and be unexpired. */
export function checkRecordingAccess(file: string, query: URLSearchParams, nowMs: number, secret: string): RecordingAccess {
  const expires = query.get('Expires');
  const signature = query.get('Signature');
  if (expires === null && signature === null) {
    return 'unsigned';
  }
  const expected = Buffer.from(sign(file, Number(expires), secret));
  const given = Buffer.from(signature ?? '');
  if (!/^\d+$/.test(expires ?? '') || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return 'bad-signature';
  }
  return Number(expires) * 1000 < nowMs ? 'expired' : 'ok';
}

function sign(file: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${file}:${expires}`).digest('hex').slice(0, 32);
}
