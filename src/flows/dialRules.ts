// What a dialled number does in a simulated Connect: the sandbox's one table of last-digit rules
// (src/sandbox/outcomes.ts), read as the customer leg's fate, with believable seconds from a stable seed.
import { ruleFor } from '../sandbox/outcomes';
import { between, seededRandom, stableHash } from '../sandbox/random';
import type { DialResult } from './runModel';
import type { DialPlan } from './engine';

const RESULT: Record<string, DialResult> = { completed: 'answered', busy: 'busy', 'no-answer': 'no-answer', failed: 'failed', canceled: 'canceled' };

/** A number in any format as E.164 for the rules (only its last digit matters). */
function e164(number: string): string {
  const digits = number.replace(/[^0-9]/g, '');
  return `+91${digits.slice(-10)}`;
}

export function sandboxDial(number: string, seed = ''): DialPlan {
  const rule = ruleFor(e164(number));
  const result = RESULT[rule.status] ?? 'answered';
  const rand = seededRandom(stableHash(`${seed}:${number}`));
  const ringSeconds = result === 'busy' || result === 'failed' ? between(1, 3, rand) : between(4, 18, rand);
  const talkSeconds = result === 'answered' ? between(12, 240, rand) : 0;
  return { result, ringSeconds, talkSeconds };
}

/** Q.850-style CauseCode/Cause per result; NORMAL_CLEARING 16 and RING_TIMEOUT 1003 are the observed ones (O3). */
export const CAUSES: Record<DialResult, { causeCode: string; cause: string; dialCallStatus: string }> = {
  answered: { causeCode: 'NORMAL_CLEARING', cause: '16', dialCallStatus: 'completed' },
  busy: { causeCode: 'USER_BUSY', cause: '17', dialCallStatus: 'busy' },
  'no-answer': { causeCode: 'RING_TIMEOUT', cause: '1003', dialCallStatus: 'no-answer' },
  failed: { causeCode: 'NO_ROUTE_DESTINATION', cause: '3', dialCallStatus: 'failed' },
  canceled: { causeCode: 'RING_TIMEOUT', cause: '1003', dialCallStatus: 'canceled' },
};
