// The `op:value;op:value` syntax shared by the DateCreated, Duration and Price filters.
import { DAY_MS, monthsBefore, parseIst } from './clock';
import { Invalid } from './invalid';

export interface Range {
  gte?: number;
  lte?: number;
  eq?: number;
}

/** `gte:2019-01-01 00:00:00;lte:2019-01-31 23:59:59`; at most 31 days, not older than 6 months; default last 31 days. */
export function dateRange(value: string | undefined, nowMs: number, rangeDays: number, historyMonths: number): [number, number] {
  const span = rangeDays * DAY_MS;
  const oldest = monthsBefore(nowMs, historyMonths);
  if (value === undefined) {
    return [nowMs - span, nowMs];
  }
  const ops = parseOps(value, 'DateCreated', ['gte', 'lte'], 'gte:YYYY-MM-DD HH:mm:ss;lte:YYYY-MM-DD HH:mm:ss');
  const parse = (text: string | undefined, edge: 'start' | 'end'): number | undefined => {
    if (text === undefined) {
      return undefined;
    }
    const ms = parseIst(text, edge);
    if (ms === undefined) {
      throw new Invalid(`DateCreated: '${text}' is not a date in the form YYYY-MM-DD HH:mm:ss`);
    }
    return ms;
  };
  const gte = parse(ops.gte, 'start');
  const lte = parse(ops.lte, 'end');
  // A missing edge defaults to a full 31 days from the other one (clamped to the history limit).
  const from = gte ?? Math.max((lte ?? nowMs) - span, oldest);
  const to = lte ?? (gte === undefined ? nowMs : Math.max(nowMs, from));
  if (from > to) {
    throw new Invalid('DateCreated: gte must not be after lte');
  }
  if (to - from > span) {
    throw new Invalid(`DateCreated: the range must not exceed ${rangeDays} days (1 month)`);
  }
  if (from < oldest) {
    throw new Invalid(`DateCreated: records older than ${historyMonths} months cannot be fetched`);
  }
  return [from, to];
}

function parseOps(value: string, name: string, allowed: readonly string[], example: string): Record<string, string> {
  const ops: Record<string, string> = {};
  for (const part of value.split(';').filter(p => p.trim() !== '')) {
    const i = part.indexOf(':');
    const op = i < 0 ? '' : part.slice(0, i).trim();
    if (!allowed.includes(op) || ops[op] !== undefined) {
      throw new Invalid(`${name}: '${part}' is not understood; use ${allowed.join('/')} operators, e.g. ${example}`);
    }
    ops[op] = part.slice(i + 1).trim();
  }
  if (Object.keys(ops).length === 0) {
    throw new Invalid(`${name}: expected e.g. ${example}`);
  }
  return ops;
}

export function range(
  value: string | undefined,
  name: string,
  allowed: readonly string[],
  pattern: RegExp,
  example: string,
  convert: (m: RegExpExecArray) => number,
): Range | undefined {
  if (value === undefined) {
    return undefined;
  }
  const ops = parseOps(value, name, allowed, example);
  const out: Range = {};
  for (const [op, text] of Object.entries(ops)) {
    const m = pattern.exec(text);
    if (!m) {
      throw new Invalid(`${name}: '${text}' is not valid; expected ${example}`);
    }
    out[op as keyof Range] = convert(m);
  }
  return out;
}
