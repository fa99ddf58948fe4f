// The end of a call in words, for the notification that follows it. Editor-free.
import { Call } from '../../exotel';
import { formatSeconds } from '../../common/callText/callFormat';
import { summarize } from '../../common/callText/callSummary';

export function outcomeText(call: Call): string {
  const talk = call.details?.conversationDuration ?? call.duration;
  switch (call.status) {
    case 'completed': return talk !== undefined ? `Call completed — talked for ${formatSeconds(talk)}.` : 'Call completed. Exotel fills in the duration a few minutes after the call.';
    case 'busy': return `Call ended: busy. ${summarize(call)}`;
    case 'no-answer': return `Call ended: no answer. ${summarize(call)}`;
    case 'failed': return `Call failed. ${summarize(call)}`;
    case 'canceled': return 'Call canceled before it connected.';
    default: return `The call is still ${call.status}; it is in the call log, which keeps following it.`;
  }
}
