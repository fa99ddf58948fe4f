// One call whose fields hold hostile text, for the tiers that check such text stays inert (in-host tools, UI).
import type { Fault } from '../../src/sandbox';

/** Call details Exotel might send (as a sandbox fault): a completed outgoing call whose From and CallerName are `text`. */
export function callHolding(sid: string, text: string, more: Record<string, string> = {}): Fault {
  const call = { Sid: sid, Status: 'completed', Direction: 'outbound-api', From: text, To: '+919876543210', CallerName: text, ...more };
  return { kind: 'status', status: 200, body: { Call: { ...call, DateCreated: '2026-11-20 10:00:00', Duration: '12', Price: '0.750' } } };
}
