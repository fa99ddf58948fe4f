// CSV and JSON of calls for Export Calls…. Plain functions, unit-tested in Node.
import { Call } from '../../exotel';
import { legRole, outcomeWord } from '../../common/callText/callParties';

const CSV_COLUMNS: Array<[string, (c: Call) => string | number | undefined]> = [
  ['Sid', c => c.sid],
  ['DateCreated', c => c.dateCreated],
  ['DateUpdated', c => c.dateUpdated],
  ['Status', c => c.status],
  ['Direction', c => c.direction],
  ['From', c => c.from],
  ['To', c => c.to],
  ['PhoneNumberSid', c => c.phoneNumberSid],
  ['StartTime', c => c.startTime],
  ['EndTime', c => c.endTime],
  ['Duration', c => c.duration],
  ['Price', c => c.price],
  ['AnsweredBy', c => c.answeredBy],
  ['RecordingUrl', c => c.recordingUrl],
  ['ParentCallSid', c => c.parentCallSid],
  // Legs by Direction (leg 1 is the agent on an outgoing call, the caller on an incoming one), and whether the call
  // was answered: an incoming call Exotel calls completed is "missed" when no agent answered.
  ['Leg1', c => legRole(c, 1)],
  ['Leg1Status', c => c.details?.leg1Status],
  ['Leg2', c => legRole(c, 2)],
  ['Leg2Status', c => c.details?.leg2Status],
  ['Outcome', c => outcomeWord(c)],
  ['PreSignedRecordingUrl', c => c.preSignedRecordingUrl],
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

/** Each call as the client read it, with who each leg is and the outcome (see CSV_COLUMNS). */
export function toJson(calls: Call[]): string {
  const rows = calls.map(c => ({ ...c, legParties: { 1: legRole(c, 1), 2: legRole(c, 2) }, outcome: outcomeWord(c) }));
  return JSON.stringify(rows, null, 2) + '\n';
}
