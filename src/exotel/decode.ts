// Tolerant decoding of Exotel's JSON into the models. Exotel sends the same field as a string,
// a number, null or "" depending on the endpoint and the year, so every reader accepts all of them.
import { MalformedResponseError } from './errors';
import { t } from '../common/callText/translate';
import { Call, CallDetails, CallLeg, CallPage, NumberMetadata } from './models';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string, or undefined for null, "", and anything that is not text or a number. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    return String(v);
  }
  return undefined;
}

/** A finite number from `17`, `"17"`, `"1.500"`; undefined for null, "", or text that is no number. */
function num(v: unknown): number | undefined {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : undefined;
  }
  const t = text(v);
  if (t === undefined || !/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) {
    return undefined;
  }
  return Number(t);
}

function malformed(what: string): MalformedResponseError {
  return new MalformedResponseError(t("Exotel's answer did not have the expected shape ({0}).", what), 'shape');
}

function decodeLeg(v: unknown): CallLeg | undefined {
  // The docs wrap each leg: [{"Leg":{"Id":1,"OnCallDuration":21}}]; accept a bare object too.
  const leg = isObject(v) && isObject(v.Leg) ? v.Leg : v;
  if (!isObject(leg)) {
    return undefined;
  }
  const id = num(leg.Id);
  return id === undefined ? undefined : { id, onCallDuration: num(leg.OnCallDuration) };
}

function decodeDetails(v: unknown): CallDetails | undefined {
  if (!isObject(v)) {
    return undefined;
  }
  const legs = Array.isArray(v.Legs) ? v.Legs.map(decodeLeg).filter((l): l is CallLeg => l !== undefined) : [];
  return {
    conversationDuration: num(v.ConversationDuration),
    leg1Status: text(v.Leg1Status),
    leg2Status: text(v.Leg2Status),
    legs,
  };
}

function decodeCall(v: unknown): Call {
  if (!isObject(v)) {
    throw malformed('a call was not an object');
  }
  const sid = text(v.Sid);
  if (sid === undefined) {
    throw malformed('a call had no Sid');
  }
  return {
    sid,
    parentCallSid: text(v.ParentCallSid),
    dateCreated: text(v.DateCreated),
    dateUpdated: text(v.DateUpdated),
    accountSid: text(v.AccountSid),
    to: text(v.To),
    from: text(v.From),
    phoneNumberSid: text(v.PhoneNumberSid),
    status: text(v.Status) ?? 'unknown',
    startTime: text(v.StartTime),
    endTime: text(v.EndTime),
    duration: num(v.Duration),
    price: num(v.Price),
    direction: text(v.Direction),
    answeredBy: text(v.AnsweredBy),
    forwardedFrom: text(v.ForwardedFrom),
    callerName: text(v.CallerName),
    uri: text(v.Uri),
    recordingUrl: text(v.RecordingUrl),
    preSignedRecordingUrl: text(v.PreSignedRecordingUrl),
    details: decodeDetails(v.Details),
  };
}

/** `{"Call":{…}}` from connect and call details. */
export function decodeCallEnvelope(body: unknown): Call {
  if (!isObject(body) || !('Call' in body)) {
    throw malformed('no "Call" in the answer');
  }
  return decodeCall(body.Call);
}

/** `{"Metadata":{…},"Calls":[…]}` from the bulk API. */
export function decodeCallPage(body: unknown): CallPage {
  if (!isObject(body)) {
    throw malformed('the call list was not an object');
  }
  const calls = body.Calls ?? [];
  if (!Array.isArray(calls)) {
    throw malformed('"Calls" was not a list');
  }
  const meta = isObject(body.Metadata) ? body.Metadata : {};
  // One row Exotel garbled must not cost the rest of the page: skip it, and say how many were skipped.
  const decoded: Call[] = [];
  let skipped = 0;
  for (const row of calls) {
    try {
      decoded.push(decodeCall(row));
    } catch {
      skipped++;
    }
  }
  if (calls.length > 0 && decoded.length === 0) {
    throw malformed('no call on the page could be read');
  }
  return {
    calls: decoded,
    ...(skipped ? { skipped } : {}),
    total: num(meta.Total),
    pageSize: num(meta.PageSize),
    firstPageUri: text(meta.FirstPageUri),
    prevPageUri: text(meta.PrevPageUri),
    nextPageUri: text(meta.NextPageUri),
  };
}

/** `{"Numbers":{…}}` from number metadata; `asked` stands in when the answer leaves out PhoneNumber. */
export function decodeNumberMetadata(body: unknown, asked?: string): NumberMetadata {
  const n = isObject(body) ? body.Numbers : undefined;
  if (!isObject(n)) {
    throw malformed('no "Numbers" in the answer');
  }
  const phoneNumber = text(n.PhoneNumber) ?? asked;
  if (phoneNumber === undefined) {
    throw malformed('the number metadata had no PhoneNumber');
  }
  return {
    phoneNumber,
    circle: text(n.Circle),
    circleName: text(n.CircleName),
    type: text(n.Type),
    operator: text(n.Operator),
    operatorName: text(n.OperatorName),
    dnd: text(n.DND),
  };
}
