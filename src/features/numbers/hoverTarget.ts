// Which phone number, if any, is under the pointer. Editor-free, so it is unit-tested and benchmarked in Node.
import { findPhoneNumbers, PhoneMatch } from '../../phone';

const LONG_LINE = 1000;
const WINDOW = 120;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Characters a written number can hold: digits, +, brackets, dashes, dots, slashes and spaces. */
function inNumber(c: number): boolean {
  return (
    isDigit(c) ||
    c === 0x2b ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x2f ||
    c === 0x20 ||
    c === 0xa0 ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x2212
  );
}

/** Characters that never belong to a number and that the finder treats as a clean edge, whatever precedes them. */
function isHardEdge(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x2c ||
    c === 0x3b ||
    c === 0x7c ||
    c === 0x09 ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0x3d ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0x7b ||
    c === 0x7d ||
    c === 0x60
  );
}

/**
 * The part of a long line around `ch` (minified JSON, logs), cut at hard edges so no token is split in two
 * and cannot pass for a number; short lines, and lines without such edges nearby, are taken whole.
 */
export function lineWindow(line: string, ch: number): { text: string; offset: number } {
  if (line.length <= LONG_LINE) return { text: line, offset: 0 };
  let start = Math.max(0, ch - WINDOW);
  while (start > 0 && start < ch && !isHardEdge(line.charCodeAt(start - 1))) start++;
  let end = Math.min(line.length, ch + WINDOW);
  while (end < line.length && end > ch && !isHardEdge(line.charCodeAt(end))) end--;
  if ((start > 0 && start >= ch) || (end < line.length && end <= ch)) return { text: line, offset: 0 };
  return { text: line.slice(start, end), offset: start };
}

/** The number covering column `ch` of `line` (the character before it counts too), with line offsets. */
export function numberAt(line: string, ch: number): PhoneMatch | undefined {
  // Most hovers are over words: answer before scanning anything.
  if (!inNumber(line.charCodeAt(ch)) && !inNumber(line.charCodeAt(ch - 1))) return undefined;
  const { text, offset } = lineWindow(line, ch);
  const local = ch - offset;
  const m = findPhoneNumbers(text).find(x => x.start <= local && local <= x.end);
  if (!m) return undefined;
  return offset ? { ...m, start: m.start + offset, end: m.end + offset } : m;
}
