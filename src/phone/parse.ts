// Parsing one number typed or pasted by a user. libphonenumber does the real work (validity, type,
// formats); the code here only screens the input so that the failure reason can be specific.
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
  type PhoneNumberType,
} from 'libphonenumber-js/core';
import { indianNumberType } from './india-type';
import { reasons } from './messages';
import { metadata } from './metadata';
import type { ParseResult, PhoneKind, PhoneNumberInfo } from './types';

const DEFAULT_COUNTRY = 'IN';

/** The libphonenumber country for a user-supplied code, or undefined when it is not a known country. */
export function toCountry(code: string | undefined): CountryCode | undefined {
  const upper = (code || DEFAULT_COUNTRY).trim().toUpperCase() as CountryCode;
  return isSupportedCountry(upper, metadata) ? upper : undefined;
}

function kindOf(country: string | undefined, type: PhoneNumberType | undefined): PhoneKind {
  switch (type) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'landline';
    case 'TOLL_FREE':
      return 'tollfree';
    // India's 1860 numbers are "shared cost" to libphonenumber, but they are sold and listed together with
    // 1800 numbers as toll-free service numbers (Exotel's "Toll-Free" ExoPhones), so users expect that label.
    case 'SHARED_COST':
      return country === 'IN' ? 'tollfree' : 'other';
    default:
      return 'other'; // includes FIXED_LINE_OR_MOBILE (e.g. US numbers) and numbers without type data
  }
}

/**
 * The info for a valid number. The two formatted forms cost ~7 µs each in libphonenumber and a hover needs
 * them for one number out of a whole line, so they are computed on first read (still plain enumerable fields).
 */
function toInfo(n: PhoneNumber, type: PhoneNumberType | undefined): PhoneNumberInfo {
  let national: string | undefined;
  let international: string | undefined;
  return Object.freeze({
    e164: n.number,
    get national(): string {
      return (national ??= n.formatNational());
    },
    // Exotel prefers E.164 for every number; libphonenumber gives Indian toll-free numbers one too (+91 1800…).
    exotel: n.number,
    get international(): string {
      return (international ??= n.formatInternational());
    },
    country: n.country,
    kind: kindOf(n.country, type),
    isIndian: n.country === 'IN',
  });
}

export interface ValidNumber {
  info: PhoneNumberInfo;
  type: PhoneNumberType | undefined;
}

/**
 * The number if `text` is a valid one. Where the metadata has types, validity is "has a type" (that is what
 * isValid() computes, at ~10 µs a call); isValid() is only asked for countries without type data.
 */
function validate(text: string, country: CountryCode | undefined): { n: PhoneNumber; type: PhoneNumberType | undefined } | undefined {
  const n = parsePhoneNumberFromString(text, { defaultCountry: country, extract: false }, metadata);
  if (!n) return undefined;
  if (n.country === 'IN') {
    const type = indianNumberType(n.nationalNumber);
    return type ? { n, type } : undefined;
  }
  const type = n.getType();
  return type !== undefined || n.isValid() ? { n, type } : undefined;
}

// Hovers re-scan the same lines and logs repeat the same numbers, so remember recent answers.
const CACHE_LIMIT = 5000;
const cache = new Map<string, ValidNumber | null>();

/** Forgets remembered answers: for benchmarks that want cold timings. */
export function clearPhoneCache(): void {
  cache.clear();
}

/** A valid number or undefined, without reasons: the fast path for scanning text. */
export function parseValid(text: string, country: CountryCode | undefined): ValidNumber | undefined {
  const key = `${country ?? ''} ${text}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    const v = validate(text, country);
    hit = v ? { info: toInfo(v.n, v.type), type: v.type } : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, hit);
  }
  return hit ?? undefined;
}

const MASKS = 'Xx*•';
const SEPARATORS = '-‐‑‒–—―−./()';
const EXTENSION = /(?:ext|extn|extension|x)\.?\s*\d+$/i;

/** Screens characters that libphonenumber would reject with a vague NOT_A_NUMBER, so the reason is specific. */
function inputProblem(text: string): string | undefined {
  let digits = 0;
  let masks = 0;
  let maskBetweenDigits = false;
  let letters = '';
  let stray = '';
  let misplacedPlus = false;
  let seenContent = false; // anything but whitespace and '(' before a '+' makes it misplaced
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch >= '0' && ch <= '9') {
      digits++;
    } else if (ch === '+') {
      misplacedPlus ||= seenContent;
    } else if (MASKS.includes(ch)) {
      masks++;
      if (ch === 'x' || ch === 'X') letters += ch;
      maskBetweenDigits ||= /\d/.test(text[i - 1] ?? '') && /[\dXx*•]/.test(text[i + 1] ?? '');
    } else if (/\p{L}/u.test(ch)) {
      letters += ch;
    } else if (!SEPARATORS.includes(ch) && !/\s/.test(ch)) {
      stray ||= ch;
    }
    if (ch !== '(' && !/\s/.test(ch)) seenContent = true;
  }
  const onlyMaskLetters = [...letters].every(l => l === 'x' || l === 'X');
  if (masks > 0 && onlyMaskLetters && digits > 0 && (masks > 1 || maskBetweenDigits)) {
    return reasons.masked(text, masks);
  }
  if (letters) return EXTENSION.test(text) ? reasons.extension(text) : reasons.letters(text, letters);
  if (stray) return reasons.strayCharacter(text, stray);
  if (misplacedPlus) return reasons.misplacedPlus(text);
  if (digits === 0) return reasons.noDigits(text);
  return undefined;
}

export function parsePhone(input: string, defaultCountry?: string): ParseResult {
  let text = (input ?? '').trim();
  if (/^tel:/i.test(text)) text = text.slice(4).trim(); // RFC 3966 links copied from web pages
  if (!text) return { ok: false, reason: reasons.empty() };
  const country = toCountry(defaultCountry);
  if (!country) return { ok: false, reason: reasons.unknownCountry(defaultCountry ?? '') };

  const problem = inputProblem(text);
  if (problem) return { ok: false, reason: problem };

  // libphonenumber rejects a bracketed country code "(+91) …"; brackets never carry meaning, so drop them.
  const cleaned = text.replace(/[()]/g, ' ').trim();
  const valid = validate(cleaned, country);
  if (valid) return { ok: true, number: toInfo(valid.n, valid.type) };

  // Not valid: find the most specific reason.
  const options = { defaultCountry: country, extract: false };
  const n = parsePhoneNumberFromString(cleaned, options, metadata);
  switch (validatePhoneNumberLength(cleaned, options, metadata)) {
    case 'TOO_SHORT':
      return { ok: false, reason: reasons.tooShort(text, n) };
    case 'TOO_LONG':
      return { ok: false, reason: reasons.tooLong(text, n) };
    case 'INVALID_COUNTRY':
      return { ok: false, reason: reasons.unknownCallingCode(text) };
    case 'NOT_A_NUMBER':
      return { ok: false, reason: reasons.notANumber(text) };
    default: // a possible length, or between two: the "invalid" reason explains better
      return { ok: false, reason: n ? reasons.invalid(text, n) : reasons.notANumber(text) };
  }
}
