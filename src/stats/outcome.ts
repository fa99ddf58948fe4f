// What became of a call, for statistics: one function, so the rule for "answered" lives in one place and a
// caller can hand in another (the rule for incoming calls is still being settled, see the API notes).
import type { Call } from '../exotel';

/**
 * The stacked outcomes, in chart order. `missed`: an incoming call Exotel picked up that no agent answered.
 * `attempt`: an incoming call that never reached an agent (the caller hung up before it could be routed) — Exotel's
 * dashboard counts it as a "Call attempt" (support article 27323). `unknown`: an incoming `completed` call whose legs
 * the listing did not give (its details not fetched yet, or not fetchable): never counted as answered.
 */
export const OUTCOMES = ['answered', 'missed', 'attempt', 'busy', 'no-answer', 'failed', 'canceled', 'unknown', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface CallOutcome {
  outcome: Outcome;
  /** False when the listing could not tell (an incoming `completed` call without leg statuses: `unknown`). */
  certain: boolean;
}

/** Decides a call's outcome; pass your own in StatsOptions.outcomeOf. */
export type OutcomeRule = (call: Call) => CallOutcome;

const UNANSWERED_LEG = new Set(['no-answer', 'busy', 'failed', 'canceled']);

/**
 * The default rule. Overall Status `completed` is answered, except for an incoming call: Exotel marks those
 * completed once its flow picked up (support 27323), so only Leg2Status (the agent dialled, from `details=true`)
 * tells. No agent leg: a call attempt; an agent leg nobody answered: missed; no Details at all: unknown.
 */
export const defaultOutcome: OutcomeRule = call => {
  switch (call.status) {
    case 'completed': {
      if (call.direction !== 'inbound') return { outcome: 'answered', certain: true };
      if (!call.details) return { outcome: 'unknown', certain: false };
      const leg2 = call.details.leg2Status;
      if (leg2 === undefined || leg2 === '') return { outcome: 'attempt', certain: true };
      if (UNANSWERED_LEG.has(leg2)) return { outcome: 'missed', certain: true };
      return { outcome: 'answered', certain: leg2 === 'completed' };
    }
    case 'busy':
    case 'no-answer':
    case 'failed':
    case 'canceled':
      return { outcome: call.status as Outcome, certain: true };
    default:
      return { outcome: 'other', certain: true };
  }
};
