// Masks secrets in any text before it is logged or shown: tokens, keys and Authorization headers, in every
// encoding a server or proxy might echo them in (raw, URL-encoded, Basic, bare base64 at any alignment).

const MASK = '***';

/** Shorter values are not secrets worth masking: masking them would blank ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** True for a value long enough to be masked as a secret. */
export function isMaskable(s: string | undefined): s is string {
  return s !== undefined && s.length >= MIN_SECRET_LENGTH;
}

/** Replaces each secret (and Basic/Bearer credentials) in `text` with a mask. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text.replace(/\b(Basic|Bearer)(\s+|%20|\+)[A-Za-z0-9+/=._~%-]{8,}/g, `$1$2${MASK}`);
  out = out.replace(/(authorization["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, `$1${MASK}`);
  // user:password@ in anything URL-like, well-formed or not (`https//KEY:TOKEN@api.exotel.com`).
  out = maskUserInfo(out);
  const forms = new Set<string>();
  for (const s of secrets) {
    if (isMaskable(s)) for (const form of encodings(s)) forms.add(form);
  }
  // Longest first: a key:token pair before its parts, so that no piece of the pair is left between two masks.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(MASK);
  return out;
}

/**
 * `user:password@` in anything URL-like, well-formed or not (`https//KEY:TOKEN@api.exotel.com`). Looks back from each
 * '@' only, over a bounded stretch, so a long body stays linear.
 */
function maskUserInfo(text: string): string {
  if (!text.includes('@')) return text;
  const USER_INFO = /[^\s/@:"'“”<>()[\]]{1,200}:[^\s/@:"'“”<>()[\]]{1,400}$/;
  let out = '';
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const start = Math.max(from, at - 601);
    const m = USER_INFO.exec(text.slice(start, at));
    if (!m) continue;
    out += text.slice(from, start + m.index) + MASK;
    from = at;
  }
  return out + text.slice(from);
}

/** A secret and a key:token pair, as text that `redact` masks: for clients that know both. */
export function credentialSecrets(apiKey: string, apiToken: string): string[] {
  return [apiToken, apiKey, `${apiKey}:${apiToken}`].filter(s => s.length >= 4);
}

/**
 * Every form of `secret` worth masking: itself, URL-encoded, and the base64 (and base64url) characters that
 * depend on it alone when it starts at each of the three byte alignments of a longer base64 text — so a token
 * echoed inside base64 of `key:token`, or of anything else, is masked wherever it falls.
 */
export function encodings(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret)]);
  const bytes = Buffer.from(secret, 'utf8');
  for (let lead = 0; lead < 3; lead++) {
    const b64 = Buffer.concat([Buffer.alloc(lead), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    // Characters before `skip` carry bits of the bytes in front; those past `end` carry bits of the bytes after.
    const skip = Math.ceil((lead * 8) / 6);
    const end = Math.floor(((lead + bytes.length) * 8) / 6);
    const core = b64.slice(skip, end);
    if (core.length < 6) continue;
    for (const form of [core, core.replace(/\+/g, '-').replace(/\//g, '_')]) {
      forms.add(form);
      forms.add(encodeURIComponent(form));
    }
  }
  return [...forms];
}
