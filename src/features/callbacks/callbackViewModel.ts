// What the callback panel shows, as plain text: the request exactly as sent, the answer, every retry.
// Secret headers and URL credentials are masked here too: a panel is one screenshot away from a bug report.
import { t } from '../../common/callText/translate';
import { contentTypeOf, Delivery, maskHeaders, maskText, maskUrl, parsePayload, resultKind, resultText, RESULT_STYLES } from '../../callbacks';
import { CallbackView, FieldRow } from '../../webview-ui/protocol';

const rows = (headers: Record<string, string>): FieldRow[] => Object.entries(maskHeaders(headers)).map(([label, value]) => ({ label, value }));

export function toneOf(d: Delivery): string {
  const kind = resultKind(d);
  return kind === 'pending' ? 'pending' : kind === '2xx' ? 'ok' : kind === '4xx' || kind === '3xx' ? 'warn' : 'fail';
}

export function callbackView(d: Delivery, attempts: Delivery[], formatTime: (at: Date) => string, canResend: boolean): CallbackView {
  const kind = resultKind(d);
  const parsed = parsePayload(contentTypeOf(d.request.headers), d.request.body);
  const what = d.event ? t('{0} StatusCallback', d.event) : t('{0} request', d.request.method);
  const where = d.source === 'receiver' ? t('received by the local receiver') : d.source === 'resend' ? t('resent from the editor') : t('sent by the sandbox');
  const answer = d.answer && {
    line: `HTTP ${d.answer.status}${d.latencyMs !== undefined ? ` · ${Math.round(d.latencyMs)} ms` : ''}`,
    headers: rows(d.answer.headers),
    body: maskText(d.answer.body),
    note: d.answer.truncated
      ? t('The answer was longer; the first 64 KiB are shown.')
      : d.forwardedTo
        ? t('Your handler at {0} answered this; the receiver passed it on.', maskUrl(d.forwardedTo))
        : undefined,
  };
  const failure = !d.done ? t('Waiting for the answer…') : kind === '2xx' || d.answer ? undefined : failureText(d);
  return {
    id: d.id,
    title: `${what} · ${formatTime(d.at)}`,
    resultLabel: resultText(d),
    resultIcon: RESULT_STYLES[kind].icon,
    tone: toneOf(d),
    summary: summaryOf(d, where),
    request: {
      line: `${d.request.method} ${maskUrl(d.request.url)}`,
      headers: rows(d.request.headers),
      fields: parsed.fields.map(([label, value]) => ({ label, value: maskText(value) })),
      raw: maskText(d.request.body),
      note: parsed.problem ?? (d.tooLarge ? t('The body was larger than the receiver accepts; it was refused with 413 and is shown cut short.') : undefined),
    },
    answer,
    failure,
    attempts: attempts.map(a => ({
      id: a.id,
      when: formatTime(a.at),
      result: resultText(a),
      resultIcon: RESULT_STYLES[resultKind(a)].icon,
      latency: a.latencyMs !== undefined ? `${Math.round(a.latencyMs)} ms` : '—',
      attempt: a.source === 'resend' ? t('resent') : a.attempt !== undefined ? t('{0} of {1}', a.attempt, a.maxAttempts ?? a.attempt) : '—',
      current: a.id === d.id,
    })),
    canResend,
    canOpenCall: Boolean(d.callSid),
    text: {
      request: t('Request'),
      answer: t('Answer'),
      headers: t('Headers'),
      fields: t('Fields'),
      raw: t('Raw body'),
      attempts: t('Attempts'),
      noAnswer: t('No answer yet.'),
      resend: t('Resend'),
      editResend: t('Edit and Resend'),
      copyCurl: t('Copy as cURL'),
      copyFixture: t('Copy as Fixture'),
      openCall: t('Open Call'),
      when: t('When'),
      result: t('Result'),
      latency: t('Time'),
      attempt: t('Attempt'),
      empty: t('(empty)'),
      answerToSender: t('Answered to the sender'),
    },
  };
}

function failureText(d: Delivery): string {
  switch (resultKind(d)) {
    case 'timeout':
      return t('No answer in time: the handler did not answer before the timeout ({0}).', d.error ?? '');
    case 'refused':
      return t('Connection refused: nothing is listening at {0}. Is your handler running?', maskUrl(d.forwardedTo ?? d.request.url));
    case 'reset':
      return t('The connection was reset: the handler closed it without answering ({0}).', d.error ?? '');
    default:
      return t('The request failed: {0}', maskText(d.error ?? t('unknown error')));
  }
}

function summaryOf(d: Delivery, where: string): string {
  const kind = resultKind(d);
  const retry = d.attempt !== undefined && d.maxAttempts !== undefined && d.maxAttempts > 1 ? ` ${t('Attempt {0} of {1}.', d.attempt, d.maxAttempts)}` : '';
  const outcome =
    kind === 'pending'
      ? t('No answer yet.')
      : kind === '2xx'
        ? t('The handler accepted it ({0}).', resultText(d))
        : t('The handler did not accept it: {0}.', resultText(d));
  const forwarded = d.source === 'receiver' && !d.forwardedTo ? ` ${t('Not forwarded: the receiver answered 200 itself.')}` : '';
  return `${capitalise(where)}. ${outcome}${retry}${forwarded}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
