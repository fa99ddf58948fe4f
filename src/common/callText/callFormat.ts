// How a call reads in the sidebar, tooltips and panels. Plain functions, no editor types, so they are unit-tested in Node.
import { Call, isFinalStatus } from '../../exotel';
import { parsePhone } from '../../phone';
import { outcomeNote } from './callParties';
import { t } from './translate';
import { maskingNumbers, maskNumber, shownNumber } from '../privacy';

/** A codicon and a theme colour id per status; in-progress spins. Labels are translated when asked for. */
const STATUS_STYLES: Record<string, { icon: string; color: string; label: () => string }> = {
  queued: { icon: 'watch', color: 'charts.yellow', label: () => t('Queued') },
  ringing: { icon: 'bell', color: 'charts.blue', label: () => t('Ringing') },
  'in-progress': { icon: 'sync~spin', color: 'charts.blue', label: () => t('In progress') },
  completed: { icon: 'pass-filled', color: 'testing.iconPassed', label: () => t('Completed') },
  busy: { icon: 'circle-slash', color: 'charts.orange', label: () => t('Busy') },
  'no-answer': { icon: 'bell-slash', color: 'charts.yellow', label: () => t('No answer') },
  failed: { icon: 'error', color: 'testing.iconFailed', label: () => t('Failed') },
  canceled: { icon: 'close', color: 'disabledForeground', label: () => t('Canceled') },
};

export function statusStyle(status: string): { icon: string; color: string; label: string } {
  const s = STATUS_STYLES[status];
  return s ? { icon: s.icon, color: s.color, label: s.label() } : { icon: 'question', color: 'foreground', label: status || t('Unknown') };
}

export function directionLabel(direction: string | undefined): string {
  switch (direction) {
    case 'inbound':
      return t('incoming');
    case 'outbound-api':
      return t('outgoing (API)');
    case 'outbound-dial':
      return t('outgoing (dashboard)');
    default:
      return direction ?? t('unknown direction');
  }
}

/** A number as people read it ("+91 98765 43210"), or the text as Exotel sent it when it does not parse. */
export function displayNumber(n: string | undefined): string {
  if (!n) return '—';
  const p = parsePhone(n);
  return shownNumber(p.ok ? p.number.international : n);
}

/** The customer: To on outgoing calls, From on incoming ones. */
export function otherParty(call: Call): string | undefined {
  return call.direction === 'inbound' ? call.from : (call.to ?? call.from);
}

export function durationText(call: Call): string {
  if (call.duration !== undefined) return formatSeconds(call.duration);
  return isFinalStatus(call.status) ? t('pending') : '—';
}

function priceText(call: Call): string {
  if (call.price !== undefined) return call.price.toFixed(2);
  return isFinalStatus(call.status) ? t('pending') : '—';
}

export function formatSeconds(s: number): string {
  if (s < 60) return t('{0} s', s);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return t('{0} m {1} s', m, String(rest).padStart(2, '0'));
  return t('{0} h {1} m', Math.floor(m / 60), String(m % 60).padStart(2, '0'));
}

/** "Today", "Yesterday", or the date, for a call's `YYYY-MM-DD HH:mm:ss` in the account's zone. */
export function dayLabel(dateCreated: string | undefined, todayLocal: string, yesterdayLocal: string): string {
  const day = dateCreated?.slice(0, 10);
  if (!day) return t('Unknown date');
  if (day === todayLocal) return t('Today');
  if (day === yesterdayLocal) return t('Yesterday');
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? day
    : d.toLocaleDateString('en-IN', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function timeOf(dateCreated: string | undefined): string {
  return dateCreated?.slice(11, 16) ?? '';
}

/** The sidebar's description: time, duration, price, direction (what fits a narrow sidebar first), and "missed" when Status would mislead. */
export function callDescription(call: Call): string {
  return [timeOf(call.dateCreated), durationText(call), priceText(call), directionLabel(call.direction), outcomeNote(call)].filter(Boolean).join(' · ');
}

function number(n: string | undefined): string | undefined {
  return n === undefined ? undefined : shownNumber(n);
}

/** A call as exported or copied: its numbers masked while exotel.privacy.maskNumbers is on. */
export function callForExport(call: Call): Call {
  if (!maskingNumbers()) return call;
  const m = (n: string | undefined) => (n === undefined ? undefined : maskNumber(n));
  return { ...call, from: m(call.from), to: m(call.to), phoneNumberSid: m(call.phoneNumberSid), forwardedFrom: m(call.forwardedFrom) };
}

/** The label of the recording row, which panels turn into a link. */
export const RECORDING = () => t('Recording');

/** Every field of a call, as label/value rows (for tooltips, panels and exports). */
export function callFields(call: Call): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    [t('Call SID'), call.sid],
    [t('Status'), call.status],
    [t('Direction'), call.direction],
    [t('From'), number(call.from)],
    [t('To'), number(call.to)],
    [t('ExoPhone'), number(call.phoneNumberSid)],
    [t('Created'), call.dateCreated],
    [t('Updated'), call.dateUpdated],
    [t('Started'), call.startTime],
    [t('Ended'), call.endTime],
    [t('Duration'), durationText(call)],
    [t('Price'), priceText(call)],
    [t('Answered by'), call.answeredBy],
    [t('Forwarded from'), number(call.forwardedFrom)],
    [t('Caller name'), call.callerName],
    [t('Parent call'), call.parentCallSid],
    [RECORDING(), call.recordingUrl],
    [t('Pre-signed recording'), call.preSignedRecordingUrl],
    [t('Account'), call.accountSid],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
}
