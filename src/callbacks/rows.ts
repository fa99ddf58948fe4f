// The Callbacks view's rows as plain data (the feature turns them into tree items): deliveries grouped by
// call, newest first, with an icon per result. Editor-free, so the bench can time it for 1,000 deliveries.
import { displayNumber } from '../common/callText/callFormat';
import { t } from '../common/callText/translate';
import { Delivery, isFailure, resultKind, ResultKind } from './delivery';

export interface ResultStyle {
  icon: string;
  color: string;
}

/** Theme icons and colours per result: 2xx, 4xx, 5xx, timeout, connection refused… */
export const RESULT_STYLES: Record<ResultKind, ResultStyle> = {
  pending: { icon: 'loading~spin', color: 'foreground' },
  '2xx': { icon: 'pass-filled', color: 'testing.iconPassed' },
  '3xx': { icon: 'arrow-right', color: 'problemsWarningIcon.foreground' },
  '4xx': { icon: 'warning', color: 'problemsWarningIcon.foreground' },
  '5xx': { icon: 'error', color: 'testing.iconFailed' },
  timeout: { icon: 'watch', color: 'testing.iconFailed' },
  refused: { icon: 'debug-disconnect', color: 'testing.iconFailed' },
  reset: { icon: 'zap', color: 'testing.iconFailed' },
  error: { icon: 'error', color: 'testing.iconFailed' },
};

export interface CallInfo {
  to?: string;
  status?: string;
}

export interface DeliveryGroup {
  key: string;
  label: string;
  description: string;
  /** The newest delivery's result. */
  kind: ResultKind;
  /** Newest first. */
  deliveries: Delivery[];
}

export interface DeliveryRow {
  id: string;
  label: string;
  description: string;
  kind: ResultKind;
  tooltip: string;
  accessibility: string;
}

const OTHER = 'other';

// Parsing a number for display costs about a millisecond: a list of 1,000 deliveries re-renders often.
const displayed = new Map<string, string>();
function display(n: string): string {
  let v = displayed.get(n);
  if (v === undefined) {
    if (displayed.size >= 5000) displayed.clear();
    displayed.set(n, (v = displayNumber(n)));
  }
  return v;
}

/** Groups by call, newest group first and newest delivery first in each. */
export function groupDeliveries(all: readonly Delivery[], callInfo: (sid: string) => CallInfo | undefined = () => undefined): DeliveryGroup[] {
  const groups = new Map<string, Delivery[]>();
  for (let i = all.length - 1; i >= 0; i--) {
    const d = all[i];
    const key = d.callSid ?? OTHER;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(d);
  }
  const out: DeliveryGroup[] = [];
  for (const [key, list] of groups) {
    list.sort((a, b) => b.at.getTime() - a.at.getTime());
    const failed = list.filter(d => isFailure(resultKind(d))).length;
    const count = list.length === 1 ? t('1 delivery') : t('{0} deliveries', list.length);
    const description = failed ? t('{0}, {1} failed', count, failed) : count;
    if (key === OTHER) {
      out.push({ key, label: t('Requests without a CallSid'), description, kind: resultKind(list[0]), deliveries: list });
      continue;
    }
    const info = callInfo(key);
    const to = list.find(d => d.to)?.to ?? info?.to;
    const status = list.find(d => d.event === 'terminal' && d.callStatus)?.callStatus ?? answeredSoFar(list) ?? info?.status ?? list[0].callStatus;
    const who = to ? display(to) : t('Call {0}…', key.slice(0, 8));
    out.push({ key, label: status ? `${who} · ${status}` : who, description, kind: resultKind(list[0]), deliveries: list });
  }
  return out.sort((a, b) => b.deliveries[0].at.getTime() - a.deliveries[0].at.getTime());
}

/**
 * Before the terminal callback, what the `answered` ones say: Exotel sends one when the agent picks up (the customer
 * is still ringing) and another when the customer does, so only the second means the customer is connected.
 */
function answeredSoFar(list: readonly Delivery[]): string | undefined {
  const legs = list.filter(d => d.event === 'answered').map(d => d.answeredLeg ?? 1);
  if (!legs.length) return undefined;
  return legs.includes(2) ? t('customer answered') : t('agent answered, customer ringing');
}

export function resultText(d: Delivery): string {
  const kind = resultKind(d);
  switch (kind) {
    case 'pending':
      return d.forwardedTo ? t('forwarding…') : t('sending…');
    case 'timeout':
      return t('timed out');
    case 'refused':
      return t('connection refused');
    case 'reset':
      return t('connection reset');
    case 'error':
      return d.error ? t('failed: {0}', d.error) : t('failed');
    default:
      return `HTTP ${d.answer?.status}`;
  }
}

/** What a delivery is: the event, and for `answered` whose leg picked up (Exotel sends one per leg). */
export function eventText(d: Pick<Delivery, 'event' | 'answeredLeg' | 'request'>): string {
  if (d.event === 'answered' && d.answeredLeg) return d.answeredLeg === 2 ? t('answered (customer)') : t('answered (agent)');
  return d.event ?? d.request.method;
}

/** "5 min", "42 s": how long until a pending retry, coarse above a minute (the view refreshes once a minute then). */
export function countdownText(ms: number): string {
  if (ms >= 60_000) return t('{0} min', Math.ceil(ms / 60_000));
  return t('{0} s', Math.max(0, Math.ceil(ms / 1000)));
}

/** When the row's text next changes because of a pending retry's countdown; undefined when nothing is pending. */
export function nextCountdownChange(all: readonly Delivery[], now: number): number | undefined {
  let next: number | undefined;
  for (const d of all) {
    const left = d.nextRetryAt ? d.nextRetryAt.getTime() - now : undefined;
    if (left === undefined || left <= 0) continue;
    // Above a minute the text changes when the minutes do; below it, every second.
    const step = left > 60_000 ? ((left - 1) % 60_000) + 1 : ((left - 1) % 1000) + 1;
    next = Math.min(next ?? Infinity, step);
  }
  return next;
}

export function deliveryRow(d: Delivery, formatTime: (at: Date) => string, now: number = Date.now()): DeliveryRow {
  const kind = resultKind(d);
  const what = eventText(d);
  // The result leads (the narrow sidebar cuts the end off); the attempt counts when it was a retry or failed.
  const retry = d.attempt !== undefined && d.maxAttempts !== undefined && d.maxAttempts > 1 && (d.attempt > 1 || isFailure(kind));
  const pendingRetry = d.nextRetryAt && d.nextRetryAt.getTime() > now ? t('retry in {0}', countdownText(d.nextRetryAt.getTime() - now)) : undefined;
  const label = [
    resultText(d),
    retry ? t('attempt {0} of {1}', d.attempt!, d.maxAttempts!) : undefined,
    pendingRetry,
    d.source === 'resend' ? t('resent') : undefined,
    d.fault === 'duplicate' ? t('duplicate (injected fault)') : d.fault === 'late' ? t('late (injected fault)') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const parts = [what, formatTime(d.at)];
  if (d.latencyMs !== undefined) parts.push(`${Math.round(d.latencyMs)} ms`);
  if (d.source === 'receiver') parts.push(d.forwardedTo ? t('received, forwarded to {0}', shortUrl(d.forwardedTo)) : t('received by the local receiver'));
  else parts.push(`→ ${shortUrl(d.request.url)}`);
  if (d.tooLarge) parts.push(t('body over the size limit'));
  if (d.warnings?.length) parts.push(t('⚠ {0}', d.warnings[0].split(' (')[0]));
  const description = parts.join(' · ');
  const tooltip = [
    `${what} · ${resultText(d)}`,
    pendingRetry && d.nextRetryAt ? t('Retry due at {0} (Resend sends it now)', formatTime(d.nextRetryAt)) : undefined,
    ...(d.warnings ?? []).map(w => t('Warning: {0}', w)),
    `${d.request.method} ${d.request.url}`,
    d.forwardedTo ? t('Forwarded to {0}', d.forwardedTo) : undefined,
    d.callSid ? `CallSid ${d.callSid}` : undefined,
    d.at.toISOString(),
  ]
    .filter(Boolean)
    .join('\n');
  return { id: d.id, label, description, kind, tooltip, accessibility: `${label}, ${description}` };
}

/** host and path, without the scheme or query (the full URL is in the tooltip and panel). */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}
