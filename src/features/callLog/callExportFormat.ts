// CSV and JSON of calls for Export Calls…. Plain functions, unit-tested in Node.
import { Call } from '../../exotel';

const CSV_COLUMNS: Array<[string, (c: Call) => string | number | undefined]> = [
  ['Sid', c => c.sid], ['DateCreated', c => c.dateCreated], ['DateUpdated', c => c.dateUpdated], ['Status', c => c.status],
  ['Direction', c => c.direction], ['From', c => c.from], ['To', c => c.to], ['PhoneNumberSid', c => c.phoneNumberSid],
  ['StartTime', c => c.startTime], ['EndTime', c => c.endTime], ['Duration', c => c.duration], ['Price', c => c.price],
  ['AnsweredBy', c => c.answeredBy], ['RecordingUrl', c => c.recordingUrl], ['ParentCallSid', c => c.parentCallSid],
];

/**
 * One CSV cell. Quotes when needed, and defuses spreadsheet formulas (=, @, +, - at the start)
 * unless the cell is a plain number or phone number such as +919876543210.
 */
export function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  let s = String(v);
  if (/^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(calls: Call[]): string {
  const head = CSV_COLUMNS.map(([name]) => name).join(',');
  const rows = calls.map(c => CSV_COLUMNS.map(([, get]) => csvCell(get(c))).join(','));
  return [head, ...rows].join('\r\n') + '\r\n';
}

export function toJson(calls: Call[]): string {
  return JSON.stringify(calls, null, 2) + '\n';
}
