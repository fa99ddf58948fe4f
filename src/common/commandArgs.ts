// Arguments that commands take from code (other extensions, links, tests, automation): each value's type and range
// is checked before anything is done, and a refusal names the argument. Editor-free, so it is unit-tested in Node.
import { ValidationError } from '../exotel/errors';

/** Checks one value (never undefined: a value left out is not checked) and returns it as the command uses it. */
export type ArgCheck = (value: unknown, name: string) => unknown;

/** Refuses a value: "`exotel.x`: “name” must be …; got …. Nothing was sent." */
export class ArgumentError extends ValidationError {
  constructor(
    readonly command: string,
    readonly argument: string,
    expected: string,
    value: unknown,
    consequence: string,
    secret = false,
  ) {
    super(argument, `${command}: “${argument}” must be ${expected} (got ${secret ? kindOf(value) : shown(value)}). ${consequence}`);
    this.name = 'ArgumentError';
  }
}

/** Non-empty text, trimmed; `null` and '' are refused (leave the argument out to be asked). */
export const text =
  (what = 'non-empty text'): ArgCheck =>
  v => {
    if (typeof v !== 'string' || v.trim() === '') throw expectation(what);
    return v.trim();
  };

export const bool: ArgCheck = v => {
  if (typeof v !== 'boolean') throw expectation('true or false');
  return v;
};

export const int =
  (min: number, max: number, unit = ''): ArgCheck =>
  v => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw expectation(`a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}`);
    return v;
  };

export const number =
  (min = 0): ArgCheck =>
  v => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw expectation(`a number of ${min} or more`);
    return v;
  };

export const oneOf =
  (choices: readonly string[]): ArgCheck =>
  v => {
    if (typeof v !== 'string' || !choices.includes(v)) throw expectation(`one of ${choices.map(c => `“${c}”`).join(', ')}`);
    return v;
  };

/** A list of distinct choices. */
export const listOf =
  (choices: readonly string[]): ArgCheck =>
  v => {
    if (!Array.isArray(v) || v.some(x => typeof x !== 'string' || !choices.includes(x)))
      throw expectation(`a list of ${choices.map(c => `“${c}”`).join(', ')}`);
    return [...new Set(v)];
  };

/** An http(s) URL without user info; never quoted back. */
export const httpUrl: ArgCheck = v => {
  let url: URL | undefined;
  try {
    url = typeof v === 'string' ? new URL(v.trim()) : undefined;
  } catch {
    /* refused below */
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw expectation('an http:// or https:// URL without a user name or password');
  }
  return (v as string).trim();
};

/** Thrown by a check; checkArgs turns it into an ArgumentError naming the argument. */
class Expectation {
  /** `path`: the nested argument that failed (`filter.statuses`), when not the argument itself. */
  constructor(
    readonly expected: string,
    readonly path?: string,
  ) {}
}
export function expectation(expected: string): Expectation {
  return new Expectation(expected);
}

export interface ArgsSpec {
  command: string;
  /** Said after every refusal, e.g. "Nothing was sent." */
  consequence: string;
  checks: Record<string, ArgCheck>;
  /** Arguments whose values are never quoted back (tokens, keys, URLs that may carry them). */
  secret?: readonly string[];
}

/** Runs `spec.checks` on an arguments object; unknown keys are refused by name; undefined values are left out. */
export function checkArgs<T>(spec: ArgsSpec, raw: unknown): T {
  if (raw === undefined || raw === null) return {} as T;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ValidationError('arguments', `${spec.command} takes an object with ${Object.keys(spec.checks).join(', ')}. ${spec.consequence}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const check = spec.checks[key];
    if (!check) {
      const known = Object.keys(spec.checks);
      const near = known.find(k => k.toLowerCase() === key.toLowerCase());
      throw new ValidationError(
        key,
        `${spec.command} does not take “${key}”. ${near ? `Did you mean “${near}”?` : `It takes: ${known.join(', ')}.`} ${spec.consequence}`,
      );
    }
    out[key] = checkArg(spec, key, value, check);
  }
  return out as T;
}

/** One argument, checked; a refusal names it. */
export function checkArg(spec: Pick<ArgsSpec, 'command' | 'consequence' | 'secret'>, name: string, value: unknown, check: ArgCheck): unknown {
  try {
    return check(value, name);
  } catch (e) {
    if (e instanceof Expectation) {
      const at = e.path ?? name;
      const given = e.path ? nested(value, e.path.slice(name.length + 1)) : value;
      throw new ArgumentError(spec.command, at, e.expected, given, spec.consequence, spec.secret?.includes(name));
    }
    throw e;
  }
}

function nested(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : 'text';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A short string or a scalar, as given; anything else by its kind. Long text is not quoted (it may hold anything). */
function shown(value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 24 && !/[:@/\\]/.test(value)) return `“${value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return kindOf(value);
}

/** An object with these keys only, each checked (a value left out is not). */
export const shape =
  (checks: Record<string, ArgCheck>, what?: string): ArgCheck =>
  (v, name) => {
    const keys = Object.keys(checks);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw expectation(what ?? `an object with ${keys.join(', ')}`);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(v)) {
      if (value === undefined) continue;
      if (!checks[key]) throw expectation(what ?? `an object with ${keys.join(', ')} (not “${key}”)`);
      try {
        out[key] = checks[key](value, `${name}.${key}`);
      } catch (e) {
        if (e instanceof Expectation && !e.path) throw new Expectation(e.expected, `${name}.${key}`);
        throw e;
      }
    }
    return out;
  };

/** A Date, or a date string JavaScript reads (ISO 8601). */
export const date: ArgCheck = v => {
  const d = v instanceof Date ? v : typeof v === 'string' && v.trim() ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime())) throw expectation('a date (a Date or an ISO 8601 text such as 2024-01-31T10:00:00+05:30)');
  return d;
};

/** Text that may be empty (e.g. "no default CallerId"). */
export const anyText: ArgCheck = v => {
  if (typeof v !== 'string') throw expectation('text');
  return v;
};

/** The one argument of a command that takes a single value: left out, or passing `check`. */
export function checkOne(command: string, name: string, value: unknown, check: ArgCheck, consequence = 'Nothing was done.'): unknown {
  return value === undefined ? undefined : checkArg({ command, consequence }, name, value, check);
}
