// What a StatusCallback carries. Default fields always (fixture 15); the extended set when the request
// subscribed to StatusCallbackEvents (fixture 20; docs/exotel-api-notes.md, StatusCallback), in the docs' order. CustomField only on `terminal`;
// RecordingUrl only when a recording exists (absent for busy/no-answer/failed — nammayatri #917).
import { formatIst } from './clock';
import { planDuration } from './outcomes';
import { presignedFor } from './callView';
import { recordingUrl } from './recording';
import { CallbackEvent, CallRecord } from './types';
import type { Fields } from '../webhooks/wireFormat';

/** Where recordings are and how links are signed; `secret` only in signed-URL mode. */
export interface CallbackRecording {
  baseUrl: string;
  nowMs: number;
  signed: boolean;
  secret: string;
}

export function callbackFields(call: CallRecord, event: CallbackEvent, extended: boolean, where: CallbackRecording): Fields {
  const { baseUrl, nowMs } = where;
  const terminal = event === 'terminal';
  const recording = terminal && call.recorded && call.status === 'completed' ? recordingUrl(baseUrl, call.sid) : undefined;
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
      ['Status', call.status],
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
    ['Status', call.status],
    ['ConversationDuration', terminal ? (call.conversationDuration ?? 0) : 0],
    ['Direction', call.direction],
  ];
  const customField = call.request?.customField;
  if (terminal && customField) {
    fields.push(['CustomField', customField]);
  }
  recordingFields(fields);
  fields.push(['Legs', legsFor(call, terminal)]);
  return fields;
}

function legsFor(call: CallRecord, terminal: boolean): Array<Record<string, unknown>> {
  // On `answered` the legs are still up: no status or duration yet, but we know who answered.
  return call.legs.map((leg, i) =>
    terminal
      ? { OnCallDuration: leg.onCallDuration, Status: leg.status, AnsweredBy: leg.answeredBy }
      : { OnCallDuration: 0, Status: null, AnsweredBy: call.plan?.legs[i]?.answeredBy ?? leg.answeredBy },
  );
}
