// Masks secrets in any text before it is logged or shown: tokens, keys and Authorization headers.

/** Shorter values are not secrets worth masking: masking them would blank ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** True for a value long enough to be masked as a secret. */
export function isMaskable(s: string | undefined): s is string {
  return s !== undefined && s.length >= MIN_SECRET_LENGTH;
}

/** Replaces each secret (and Basic/Bearer credentials) in `text` with a mask. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{8,}/g, '$1 ***');
  out = out.replace(/(authorization["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1***');
  for (const s of secrets) {
    if (isMaskable(s)) {
      out = out.split(s).join('***');
      const b64 = Buffer.from(s).toString('base64').replace(/=+$/, '');
      if (b64.length >= 8) out = out.split(b64).join('***');
    }
  }
  return out;
}
