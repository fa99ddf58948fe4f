// Statistics over a list of calls: headline figures and the data of every chart. Editor-free and
// single-pass, so 10,000 calls take milliseconds; dates are read from Exotel's own text, which is
// already in the account's zone (no re-zoning, so a call at 23:59 stays on its day).
import { Call, parseExotelTime } from '../exotel';
import { parsePhone } from '../phone';
import { indianNumberType } from '../phone/india-type';
import { CallOutcome, defaultOutcome, Outcome, OUTCOMES, OutcomeRule } from './outcome';

/** Circle and operator of a customer's number, as far as the number cache knows them. */
export interface NumberFacts {
  circle?: string;
  operator?: string;
}

export interface StatsOptions {
  /** The rule for answered/missed (default: defaultOutcome). */
  outcomeOf?: OutcomeRule;
  /** Every day of the range (`YYYY-MM-DD`), so days without calls show as zero. */
  days?: readonly string[];
  /** Cached facts of an E.164 number; never sends anything. Without it circles and operators are all unknown. */
  numberFacts?: (e164: string) => NumberFacts | undefined;
  /** For telling a price still pending (recent call) from one missing; default Date.now(). */
  now?: number;
  /** The account's zone, minutes east of UTC (default IST). */
  offsetMinutes?: number;
}

/** Exotel fills Duration and Price minutes after a call; past this, an empty one is missing, not pending. */
export const PENDING_WINDOW_MS = 60 * 60_000;

export interface HeadlineFigures {
  calls: number;
  answered: number;
  /** Incoming calls Exotel picked up that no agent answered. */
  missed: number;
  /** Incoming calls that never reached an agent: Exotel's dashboard calls them call attempts. */
  attempts: number;
  /** Calls whose outcome is unknown (an incoming completed call listed without leg statuses): never answered. */
  uncertain: number;
  /** answered / calls; null without calls. */
  answerRate: number | null;
  /** Average talk time of answered calls with a known talk time, seconds; null when none. */
  averageTalkSeconds: number | null;
  totalTalkSeconds: number;
  /** Answered calls whose talk time Exotel has not filled yet. */
  talkPending: number;
  /** In the account's billing currency. */
  spend: number;
  /** What calls that were not answered cost (leg 1 is billed even when the customer never answers). */
  spendNotAnswered: number;
  /** Calls without a price yet, recent enough for Exotel to fill it. */
  pricePending: number;
  /** Calls without a price long after they ended. */
  priceMissing: number;
}

export interface Breakdown {
  key: string;
  calls: number;
  answered: number;
  spend: number;
}

export interface DayFigures {
  day: string;
  outcomes: Record<Outcome, number>;
  spend: number;
}

export interface TalkBin {
  /** Seconds, inclusive. */
  min: number;
  /** Seconds, exclusive; undefined for the last bin. */
  max?: number;
  calls: number;
}

export interface CallStats {
  headline: HeadlineFigures;
  perDay: DayFigures[];
  /** [weekday 0 = Monday][hour 0–23] in the account's zone. */
  heatmap: { calls: number[][]; answered: number[][] };
  talkTime: TalkBin[];
  byExoPhone: Breakdown[];
  byDirection: Breakdown[];
  byCircle: Breakdown[];
  byOperator: Breakdown[];
  /** Indian mobile and landline numbers (E.164) not in the number cache: what "Look up N numbers" would ask. */
  unknownNumbers: string[];
}

/** Keys of buckets that are not a circle or operator. */
export const UNKNOWN = '?unknown';
/** Numbers Exotel's metadata does not cover (international, toll-free) or calls without one. */
export const NOT_COVERED = '?notCovered';

/** Talk-time bins, seconds. */
export const TALK_BINS: readonly number[] = [0, 10, 30, 60, 120, 300, 600, 1800];

const SCALE = 10_000; // prices are summed in ten-thousandths, so 0.1 + 0.2 stays 0.3

type Facts = { e164?: string; lookable: boolean };

/** The headline figures alone (what a language-model tool or a status line wants). */
export function headlineFigures(calls: readonly Call[], options: StatsOptions = {}): HeadlineFigures {
  return computeStats(calls, options).headline;
}

export function computeStats(calls: readonly Call[], options: StatsOptions = {}): CallStats {
  const b = statsBuilder(options);
  for (const call of calls) b.add(call);
  return b.result();
}

/**
 * computeStats in slices, yielding between them, for a host shared with other extensions: no slice holds the
 * event loop for long. Same result as computeStats.
 */
export async function computeStatsInSlices(
  calls: readonly Call[],
  options: StatsOptions = {},
  slice = 1000,
  pause: () => Promise<void> = () => new Promise(resolve => setImmediate(resolve)),
): Promise<CallStats> {
  const b = statsBuilder(options);
  for (let i = 0; i < calls.length; i += slice) {
    if (i) await pause();
    for (let j = i; j < Math.min(calls.length, i + slice); j++) b.add(calls[j]);
  }
  return b.result();
}

/** The accumulator behind both: add calls one by one, then read the result. */
export function statsBuilder(options: StatsOptions = {}): { add(call: Call): void; result(): CallStats } {
  let count = 0;
  const outcomeOf = options.outcomeOf ?? defaultOutcome;
  const now = options.now ?? Date.now();
  const offset = options.offsetMinutes ?? 330;
  const numbers = new Map<string, Facts>();
  const weekdays = new Map<string, number>();
  const days = new Map<string, { outcomes: Record<Outcome, number>; spend: number }>();
  const newDay = () => ({ outcomes: Object.fromEntries(OUTCOMES.map(o => [o, 0])) as Record<Outcome, number>, spend: 0 });
  for (const d of options.days ?? []) days.set(d, newDay());
  const heatCalls = grid();
  const heatAnswered = grid();
  const talkBins = TALK_BINS.map(() => 0);
  const exophones = new Map<string, Breakdown>();
  const directions = new Map<string, Breakdown>();
  const circles = new Map<string, Breakdown>();
  const operators = new Map<string, Breakdown>();
  const unknown = new Set<string>();
  const h = { answered: 0, missed: 0, attempts: 0, uncertain: 0, talkKnown: 0, talk: 0, talkPending: 0, spend: 0, spendNot: 0, pending: 0, missing: 0 };

  const addCall = (call: Call): void => {
    count++;
    const o: CallOutcome = outcomeOf(call);
    const answered = o.outcome === 'answered';
    if (answered) h.answered++;
    if (o.outcome === 'missed') h.missed++;
    if (o.outcome === 'attempt') h.attempts++;
    if (!o.certain) h.uncertain++;

    const price = typeof call.price === 'number' && Number.isFinite(call.price) ? Math.round(call.price * SCALE) : undefined;
    if (price !== undefined) {
      h.spend += price;
      if (!answered) h.spendNot += price;
    } else if (isRecent(call, now, offset)) {
      h.pending++;
    } else {
      h.missing++;
    }

    if (answered) {
      const talk = talkSeconds(call);
      if (talk === undefined) h.talkPending++;
      else {
        h.talkKnown++;
        h.talk += talk;
        talkBins[binOf(talk)]++;
      }
    }

    const at = call.dateCreated;
    const hour = at ? hourOf(at) : -1;
    if (hour >= 0) {
      const day = at!.slice(0, 10);
      let d = days.get(day);
      if (!d) days.set(day, (d = newDay()));
      d.outcomes[o.outcome]++;
      if (price !== undefined) d.spend += price;
      let wd = weekdays.get(day);
      if (wd === undefined) weekdays.set(day, (wd = weekdayOf(day)));
      heatCalls[wd][hour]++;
      if (answered) heatAnswered[wd][hour]++;
    }

    add(exophones, call.phoneNumberSid || UNKNOWN, answered, price);
    add(directions, call.direction || UNKNOWN, answered, price);
    const facts = customerFacts(call, numbers);
    let circle = NOT_COVERED;
    let operator = NOT_COVERED;
    if (facts.lookable) {
      const known = options.numberFacts?.(facts.e164!);
      if (known) {
        circle = known.circle || UNKNOWN;
        operator = known.operator || UNKNOWN;
      } else {
        circle = operator = UNKNOWN;
        unknown.add(facts.e164!);
      }
    }
    add(circles, circle, answered, price);
    add(operators, operator, answered, price);
  };

  const result = (): CallStats => {
    const n = count;
    return {
      headline: {
        calls: n,
        answered: h.answered,
        missed: h.missed,
        attempts: h.attempts,
        uncertain: h.uncertain,
        answerRate: n ? h.answered / n : null,
        averageTalkSeconds: h.talkKnown ? h.talk / h.talkKnown : null,
        totalTalkSeconds: h.talk,
        talkPending: h.talkPending,
        spend: h.spend / SCALE,
        spendNotAnswered: h.spendNot / SCALE,
        pricePending: h.pending,
        priceMissing: h.missing,
      },
      perDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, outcomes: d.outcomes, spend: d.spend / SCALE })),
      heatmap: { calls: heatCalls, answered: heatAnswered },
      talkTime: TALK_BINS.map((min, i) => ({ min, max: TALK_BINS[i + 1], calls: talkBins[i] })),
      byExoPhone: sorted(exophones),
      byDirection: sorted(directions),
      byCircle: sorted(circles),
      byOperator: sorted(operators),
      unknownNumbers: [...unknown].sort(),
    };
  };
  return { add: addCall, result };
}

/** Talk time of a call: the conversation when Exotel gave leg details, else Duration; undefined while pending. */
export function talkSeconds(call: Call): number | undefined {
  const v = call.details?.conversationDuration ?? call.duration;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

export function binOf(seconds: number): number {
  let i = 0;
  while (i + 1 < TALK_BINS.length && seconds >= TALK_BINS[i + 1]) i++;
  return i;
}

/** Weekday (0 = Monday) and hour of a call in the account's zone, from Exotel's text. */
export function weekdayHour(dateCreated: string | undefined): { day: string; weekday: number; hour: number } | undefined {
  const hour = dateCreated ? hourOf(dateCreated) : -1;
  if (hour < 0) return undefined;
  const day = dateCreated!.slice(0, 10);
  return { day, weekday: weekdayOf(day), hour };
}

/** The hour of `YYYY-MM-DD HH:mm:ss`, read without a regex or allocation (this runs once per call); -1 if malformed. */
function hourOf(at: string): number {
  if (at.length < 13 || at.charCodeAt(10) !== 32 || at.charCodeAt(4) !== 45 || at.charCodeAt(7) !== 45) return -1;
  const h = (at.charCodeAt(11) - 48) * 10 + (at.charCodeAt(12) - 48);
  return h >= 0 && h < 24 ? h : -1;
}

function weekdayOf(day: string): number {
  const wd = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10))).getUTCDay();
  return Number.isNaN(wd) ? 0 : (wd + 6) % 7;
}

/** The customer's number (From on incoming calls, To otherwise) as E.164, and whether Exotel's metadata covers it. */
export function customerNumber(call: Call, memo = new Map<string, Facts>()): Facts {
  return customerFacts(call, memo);
}

function customerFacts(call: Call, memo: Map<string, Facts>): Facts {
  const raw = call.direction === 'inbound' ? call.from : (call.to ?? call.from);
  if (!raw) return { lookable: false };
  let f = memo.get(raw);
  if (!f) {
    // Exotel writes Indian numbers as 0XXXXXXXXXX or +91XXXXXXXXXX: typed directly (~1 µs), not through libphonenumber (~200 µs).
    const national = /^(?:0|\+?91)(\d{10})$/.exec(raw)?.[1];
    const type = national !== undefined ? indianNumberType(national) : undefined;
    if (type) {
      f = { e164: `+91${national}`, lookable: type === 'MOBILE' || type === 'FIXED_LINE' };
      memo.set(raw, f);
      return f;
    }
    const p = parsePhone(raw);
    f = p.ok ? { e164: p.number.e164, lookable: p.number.isIndian && (p.number.kind === 'mobile' || p.number.kind === 'landline') } : { lookable: false };
    memo.set(raw, f);
  }
  return f;
}

function isRecent(call: Call, now: number, offset: number): boolean {
  const at = parseExotelTime(call.endTime ?? call.dateUpdated ?? call.dateCreated ?? '', offset);
  return at !== undefined && now - at.getTime() < PENDING_WINDOW_MS;
}

function grid(): number[][] {
  return Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
}

function add(map: Map<string, Breakdown>, key: string, answered: boolean, price: number | undefined): void {
  let b = map.get(key);
  if (!b) map.set(key, (b = { key, calls: 0, answered: 0, spend: 0 }));
  b.calls++;
  if (answered) b.answered++;
  if (price !== undefined) b.spend += price;
}

/** Most calls first; the unknown buckets last. */
function sorted(map: Map<string, Breakdown>): Breakdown[] {
  const special = (k: string) => (k.startsWith('?') ? 1 : 0);
  return [...map.values()]
    .map(b => ({ ...b, spend: b.spend / SCALE }))
    .sort((a, b) => special(a.key) - special(b.key) || b.calls - a.calls || a.key.localeCompare(b.key));
}
