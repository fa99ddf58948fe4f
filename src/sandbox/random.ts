// Randomness: crypto for credentials and live Call SIDs, a seeded PRNG for reproducible history.
import { randomBytes } from 'crypto';

export type Rand = () => number;

/** mulberry32: tiny, fast, good enough for synthetic data; same seed → same history. */
export function seededRandom(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const cryptoRandom: Rand = () => randomBytes(4).readUInt32BE(0) / 4294967296;

export function randomHex(length: number, rand: Rand = cryptoRandom): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += Math.floor(rand() * 16).toString(16);
  }
  return out;
}

export function pick<T>(items: readonly T[], rand: Rand): T {
  return items[Math.floor(rand() * items.length)];
}

export function between(min: number, max: number, rand: Rand): number {
  return min + Math.floor(rand() * (max - min + 1));
}

// Exotel Call SIDs are 32 lowercase characters; several real ones end in a non-hex letter
// ("…1142k"), so live calls get 31 hex + a letter, the seeded history a mix of both forms.
const SUFFIX_LETTERS = 'ghijkmnpqrstuvwxyz';
export const CALL_SID_PATTERN = /^[0-9a-z]{32}$/;

export function newCallSid(rand: Rand = cryptoRandom, withLetter = true): string {
  return withLetter ? randomHex(31, rand) + pick([...SUFFIX_LETTERS], rand) : randomHex(32, rand);
}

/** FNV-1a: a stable hash so number-derived choices (circle, operator, timings) never change. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
