// Finding phone numbers in one line of text (for hovers). libphonenumber's own finder measured ~0.4 MB/s on
// mixed text and matched inside tokens such as "ab-9876543210", so a cheap character scan proposes
// candidates with clean boundaries and libphonenumber decides whether each is a valid number.
import type { CountryCode, PhoneNumberType } from 'libphonenumber-js/core';
import { parseValid, toCountry } from './parse';
import type { PhoneMatch } from './types';

const MIN_DIGITS_INTERNATIONAL = 7; // '+' + calling code + the shortest national numbers (e.g. +290 4-digit)
const MIN_DIGITS = 8; // the shortest valid Indian number is 1800 + 4 digits
const MAX_DIGITS = 17; // libphonenumber never accepts more
const MAX_GROUPS = 6; // '+91 98 76 54 32 10' is about the most space-separated groups a number is written in
// Each candidate libphonenumber rejects costs ~6 µs. A line of space-separated numeric data can offer thousands
// (100 ms for 10,000 characters), so scanning stops after this many rejects: it is data, not text. Each number
// found earns a little more, since finding grouped numbers ("98765 43210 98123…") rejects a longer try first.
const MAX_REJECTED = 300;
const REJECTS_PER_MATCH = 2;

interface Scan {
  line: string;
  country: CountryCode | undefined;
  found: PhoneMatch[];
  rejectsLeft: number;
}

const PLUS = 0x2b;
const LPAREN = 0x28;
const RPAREN = 0x29;
const DOT = 0x2e;
const COLON = 0x3a;
const AT = 0x40;

const WORD = /[\p{L}\p{N}\p{M}]/u;
const CURRENCY = /\p{Sc}/u;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isDash = (c: number): boolean => c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
const isSpace = (c: number): boolean => c === 0x20 || c === 0xa0;

function isWordChar(c: number): boolean {
  if (c < 0x80) return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return c === c && WORD.test(String.fromCharCode(c)); // c === c: false for NaN (past the end)
}

function isCurrency(c: number): boolean {
  return c > 0x7f ? CURRENCY.test(String.fromCharCode(c)) : c === 0x24;
}

/** True when the text just before `start` glues the candidate to a longer token: a word, 1.5, 18:4, ₹ 9. */
function joinedBefore(line: string, start: number): boolean {
  if (start === 0) return false;
  const c = line.charCodeAt(start - 1);
  const p = start >= 2 ? line.charCodeAt(start - 2) : NaN;
  if (isWordChar(c) || c === PLUS || c === AT || isCurrency(c)) return true;
  if (c === DOT || isDash(c)) return isWordChar(p); // 1.500, v1.2, the last group of a UUID
  if (c === COLON) return isDigit(p); // times, host:port
  return isSpace(c) && isCurrency(p); // "₹ 9876543210" is an amount
}

/** True when the text just after `end` continues the token: a word, a decimal part, :42, -abc. */
function joinedAfter(line: string, end: number): boolean {
  if (end >= line.length) return false;
  const c = line.charCodeAt(end);
  const nx = line.charCodeAt(end + 1);
  if (isWordChar(c) || c === AT) return true;
  if (c === DOT || c === COLON) return isDigit(nx); // 1700000000.123, times, IP addresses
  return isDash(c) && isWordChar(nx);
}

/**
 * Dates written with dashes (2020-02-20, 20-02-2020) can pass as Indian landlines, alone or with the next
 * group ("2020-02-20 15"), so a candidate holding 4-2-2 or 2-2-4 dash-joined digit groups is not a number.
 */
function containsDate(text: string): boolean {
  const lens: number[] = []; // digit-group lengths; 0 marks a break that is not a single dash
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      len++;
      continue;
    }
    if (len > 0) lens.push(len);
    if (!isDash(c) || len === 0) lens.push(0);
    len = 0;
  }
  lens.push(len);
  for (let i = 0; i + 2 < lens.length; i++) {
    const [a, b, c] = [lens[i], lens[i + 1], lens[i + 2]];
    if (b === 2 && ((a === 4 && c === 2) || (a === 2 && c === 4))) return true;
  }
  return false;
}

function hasCloseParen(line: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (line.charCodeAt(i) === RPAREN) return true;
  return false;
}

/** True when the first digit is a 0: the trunk prefix of a national number (080…, 098765…). */
function hasTrunkZero(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) return text.charCodeAt(i) === 0x30;
  return false;
}

/**
 * Without a + or a 0, a valid landline is as likely an id or a pair of numbers in a data column, and people
 * write landlines with the 0, so accept mobiles and toll-free numbers only. Bare digit runs must also be 11
 * digits to be toll-free: 1800 000 000 is also a 2027 Unix time.
 */
function plausibleWithoutPrefix(type: PhoneNumberType | undefined, bare: boolean, digits: number): boolean {
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return true;
  return (type === 'TOLL_FREE' || type === 'SHARED_COST') && (!bare || digits === 11);
}

/** Validates line[start, end) (trimmed to the number proper) and returns the match, if any. */
function tryCandidate(scan: Scan, start: number, end: number, digits: number): PhoneMatch | undefined {
  const { line } = scan;
  while (end > start && !isDigit(line.charCodeAt(end - 1))) end--;
  for (; start < end; start++) {
    const c = line.charCodeAt(start);
    if (isDigit(c) || c === PLUS || (c === LPAREN && hasCloseParen(line, start, end))) break;
  }
  const plus = line.charCodeAt(start) === PLUS;
  if (digits < (plus ? MIN_DIGITS_INTERNATIONAL : MIN_DIGITS)) return undefined;
  if (joinedBefore(line, start) || joinedAfter(line, end)) return undefined;
  const text = line.slice(start, end);
  if (!plus && containsDate(text)) return undefined;
  const phone = parseValid(text, scan.country);
  if (!phone || (!plus && !hasTrunkZero(text) && !plausibleWithoutPrefix(phone.type, digits === text.length, digits))) {
    scan.rejectsLeft--;
    return undefined;
  }
  return { start, end, text, number: phone.info };
}

/**
 * Splits a run of number characters into space-separated groups and, left to right, takes the longest
 * sequence of groups that is a valid number ("call 98765 43210 98123 45678" holds two).
 */
function scanRun(scan: Scan, runStart: number, runEnd: number): void {
  const { line } = scan;
  const starts: number[] = [];
  const ends: number[] = [];
  const counts: number[] = [];
  let groupStart = runStart;
  let count = 0;
  for (let i = runStart; i <= runEnd; i++) {
    const c = i < runEnd ? line.charCodeAt(i) : 0x20;
    if (isSpace(c)) {
      starts.push(groupStart);
      ends.push(i);
      counts.push(count);
      groupStart = i + 1;
      count = 0;
    } else if (isDigit(c)) {
      count++;
    }
  }
  for (let a = 0; a < starts.length && scan.rejectsLeft > 0; a++) {
    let b = a;
    let total = counts[a];
    while (b + 1 < starts.length && b + 1 - a < MAX_GROUPS && total + counts[b + 1] <= MAX_DIGITS) total += counts[++b];
    for (; b >= a && total >= MIN_DIGITS_INTERNATIONAL; total -= counts[b--]) {
      if (total > MAX_DIGITS) continue;
      const match = tryCandidate(scan, starts[a], ends[b], total);
      if (match) {
        scan.found.push(match);
        scan.rejectsLeft += REJECTS_PER_MATCH;
        a = b;
        break;
      }
    }
  }
}

/**
 * Every phone number in `line` with its [start, end) range. Numbers glued to other tokens (ids, hashes,
 * decimals, dates, times, IPs, versions, amounts) are skipped. Numbers written with dots (080.3075.2400)
 * are not looked for, because the same shape is an IP address or a version. Scanning stops early on a line
 * of numeric data (see MAX_REJECTED).
 */
export function findPhoneNumbers(line: string, defaultCountry?: string): PhoneMatch[] {
  // An unknown country finds only numbers written with a +.
  const scan: Scan = { line, country: toCountry(defaultCountry), found: [], rejectsLeft: MAX_REJECTED };
  const n = line.length;
  let i = 0;
  while (i < n && scan.rejectsLeft > 0) {
    const c = line.charCodeAt(i);
    if (!isDigit(c) && c !== PLUS && c !== LPAREN) {
      i++;
      continue;
    }
    // A run: digits, dashes, brackets, and single spaces followed by more of them. A '+' always starts a run.
    let digits = isDigit(c) ? 1 : 0;
    let j = i + 1;
    for (; j < n; j++) {
      const d = line.charCodeAt(j);
      if (isDigit(d)) digits++;
      else if (isDash(d) || d === LPAREN || d === RPAREN) continue;
      else if (!isSpace(d) || !(isDigit(line.charCodeAt(j + 1)) || line.charCodeAt(j + 1) === LPAREN)) break;
    }
    if (digits >= MIN_DIGITS_INTERNATIONAL) scanRun(scan, i, j);
    i = j;
  }
  return scan.found;
}
