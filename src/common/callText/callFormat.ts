// How a call reads in the sidebar, tooltips and panels. Plain functions, no editor types, so they are unit-tested in Node.
import { Call, isFinalStatus } from '../../exotel';
import { parsePhone } from '../../phone';

/** A codicon and a theme colour id per status; in-progress spins. */
export const STATUS_ICONS: Record<string, { icon: string; color: string; label: string }> = {
  queued: { icon: 'watch', color: 'charts.yellow', label: 'Queued' },
  ringing: { icon: 'bell', color: 'charts.blue', label: 'Ringing' },
  'in-progress': { icon: 'sync~spin', color: 'charts.blue', label: 'In progress' },
  completed: { icon: 'pass-filled', color: 'testing.iconPassed', label: 'Completed' },
  busy: { icon: 'circle-slash', color: 'charts.orange', label: 'Busy' },
  'no-answer': { icon: 'bell-slash', color: 'charts.yellow', label: 'No answer' },
  failed: { icon: 'error', color: 'testing.iconFailed', label: 'Failed' },
  canceled: { icon: 'close', color: 'disabledForeground', label: 'Canceled' },
};
const UNKNOWN_STATUS = { icon: 'question', color: 'foreground', label: 'Unknown' };

export function statusStyle(status: string): { icon: string; color: string; label: string } {
  return STATUS_ICONS[status] ?? { ...UNKNOWN_STATUS, label: status || UNKNOWN_STATUS.label };
}

export const DIRECTION_LABELS: Record<string, string> = {
  inbound: 'incoming',
  'outbound-api': 'outgoing (API)',
  'outbound-dial': 'outgoing (dashboard)',
};

export function directionLabel(direction: string | undefined): string {
  return direction ? DIRECTION_LABELS[direction] ?? direction : 'unknown direction';
}

/** A number as people read it ("+91 98765 43210"), or the text as Exotel sent it when it does not parse. */
export function displayNumber(n: string | undefined): string {
  if (!n) return '—';
  const p = parsePhone(n);
  return p.ok ? p.number.international : n;
}

/** The customer: To on outgoing calls, From on incoming ones. */
export function otherParty(call: Call): string | undefined {
  return call.direction === 'inbound' ? call.from : call.to ?? call.from;
}

export function durationText(call: Call): string {
  if (call.duration !== undefined) return formatSeconds(call.duration);
  return isFinalStatus(call.status) ? 'pending' : '—';
}

export function priceText(call: Call): string {
  if (call.price !== undefined) return call.price.toFixed(2);
  return isFinalStatus(call.status) ? 'pending' : '—';
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return `${m} m ${String(rest).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} m`;
}

/** "Today", "Yesterday", or the date, for a call's `YYYY-MM-DD HH:mm:ss` in the account's zone. */
export function dayLabel(dateCreated: string | undefined, todayLocal: string, yesterdayLocal: string): string {
  const day = dateCreated?.slice(0, 10);
  if (!day) return 'Unknown date';
  if (day === todayLocal) return 'Today';
  if (day === yesterdayLocal) return 'Yesterday';
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString('en-IN', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function timeOf(dateCreated: string | undefined): string {
  return dateCreated?.slice(11, 16) ?? '';
}

/** The sidebar's description: time, duration, price, direction (what fits a narrow sidebar first). */
export function callDescription(call: Call): string {
  return [timeOf(call.dateCreated), durationText(call), priceText(call), directionLabel(call.direction)].filter(Boolean).join(' · ');
}

/** Every field of a call, as label/value rows (for tooltips, panels and exports). */
export function callFields(call: Call): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ['Call SID', call.sid], ['Status', call.status], ['Direction', call.direction], ['From', call.from], ['To', call.to],
    ['ExoPhone', call.phoneNumberSid], ['Created', call.dateCreated], ['Updated', call.dateUpdated], ['Started', call.startTime],
    ['Ended', call.endTime], ['Duration', durationText(call)], ['Price', priceText(call)], ['Answered by', call.answeredBy],
    ['Forwarded from', call.forwardedFrom], ['Caller name', call.callerName], ['Parent call', call.parentCallSid],
    ['Recording', call.recordingUrl], ['Account', call.accountSid],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
}
