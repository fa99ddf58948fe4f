// What a StatusCallback carries. Default fields always (fixture 15); the extended set when the request
// subscribed to StatusCallbackEvents (fixture 20; docs/exotel-api-notes.md, StatusCallback), in the docs' order. CustomField only on `terminal`;
// RecordingUrl only when a recording exists (absent for busy/no-answer/failed — nammayatri #917).
import { formatIst } from './clock';
import { planDuration } from './outcomes';
import { presignedFor } from './callView';
import { recordingUrl } from './recording';
import { AnsweredLeg, CallbackEvent, CallRecord } from './types';
import type { Fields } from '../webhooks/wireFormat';

/**
 * The Status values Exotel lists for a StatusCallback (legacy developer.exotel.com/api/statuscallback). `canceled`
 * is not one of them: it appears only as a leg status (gen-docs status-callback.md) and a dashboard bucket (support
 * 27323). So a call the sandbox ends `canceled` (From hangs up while To rings) calls back `no-answer` — the customer
 * never answered — with `Legs[1][Status]=canceled`; its call details keep `canceled`.
 */
export const CALLBACK_STATUSES = ['completed', 'failed', 'busy', 'no-answer'] as const;

function callbackStatus(status: CallRecord['status'], terminal: boolean): string {
  if (!terminal) {
    return 'in-progress';
  }
  return (CALLBACK_STATUSES as readonly string[]).includes(status) ? status : 'no-answer';
}

/** Where recordings are and how links are signed; `secret` only in signed-URL mode. */
export interface CallbackRecording {
  baseUrl: string;
  accountSid: string;
  nowMs: number;
  signed: boolean;
  secret: string;
}

/** `answeredLeg`: for an `answered` callback, the leg that just picked up (1 = the agent, 2 = the customer). */
export function callbackFields(call: CallRecord, event: CallbackEvent, extended: boolean, where: CallbackRecording, answeredLeg: AnsweredLeg = 1): Fields {
  const { nowMs } = where;
  const terminal = event === 'terminal';
  const recording = terminal && call.recorded && call.status === 'completed' ? recordingUrl(where, call) : undefined;
  // Accounts with signed URLs get the pre-signed link in StatusCallbacks too (public consumers read it there).
  const presigned = recording && where.signed ? presignedFor(call, where) : undefined;
  const recordingFields = (fields: Fields): void => {
    if (recording) {
      fields.push(['RecordingUrl', recording]);
    }
    if (presigned) {
      fields.push(['PreSignedRecordingUrl', presigned]);
    }
  };
  if (!extended) {
    const fields: Fields = [
      ['CallSid', call.sid],
      ['DateUpdated', formatIst(nowMs)],
      ['Status', callbackStatus(call.status, terminal)],
    ];
    recordingFields(fields);
    return fields;
  }
  const endMs = terminal && call.plan && call.startTime !== null ? call.startTime + planDuration(call.plan) * 1000 : null;
  const endTime = endMs === null ? null : formatIst(endMs);
  const fields: Fields = [
    ['CallSid', call.sid],
    ['EventType', event],
    ['DateCreated', formatIst(call.createdAt)],
    // The sandbox plays a call faster than its Duration: never let the update come before the end.
    ['DateUpdated', formatIst(Math.max(nowMs, endMs ?? 0))],
    ['To', call.to],
    ['From', call.from],
    ['PhoneNumberSid', call.phoneNumberSid],
    ['StartTime', call.startTime === null ? null : formatIst(call.startTime)],
    ['EndTime', endTime],
    ['Status', callbackStatus(call.status, terminal)],
    ['ConversationDuration', terminal ? (call.conversationDuration ?? 0) : 0],
    ['Direction', call.direction],
  ];
  const customField = call.request?.customField;
  if (terminal && customField) {
    fields.push(['CustomField', customField]);
  }
  recordingFields(fields);
  fields.push(['Legs', terminal ? terminalLegs(call) : answeredLegs(call, answeredLeg)]);
  return fields;
}

function terminalLegs(call: CallRecord): Array<Record<string, unknown>> {
  return call.legs.map(leg => ({ OnCallDuration: leg.onCallDuration, Status: leg.status, AnsweredBy: leg.answeredBy }));
}

/**
 * On `answered` the legs are up: the ones that picked up are `in-progress`, the others have no status yet (empty in a
 * form body, null in JSON), as frappe/crm's Exotel UI reads them: leg 1 only → "Ringing…", both → "In Progress".
 */
function answeredLegs(call: CallRecord, upTo: AnsweredLeg): Array<Record<string, unknown>> {
  return call.legs.map((leg, i) => ({
    OnCallDuration: 0,
    Status: i < upTo ? 'in-progress' : null,
    AnsweredBy: i < upTo ? (call.plan?.legs[i]?.answeredBy ?? leg.answeredBy) : 'NA',
  }));
}
