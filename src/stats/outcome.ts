// What became of a call, for statistics: one function, so the rule for "answered" lives in one place and a
// caller can hand in another (the rule for incoming calls is still being settled, see the API notes).
import type { Call } from '../exotel';

/** The stacked outcomes, in chart order. `missed` is an incoming call Exotel picked up that no agent answered. */
export const OUTCOMES = ['answered', 'missed', 'busy', 'no-answer', 'failed', 'canceled', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface CallOutcome {
  outcome: Outcome;
  /** False when the listing could not tell (an incoming `completed` call without leg statuses). */
  certain: boolean;
}

/** Decides a call's outcome; pass your own in StatsOptions.outcomeOf. */
export type OutcomeRule = (call: Call) => CallOutcome;

const UNANSWERED_LEG = new Set(['no-answer', 'busy', 'failed', 'canceled']);

/**
 * The default rule. Overall Status `completed` is answered, except for an incoming call whose Leg2Status (the
 * agent dialled, from `details=true`) says nobody answered: Exotel marks those completed once its flow picked
 * up, so they are missed calls. An incoming completed call without leg statuses counts as answered, uncertain.
 */
export const defaultOutcome: OutcomeRule = call => {
  switch (call.status) {
    case 'completed': {
      if (call.direction !== 'inbound') return { outcome: 'answered', certain: true };
      const leg2 = call.details?.leg2Status;
      if (leg2 === undefined || leg2 === '') return { outcome: 'answered', certain: false };
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
