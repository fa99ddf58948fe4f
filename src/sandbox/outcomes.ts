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
export const KYC_MESSAGE = 'Your account is not yet KYC compliant. This is mandatory by TRAI guidelines to connect outbound voice calls.';

export function isReserved(e164: string, series: keyof typeof RESERVED_SERIES): boolean {
  return e164.startsWith(RESERVED_SERIES[series]) && e164.length === RESERVED_SERIES[series].length + 5;
}

export function ruleFor(e164: string): OutcomeRule {
  const digit = Number(e164.slice(-1));
  return OUTCOME_RULES.find((r) => r.lastDigits.includes(digit)) ?? OUTCOME_RULES[0];
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

export function planFromSid(rule: OutcomeRule, twoLegs: boolean, sid: string): CallPlan {
  return planCall(rule, twoLegs, seededRandom(stableHash(sid)));
}

/** Seconds from StartTime to EndTime. */
export function planDuration(plan: CallPlan): number {
  return plan.ring1 + (plan.legs[0].onCallDuration || 0);
}

/** Lines for the CLI banner and the README. */
export function describeRules(): string[] {
  const lines = OUTCOME_RULES.map((r) => `  To ending in ${r.lastDigits.join(',')} → ${r.status} (${r.describe})`);
  lines.push('  Connect-to-flow (Url instead of To): the same table, applied to the last digit of From.');
  lines.push(`  To (From for a flow call) in ${RESERVED_SERIES.dnd}xxxxx → 403 "${DND_MESSAGE('<number>')}"`);
  lines.push(`  From or CallerId in ${RESERVED_SERIES.kyc}xxxxx → 403 "${KYC_MESSAGE}"`);
  lines.push(`  Numbers/<n>: DND "Yes" for ${RESERVED_SERIES.dnd}xxxxx, "Unavailable" for ${RESERVED_SERIES.dndUnavailable}xxxxx, else "No".`);
  return lines;
}
