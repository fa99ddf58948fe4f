// Renders a stored call as Exotel's `Call` object, keys in the documented order
// (the 19 fields asserted by a captured 2019 test, then SubResourceUris, then Details when asked).
import { formatIst } from './clock';
import { RECORDING_VALIDITY_MINUTES, recordingUrl, signedRecordingUrl } from './recording';
import { CallRecord, FieldStyle } from './types';

export interface ViewContext {
  accountSid: string;
  baseUrl: string;
  json: boolean;
  style: FieldStyle;
  details: boolean;
  /** RecordingUrlValidity asked for, in minutes (the account default otherwise). */
  recordingValidity?: number;
  /** "Signed URLs" account mode: add PreSignedRecordingUrl. */
  signed: boolean;
  nowMs: number;
  secret: string;
}

function callUri(accountSid: string, sid: string, json: boolean): string {
  return `/v1/Accounts/${accountSid}/Calls/${sid}${json ? '.json' : ''}`;
}

export function callView(call: CallRecord, ctx: ViewContext): Record<string, unknown> {
  const empty = ctx.style.empty === 'null' ? null : '';
  const or = <T>(value: T | null): T | null | '' => (value === null ? empty : value);
  const time = (ms: number | null): string | null | '' => (ms === null ? empty : formatIst(ms));
  const uri = callUri(ctx.accountSid, call.sid, ctx.json);
  const view: Record<string, unknown> = {
    Sid: call.sid,
    ParentCallSid: empty,
    DateCreated: formatIst(call.createdAt),
    DateUpdated: formatIst(call.updatedAt),
    AccountSid: call.accountSid,
    To: or(call.to),
    From: call.from,
    PhoneNumberSid: call.phoneNumberSid,
    Status: call.status,
    StartTime: time(call.startTime),
    EndTime: time(call.endTime),
    Duration: or(formatDuration(call.duration, ctx.style)),
    Price: or(formatPrice(call.price, ctx.style)),
    Direction: call.direction,
    AnsweredBy: or(call.answeredBy),
    ForwardedFrom: empty,
    CallerName: empty,
    Uri: uri,
    RecordingUrl: or(hasRecording(call) ? recordingUrl(ctx, call) : null),
    SubResourceUris: { Legs: `${uri}/Legs` },
  };
  if (ctx.signed) {
    // Placed after RecordingUrl; SubResourceUris stays last of the documented fields.
    delete view.SubResourceUris;
    view.PreSignedRecordingUrl = or(presignedFor(call, ctx));
    view.SubResourceUris = { Legs: `${uri}/Legs` };
  }
  if (ctx.details) {
    view.Details = detailsView(call);
  }
  return view;
}

export function hasRecording(call: CallRecord): boolean {
  return call.recorded && call.status === 'completed';
}

/** A link that needs no credentials, valid for RecordingUrlValidity minutes (the account's default 5 otherwise). */
export function presignedFor(
  call: CallRecord,
  ctx: { baseUrl: string; accountSid: string; recordingValidity?: number; nowMs: number; secret: string },
): string | null {
  if (!hasRecording(call)) {
    return null;
  }
  const minutes = ctx.recordingValidity ?? RECORDING_VALIDITY_MINUTES.accountDefault;
  return signedRecordingUrl(ctx, call, ctx.nowMs + minutes * 60_000, ctx.secret);
}

/**
 * `?details=true`. Outgoing: leg 1 is From (the agent), leg 2 is To (the customer). Incoming: leg 1 is the caller
 * reaching the ExoPhone, leg 2 the ExoPhone reaching an agent. A flow call has one leg.
 */
export function detailsView(call: CallRecord): Record<string, unknown> {
  return {
    ConversationDuration: call.conversationDuration ?? 0,
    Leg1Status: call.legs[0]?.status ?? null,
    Leg2Status: call.legs[1]?.status ?? null,
    Legs: call.legs.map(leg => ({ Leg: { Id: leg.id, OnCallDuration: leg.onCallDuration } })),
  };
}

function formatDuration(seconds: number | null, style: FieldStyle): string | number | null {
  if (seconds === null) {
    return null;
  }
  return style.durationPrice === 'string' ? String(seconds) : seconds;
}

function formatPrice(price: number | null, style: FieldStyle): string | number | null {
  if (price === null) {
    return null;
  }
  return style.durationPrice === 'string' ? price.toFixed(3) : price;
}
