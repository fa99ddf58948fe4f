// Who each leg is, and whether a call was answered, from Direction. Leg 1 and leg 2 mean different people: on an
// outgoing API call leg 1 is the agent (From, dialled first) and leg 2 the customer (To); on an incoming call leg 1 is
// the caller reaching the ExoPhone and leg 2 the ExoPhone reaching an agent. And an incoming call's overall Status is
// `completed` as soon as Exotel picks up (a greeting), even when no agent answers: only Leg2Status tells.
import { Call } from '../../exotel';
import { displayNumber, statusStyle } from './callFormat';
import { t } from './translate';

export function isIncoming(call: Pick<Call, 'direction'>): boolean {
  return call.direction === 'inbound';
}

/** The party of a leg, in words, with its number. */
export function legParty(call: Call, leg: number): string {
  if (isIncoming(call)) {
    return leg === 1
      ? t('Caller (From) {0} → the ExoPhone', displayNumber(call.from))
      : t('The ExoPhone {0} → an agent', displayNumber(call.phoneNumberSid ?? call.to));
  }
  return leg === 1 ? t('Agent (From) {0}', displayNumber(call.from)) : t('Customer (To) {0}', displayNumber(call.to));
}

/** The party of a leg without a number, for export columns. */
export function legRole(call: Pick<Call, 'direction'>, leg: number): string {
  if (isIncoming(call)) return leg === 1 ? 'caller (From) → ExoPhone' : 'ExoPhone → agent';
  return leg === 1 ? 'agent (From)' : 'customer (To)';
}

/**
 * Whether a call reached the person it was for. `missed`: an incoming call no agent answered, though Exotel says
 * completed. `unknown`: an incoming completed call whose legs are not known (listed without details).
 * `not-answered`: any call that ended otherwise. Undefined while the call is still going on.
 */
export type CallOutcome = 'answered' | 'missed' | 'unknown' | 'not-answered';

export function callOutcome(call: Call): CallOutcome | undefined {
  if (call.status === 'completed') {
    if (!isIncoming(call)) return 'answered';
    if (!call.details) return 'unknown';
    return call.details.leg2Status === 'completed' ? 'answered' : 'missed';
  }
  return ['busy', 'no-answer', 'failed', 'canceled'].includes(call.status) ? 'not-answered' : undefined;
}

/** Export's word for the outcome ("" while ongoing). */
export function outcomeWord(call: Call): string {
  const o = callOutcome(call);
  return o === undefined ? '' : o === 'not-answered' ? 'not answered' : o;
}

/** The icon, colour and label of a call: its status, except an incoming "completed" call that was missed or is unclear. */
export function callStyle(call: Call): { icon: string; color: string; label: string } {
  switch (isIncoming(call) ? callOutcome(call) : undefined) {
    case 'missed':
      return { icon: 'bell-slash', color: 'charts.orange', label: t('Missed (no agent answered)') };
    case 'unknown':
      return { icon: 'question', color: 'charts.yellow', label: t('Completed — outcome unknown until details are loaded') };
    default:
      return statusStyle(call.status);
  }
}

/** A short word for the sidebar, for incoming calls whose status alone would mislead; undefined otherwise. */
export function outcomeNote(call: Call): string | undefined {
  switch (isIncoming(call) ? callOutcome(call) : undefined) {
    case 'missed':
      return t('missed');
    case 'unknown':
      return t('outcome unknown');
    default:
      return undefined;
  }
}
