// The deterministic rules that let a test (or a person) ask the sandbox for an outcome by choosing a number.
// Quoted by the CLI banner and the README, so keep the `describe` strings short and exact.
import { CallPlan, Leg, LegStatus, TerminalStatus } from './types';
import { between, Rand, seededRandom, stableHash } from './random';

export interface OutcomeRule {
  lastDigits: readonly number[];
  status: TerminalStatus;
  /** Leg 1 = From (the agent, dialled first); leg 2 = To (the customer). */
  leg1: LegStatus;
  leg2: LegStatus;
  describe: string;
}

/** Keyed by the last digit of To (of From for a connect-to-flow call, which has no To). */
export const OUTCOME_RULES: readonly OutcomeRule[] = [
  { lastDigits: [0, 1, 2, 3, 4], status: 'completed', leg1: 'completed', leg2: 'completed', describe: 'both answer and talk' },
  { lastDigits: [5], status: 'busy', leg1: 'completed', leg2: 'busy', describe: 'To is busy' },
  { lastDigits: [6], status: 'no-answer', leg1: 'completed', leg2: 'no-answer', describe: 'To does not pick up' },
  { lastDigits: [7], status: 'failed', leg1: 'completed', leg2: 'failed', describe: 'To is unreachable' },
  { lastDigits: [8], status: 'canceled', leg1: 'completed', leg2: 'canceled', describe: 'From hangs up while To rings' },
  { lastDigits: [9], status: 'no-answer', leg1: 'no-answer', leg2: null, describe: 'From does not pick up; To is never dialled' },
];

/**
 * Incoming calls (the seeded history): leg 1 is the caller reaching the ExoPhone, leg 2 the ExoPhone dialling an
 * agent. Once Exotel picks up (a greeting), leg 1 and the overall Status are `completed` even when no agent answers
 * (support article 27323): such a call is missed, and only Leg2Status tells.
 */
export interface InboundOutcome {
  status: TerminalStatus;
  leg1: LegStatus;
  /** null: no agent was dialled. */
  leg2: LegStatus;
  weight: number;
  describe: string;
}

export const INBOUND_OUTCOMES: readonly InboundOutcome[] = [
  { status: 'completed', leg1: 'completed', leg2: 'completed', weight: 56, describe: 'an agent answered' },
  { status: 'completed', leg1: 'completed', leg2: 'no-answer', weight: 18, describe: 'missed: no agent answered (Status still completed)' },
  { status: 'completed', leg1: 'completed', leg2: 'busy', weight: 8, describe: 'missed: the agent was busy (Status still completed)' },
  { status: 'completed', leg1: 'completed', leg2: null, weight: 8, describe: 'the caller hung up during the greeting' },
  { status: 'no-answer', leg1: 'no-answer', leg2: null, weight: 5, describe: 'the caller hung up before Exotel picked up' },
  { status: 'failed', leg1: 'failed', leg2: null, weight: 5, describe: 'the call could not be routed' },
];

/** Reserved Indian mobile series (E.164 prefixes), each followed by any 5 digits. */
export const RESERVED_SERIES = {
  /** Registered on the NCPR: metadata DND "Yes"; as the dialled number, Calls/connect answers 403. */
  dnd: '+9190000',
  /** Metadata DND "Unavailable"; calls go through. */
  dndUnavailable: '+9190001',
  /** As From or CallerId: Calls/connect answers 403 "not yet KYC compliant". */
  kyc: '+9190002',
} as const;

export const DND_MESSAGE = (dialled: string): string => `Call to [${dialled}] cannot be made because of TRAI NDNC regulations`;
/** The sandbox's own wording (Exotel's exact message is not public): it names the ExoPhones the account has. */
export const NOT_EXOPHONE_MESSAGE = (callerId: string, exoPhones: readonly string[]): string =>
  `CallerId is not a valid ExoPhone: ${callerId} is not one of this account's ExoPhones (${exoPhones.join(', ')})`;
export const KYC_MESSAGE = 'Your account is not yet KYC compliant. This is mandatory by TRAI guidelines to connect outbound voice calls.';

export function isReserved(e164: string, series: keyof typeof RESERVED_SERIES): boolean {
  return e164.startsWith(RESERVED_SERIES[series]) && e164.length === RESERVED_SERIES[series].length + 5;
}

export function ruleFor(e164: string): OutcomeRule {
  const digit = Number(e164.slice(-1));
  return OUTCOME_RULES.find(r => r.lastDigits.includes(digit)) ?? OUTCOME_RULES[0];
}

/** ₹ per started minute per connected leg: a 17 s two-leg call costs "1.500", as in the docs' example. */
const RATE_PER_MINUTE_PER_LEG = 0.75;

export function priceFor(legs: readonly Leg[]): number {
  const pulses = legs.reduce((sum, leg) => sum + Math.ceil(leg.onCallDuration / 60), 0);
  return Math.round(pulses * RATE_PER_MINUTE_PER_LEG * 1000) / 1000;
}

/**
 * Simulated timings for a call. The sandbox compresses time (a call ends after `progressMs`),
 * but reports believable seconds, consistent with each other: Duration = EndTime − StartTime.
 */
export function planCall(rule: OutcomeRule, twoLegs: boolean, rand: Rand): CallPlan {
  const ring1 = between(3, 9, rand);
  const leg1Answered = rule.leg1 === 'completed';
  const ring2 = leg1Answered && twoLegs ? between(4, 18, rand) : 0;
  const talk = rule.status === 'completed' ? between(12, 240, rand) : 0;
  if (!twoLegs) {
    // Connect-to-flow: one leg, whose fate is the call's.
    const onCall = rule.status === 'completed' ? talk : 0;
    return { status: rule.status, ring1, ring2: 0, talk, legs: [{ id: 1, status: rule.status, onCallDuration: onCall, answeredBy: 'NA' }] };
  }
  const legs: Leg[] = [
    { id: 1, status: rule.leg1, onCallDuration: leg1Answered ? ring2 + talk : 0, answeredBy: 'NA' },
    { id: 2, status: rule.leg2, onCallDuration: talk, answeredBy: rule.leg2 === 'completed' ? 'HUMAN' : 'NA' },
  ];
  return { status: rule.status, ring1, ring2, talk, legs };
}

/** An incoming call: a short ring, the greeting on leg 1, then (maybe) an agent dialled on leg 2. */
export function planInbound(o: InboundOutcome, rand: Rand): CallPlan {
  const ring1 = between(0, 3, rand);
  const greeting = o.leg1 === 'completed' ? between(5, 20, rand) : 0;
  const ring2 = o.leg2 === null ? 0 : between(6, 30, rand);
  const talk = o.leg2 === 'completed' ? between(20, 300, rand) : 0;
  const legs: Leg[] = [{ id: 1, status: o.leg1, onCallDuration: o.leg1 === 'completed' ? greeting + ring2 + talk : 0, answeredBy: 'NA' }];
  if (o.leg2 !== null) {
    legs.push({ id: 2, status: o.leg2, onCallDuration: talk, answeredBy: o.leg2 === 'completed' ? 'HUMAN' : 'NA' });
  }
  return { status: o.status, ring1, ring2, talk, legs };
}

export function planFromSid(rule: OutcomeRule, twoLegs: boolean, sid: string): CallPlan {
  return planCall(rule, twoLegs, seededRandom(stableHash(sid)));
}

/** Seconds from StartTime to EndTime. */
export function planDuration(plan: CallPlan): number {
  return plan.ring1 + (plan.legs[0].onCallDuration || 0);
}

/** Lines for the CLI banner and the README. */
export function describeRules(): string[] {
  const lines = OUTCOME_RULES.map(r => `  To ending in ${r.lastDigits.join(',')} → ${r.status} (${r.describe})`);
  lines.push('  Connect-to-flow (Url instead of To): the same table, applied to the last digit of From.');
  lines.push(`  To (From for a flow call) in ${RESERVED_SERIES.dnd}xxxxx → 403 "${DND_MESSAGE('<number>')}"`);
  lines.push(`  From or CallerId in ${RESERVED_SERIES.kyc}xxxxx → 403 "${KYC_MESSAGE}"`);
  lines.push('  Any other CallerId that is not one of the account\'s ExoPhones → 400 "CallerId is not a valid ExoPhone: …" (the sandbox\'s wording).');
  lines.push(`  Numbers/<n>: DND "Yes" for ${RESERVED_SERIES.dnd}xxxxx, "Unavailable" for ${RESERVED_SERIES.dndUnavailable}xxxxx, else "No".`);
  return lines;
}
