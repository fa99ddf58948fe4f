// What happened on a call, in words, from its status, direction and legs. Outgoing: leg 1 is the agent (From, called
// first), leg 2 the customer. Incoming: leg 1 is the caller reaching the ExoPhone, leg 2 the ExoPhone reaching an agent.
import { Call } from '../../exotel';
import { CallView, RecordingView } from '../../webview-ui/protocol';
import { callFields, directionLabel, displayNumber, formatSeconds, otherParty, RECORDING } from './callFormat';
import { callOutcome, callStyle, isIncoming, legParty } from './callParties';
import { t } from './translate';

const secs = (n: number | undefined) => (n === undefined ? undefined : formatSeconds(n));

/** A call not over yet reads the same in either direction; undefined once it has ended. */
function unfinished(status: string): string | undefined {
  switch (status) {
    case 'queued':
      return t("The call is waiting in Exotel's queue.");
    case 'ringing':
      return t('The call is ringing.');
    case 'in-progress':
      return t('The call is in progress.');
  }
  return undefined;
}

/** How long leg 1 was connected, once details are loaded. */
const leg1Seconds = (call: Call) => call.details?.legs.find(l => l.id === 1)?.onCallDuration;

export function summarize(call: Call): string {
  if (isIncoming(call)) return summarizeIncoming(call);
  const d = call.details;
  const leg1 = leg1Seconds(call);
  const agentTime = leg1 !== undefined ? t("; the agent's leg was connected for {0}", secs(leg1)!) : '';
  const live = unfinished(call.status);
  if (live) return live;
  if (call.status === 'canceled') return t('The call was canceled before it connected.');
  if (d?.leg1Status && d.leg1Status !== 'completed') {
    return t('The agent (From) {0}, so the customer was never called.', legWords(d.leg1Status));
  }
  if (d?.leg2Status && d.leg2Status !== 'completed') {
    return t('The customer {0}{1}.', legWords(d.leg2Status), agentTime);
  }
  if (call.status === 'completed') {
    const talk = d?.conversationDuration ?? call.duration;
    return talk !== undefined
      ? t('Both sides answered and talked for {0}{1}.', secs(talk)!, agentTime)
      : t('The call was answered and ended normally; Exotel has not filled in the duration yet.');
  }
  if (call.status === 'busy') return t('The line was busy{0}.', agentTime);
  if (call.status === 'no-answer') return t('Nobody answered{0}.', agentTime);
  if (call.status === 'failed') return t('The call failed: Exotel could not connect it (a wrong or unreachable number, or a network problem).');
  return t('The call ended with status “{0}”.', call.status);
}

/** An incoming call: Exotel's `completed` only says the caller reached the ExoPhone; Leg2Status says if an agent answered. */
function summarizeIncoming(call: Call): string {
  const d = call.details;
  const leg1 = leg1Seconds(call);
  const callerTime = leg1 !== undefined ? t("; the caller's leg was connected for {0}", secs(leg1)!) : '';
  const live = unfinished(call.status);
  if (live) return live;
  if (call.status !== 'completed') return t("The caller never reached the ExoPhone's flow: the call ended as “{0}”.", call.status);
  if (!d)
    return t(
      'Exotel says “completed”: the caller reached the ExoPhone. Whether an agent answered is unknown until details are loaded (Leg2Status); Refresh loads them.',
    );
  switch (d.leg2Status) {
    case 'completed': {
      const talk = d.conversationDuration ?? call.duration;
      return talk !== undefined ? t('The caller reached an agent and they talked for {0}{1}.', secs(talk)!, callerTime) : t('The caller reached an agent.');
    }
    case undefined:
      return t("Missed: the caller hung up in the ExoPhone's flow before an agent was dialled{0}.", callerTime);
    default:
      return t(
        'Missed: the caller reached the ExoPhone, but the agent {0}{1}. Exotel still reports the call as completed.',
        legWords(d.leg2Status),
        callerTime,
      );
  }
}

function legWords(status: string): string {
  switch (status) {
    case 'no-answer':
      return t('never answered');
    case 'busy':
      return t('was busy');
    case 'failed':
      return t('could not be reached');
    case 'canceled':
      return t('was canceled');
    default:
      return t('ended as “{0}”', status);
  }
}

/** Everything the call panel shows, prepared as plain text (the page sets it as text, never HTML). */
export function callView(call: Call, recording?: RecordingView): CallView {
  const style = callStyle(call);
  const legs = (call.details?.legs ?? []).map(l => ({
    leg: String(l.id),
    who: legParty(call, l.id),
    status: (l.id === 1 ? call.details?.leg1Status : call.details?.leg2Status) ?? '—',
    onCall: l.onCallDuration !== undefined ? formatSeconds(l.onCallDuration) : '—',
  }));
  const conv = call.details?.conversationDuration;
  return {
    sid: call.sid,
    title: `${style.label} · ${directionLabel(call.direction)} · ${displayNumber(otherParty(call))}`,
    statusLabel: callOutcome(call) === 'missed' ? t('missed') : call.status,
    statusIcon: style.icon,
    summary: summarize(call),
    fields: callFields(call).map(([label, value]) => ({ label, value, link: label === RECORDING() && /^https?:\/\//.test(value) })),
    legs,
    conversation: conv !== undefined ? t('Conversation (both legs connected): {0}', formatSeconds(conv)) : undefined,
    recording,
    canCallAgain: Boolean(call.from && call.to && call.direction === 'outbound-api'),
    text: {
      leg: t('Leg'),
      who: t('Who'),
      status: t('Status'),
      onCall: t('On call'),
      noLegs: t('Exotel reported no leg details for this call.'),
      recording: t('Recording'),
      openInBrowser: t('Open in browser'),
      refresh: t('Refresh'),
      copySid: t('Copy Call SID'),
      callAgain: t('Call Again'),
      legs: t('Legs'),
      allFields: t('All fields'),
      play: t('Play recording'),
      download: t('Download Recording…'),
      freshLink: t('Get a fresh link'),
    },
  };
}
