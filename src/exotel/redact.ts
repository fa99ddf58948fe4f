// Masks secrets in any text before it is logged or shown: tokens, keys and Authorization headers.

/** Replaces each secret (and Basic/Bearer credentials) in `text` with a mask. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{8,}/g, '$1 ***');
  out = out.replace(/(authorization["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1***');
  for (const s of secrets) {
    if (s && s.length >= 4) {
      out = out.split(s).join('***');
      const b64 = Buffer.from(s).toString('base64').replace(/=+$/, '');
      if (b64.length >= 8) out = out.split(b64).join('***');
    }
  }
  return out;
}
