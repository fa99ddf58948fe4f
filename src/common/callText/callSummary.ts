// What happened on a call, in words, from its status and legs. Leg 1 is the agent (From, called first), leg 2 the customer.
import { Call } from '../../exotel';
import { CallView } from '../../webview-ui/protocol';
import { callFields, directionLabel, displayNumber, formatSeconds, otherParty, statusStyle } from './callFormat';

const secs = (n: number | undefined) => (n === undefined ? undefined : formatSeconds(n));

export function summarize(call: Call): string {
  const d = call.details;
  const leg1 = d?.legs.find(l => l.id === 1)?.onCallDuration;
  const agentTime = leg1 !== undefined ? `; the agent's leg was connected for ${secs(leg1)}` : '';
  switch (call.status) {
    case 'queued': return 'The call is waiting in Exotel\'s queue.';
    case 'ringing': return 'The call is ringing.';
    case 'in-progress': return 'The call is in progress.';
    case 'canceled': return 'The call was canceled before it connected.';
  }
  if (d?.leg1Status && d.leg1Status !== 'completed') {
    return `The agent (From) ${legWords(d.leg1Status)}, so the customer was never called.`;
  }
  if (d?.leg2Status && d.leg2Status !== 'completed') {
    return `The customer ${legWords(d.leg2Status)}${agentTime}.`;
  }
  if (call.status === 'completed') {
    const talk = d?.conversationDuration ?? call.duration;
    return talk !== undefined ? `Both sides answered and talked for ${secs(talk)}${agentTime}.` : 'The call was answered and ended normally; Exotel has not filled in the duration yet.';
  }
  if (call.status === 'busy') return `The line was busy${agentTime}.`;
  if (call.status === 'no-answer') return `Nobody answered${agentTime}.`;
  if (call.status === 'failed') return 'The call failed: Exotel could not connect it (a wrong or unreachable number, or a network problem).';
  return `The call ended with status “${call.status}”.`;
}

function legWords(status: string): string {
  switch (status) {
    case 'no-answer': return 'never answered';
    case 'busy': return 'was busy';
    case 'failed': return 'could not be reached';
    case 'canceled': return 'was canceled';
    default: return `ended as “${status}”`;
  }
}

/** Everything the call panel shows, prepared as plain text (the page sets it as text, never HTML). */
export function callView(call: Call, recordingValidityMinutes: number): CallView {
  const style = statusStyle(call.status);
  const legs = (call.details?.legs ?? []).map(l => ({
    leg: String(l.id),
    who: l.id === 1 ? `Agent (From) ${displayNumber(call.from)}` : `Customer (To) ${displayNumber(call.to)}`,
    status: (l.id === 1 ? call.details?.leg1Status : call.details?.leg2Status) ?? '—',
    onCall: l.onCallDuration !== undefined ? formatSeconds(l.onCallDuration) : '—',
  }));
  const conv = call.details?.conversationDuration;
  return {
    sid: call.sid,
    title: `${style.label} · ${directionLabel(call.direction)} · ${displayNumber(otherParty(call))}`,
    statusLabel: call.status,
    statusIcon: style.icon,
    summary: summarize(call),
    fields: callFields(call).map(([label, value]) => ({ label, value, link: label === 'Recording' && /^https?:\/\//.test(value) })),
    legs,
    conversation: conv !== undefined ? `Conversation (both legs connected): ${formatSeconds(conv)}` : undefined,
    recording: call.recordingUrl && /^https?:\/\//.test(call.recordingUrl)
      ? { url: call.recordingUrl, validity: `This link was signed for ${recordingValidityMinutes} minutes; Refresh for a new one.` }
      : undefined,
    canCallAgain: Boolean(call.from && call.to && call.direction === 'outbound-api'),
  };
}
