// Deterministic call lists for the stats tests and bench: every status and direction, leg statuses, prices.
import type { Call } from '../../../src/exotel';

const STATUSES = ['completed', 'completed', 'completed', 'busy', 'no-answer', 'failed', 'canceled'];
const DIRECTIONS = ['outbound-api', 'inbound', 'outbound-dial'];
const EXOPHONES = ['08047112345', '01141172345', '02261734567'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `count` calls spread over 30 days ending 2026-03-31, with `distinct` customer numbers. */
export function syntheticCalls(count: number, distinct = 2000): Call[] {
  const calls: Call[] = [];
  let x = 12345;
  const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < count; i++) {
    const status = STATUSES[Math.floor(rand() * STATUSES.length)];
    const direction = DIRECTIONS[Math.floor(rand() * DIRECTIONS.length)];
    const day = 1 + Math.floor(rand() * 30);
    const at = `2026-03-${pad(day)} ${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:${pad(Math.floor(rand() * 60))}`;
    const customer = `09${String(800000000 + (i % distinct)).padStart(9, '0')}`;
    const talk = status === 'completed' ? Math.floor(rand() * 900) : 0;
    const leg2 = direction === 'inbound' && status === 'completed' && rand() < 0.2 ? 'no-answer' : status;
    calls.push({
      sid: `c${String(i).padStart(31, '0')}`,
      dateCreated: at,
      status,
      direction,
      phoneNumberSid: EXOPHONES[i % EXOPHONES.length],
      from: direction === 'inbound' ? customer : '09845012340',
      to: direction === 'inbound' ? EXOPHONES[i % EXOPHONES.length] : customer,
      duration: talk + 20,
      price: Math.round(rand() * 300) / 100,
      details: { conversationDuration: leg2 === 'no-answer' ? 0 : talk, leg1Status: 'completed', leg2Status: leg2, legs: [] },
    });
  }
  return calls;
}
