// What a dialled number does in a simulated Connect: the sandbox's one table of last-digit rules (outcomes.ts),
// read as the customer leg's fate, with believable seconds from a stable seed. The flow engine gets it as its `dial`.
import type { DialPlan, DialResult } from '../flows';
import { ruleFor } from './outcomes';
import { between, seededRandom, stableHash } from './random';

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
