// A believable call log for a fresh sandbox: calls over the past ~5 weeks, every terminal status
// and direction, some recorded, billing filled. Pseudo-random from a seed, relative to `now`,
// so the same (seed, count, now) always gives the same history.
import { newCallRecord } from './callRecord';
import { DAY_MS, wholeSeconds } from './clock';
import { endCall, fillBilling } from './progression';
import { INBOUND_OUTCOMES, isReserved, OUTCOME_RULES, planCall, planInbound } from './outcomes';
import { parseIndian } from './phoneEcho';
import { between, newCallSid, pick, Rand, seededRandom } from './random';
import { CallRecord, Direction, PhoneEcho, TerminalStatus } from './types';

export interface SeedOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** How many calls (default 300). */
  count?: number;
  /** Spread over this many days before now (default 35). */
  days?: number;
  /** The account's ExoPhones (default SEED_EXOPHONES). */
  exoPhones?: readonly PhoneEcho[];
}

/** Virtual numbers (ExoPhones) the seeded account owns: landlines in four cities and a toll-free. */
export const SEED_EXOPHONES: readonly PhoneEcho[] = [
  { echo: '08047112345', e164: '+918047112345' },
  { echo: '01141172345', e164: '+911141172345' },
  { echo: '02261734567', e164: '+912261734567' },
  { echo: '04471234567', e164: '+914471234567' },
  { echo: '18003091234', e164: '+9118003091234' },
];

/** The account's agents (From on outgoing calls). */
export const SEED_AGENTS: readonly string[] = ['+919845012340', '+919900112233', '+918123456781', '+917022334452', '+916360123453'];

const DIRECTION_WEIGHTS: Array<[Direction, number]> = [
  ['outbound-api', 50],
  ['inbound', 35],
  ['outbound-dial', 15],
];
const STATUS_WEIGHTS: Array<[TerminalStatus, number]> = [
  ['completed', 58],
  ['busy', 10],
  ['no-answer', 16],
  ['failed', 8],
  ['canceled', 8],
];

export function seedCalls(accountSid: string, nowMs: number, options: SeedOptions = {}): CallRecord[] {
  const rand = seededRandom(options.seed ?? 1);
  const count = options.count ?? 300;
  const spanMs = (options.days ?? 35) * DAY_MS;
  const customers = customerNumbers(rand, 60);
  const calls: CallRecord[] = [];
  const sids = new Set<string>();
  for (let i = 0; i < count; i++) {
    let sid = newCallSid(rand, rand() < 0.5);
    while (sids.has(sid)) {
      sid = newCallSid(rand, rand() < 0.5);
    }
    sids.add(sid);
    calls.push(seedCall(sid, accountSid, wholeSeconds(nowMs - rand() * spanMs), customers, rand, nowMs, options.exoPhones ?? SEED_EXOPHONES));
  }
  return calls;
}

function seedCall(
  sid: string,
  accountSid: string,
  createdAt: number,
  customers: string[],
  rand: Rand,
  nowMs: number,
  exoPhones: readonly PhoneEcho[],
): CallRecord {
  const direction = weighted(DIRECTION_WEIGHTS, rand);
  const status = weighted(STATUS_WEIGHTS, rand);
  const exophone = pick(exoPhones, rand);
  const customer = national(pick(customers, rand));
  const agent = national(pick(SEED_AGENTS, rand));
  // Incoming: the caller (From) reached the ExoPhone (To), whose flow then dialled an agent (leg 2).
  const inbound = direction === 'inbound';
  const plan = inbound
    ? planInbound(
        weighted(
          INBOUND_OUTCOMES.map(o => [o, o.weight] as [typeof o, number]),
          rand,
        ),
        rand,
      )
    : planCall(
        pick(
          OUTCOME_RULES.filter(r => r.status === status),
          rand,
        ),
        true,
        rand,
      );
  const [from, to] = inbound ? [customer, exophone] : [agent, customer];
  // Only a call someone talked on has a recording.
  const talked = plan.status === 'completed' && plan.legs.every(l => l.status === 'completed');
  const call = newCallRecord({
    sid,
    accountSid,
    createdAt,
    to,
    from,
    exophone,
    direction,
    recorded: talked && rand() < 0.35,
    plan,
  });
  endCall(call, createdAt);
  fillBilling(call, createdAt);
  // Exotel fills billing minutes after the end; never later than now.
  call.updatedAt = Math.min(nowMs, (call.endTime ?? createdAt) + between(60, 300, rand) * 1000);
  return call;
}

/** Exotel writes Indian numbers 0-prefixed, whatever form the request used. */
function national(e164: string): PhoneEcho {
  return { e164, echo: `0${e164.slice(3)}` };
}

function customerNumbers(rand: Rand, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const e164 = `+91${pick(['6', '7', '8', '9'], rand)}${String(between(0, 999_999_999, rand)).padStart(9, '0')}`;
    const parsed = parseIndian(e164);
    const reserved = isReserved(e164, 'dnd') || isReserved(e164, 'dndUnavailable') || isReserved(e164, 'kyc');
    if (parsed.ok && parsed.number.kind === 'mobile' && !reserved) {
      out.add(e164);
    }
  }
  return [...out];
}

function weighted<T>(table: ReadonlyArray<[T, number]>, rand: Rand): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let roll = rand() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) {
      return value;
    }
  }
  return table[table.length - 1][0];
}
