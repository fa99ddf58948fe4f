// Recordings live on the sandbox itself: a short silent MP3 at /sandbox/recordings/<CallSid>.mp3. Like Exotel's since
// Oct 2024, the plain RecordingUrl is private (Basic auth with the account's key and token). In "signed URLs" mode
// calls also carry PreSignedRecordingUrl: the same path with Expires + Signature, no credentials, refused once expired.
import { createHmac, timingSafeEqual } from 'crypto';

/** RecordingUrlValidity (fact sheet §2.3): 5–60 minutes, else 4XX; an account's default TTL is 5. */
export const RECORDING_VALIDITY_MINUTES = { min: 5, max: 60, accountDefault: 5 } as const;

export const RECORDING_PATH = /^\/sandbox\/recordings\/([0-9a-z]{32})\.mp3$/;

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

export function recordingUrl(baseUrl: string, callSid: string): string {
  return `${baseUrl}/sandbox/recordings/${callSid}.mp3`;
}

export function signedRecordingUrl(baseUrl: string, callSid: string, expiresAtMs: number, secret: string): string {
  const expires = Math.floor(expiresAtMs / 1000);
  return `${recordingUrl(baseUrl, callSid)}?Expires=${expires}&Signature=${sign(callSid, expires, secret)}`;
}

export type RecordingAccess = 'ok' | 'unsigned' | 'expired' | 'bad-signature';

/** 'unsigned' when the URL carries no signature (then credentials decide); signed ones must match and be unexpired. */
export function checkRecordingAccess(callSid: string, query: URLSearchParams, nowMs: number, secret: string): RecordingAccess {
  const expires = query.get('Expires');
  const signature = query.get('Signature');
  if (expires === null && signature === null) {
    return 'unsigned';
  }
  const expected = Buffer.from(sign(callSid, Number(expires), secret));
  const given = Buffer.from(signature ?? '');
  if (!/^\d+$/.test(expires ?? '') || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return 'bad-signature';
  }
  return Number(expires) * 1000 < nowMs ? 'expired' : 'ok';
}

function sign(callSid: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${callSid}:${expires}`).digest('hex').slice(0, 32);
}
