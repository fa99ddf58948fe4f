// The end of a call in words, for the notification that follows it. Editor-free.
import { Call } from '../../exotel';
import { formatSeconds } from '../../common/callText/callFormat';
import { summarize } from '../../common/callText/callSummary';
import { t } from '../../common/callText/translate';

export function outcomeText(call: Call): string {
  const talk = call.details?.conversationDuration ?? call.duration;
  switch (call.status) {
    case 'completed':
      return talk !== undefined
        ? t('Call completed — talked for {0}.', formatSeconds(talk))
        : t('Call completed. Exotel fills in the duration a few minutes after the call.');
    case 'busy':
      return t('Call ended: busy. {0}', summarize(call));
    case 'no-answer':
      return t('Call ended: no answer. {0}', summarize(call));
    case 'failed':
      return t('Call failed. {0}', summarize(call));
    case 'canceled':
      return t('Call canceled before it connected.');
    default:
      return t('The call is still {0}; it is in the call log, which keeps following it.', call.status);
  }
}
