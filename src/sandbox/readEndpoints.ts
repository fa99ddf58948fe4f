// GET handlers: call details, bulk call details, number metadata, recording files.
import { callView, ViewContext } from './callView';
import { SandboxContext } from './context';
import { checkRecordingValidity, parseListQuery } from './filters';
import { listPage } from './listing';
import { lookupNumber } from './metadata';
import { authenticate } from './auth';
import { checkRecordingAccess, recordingFileName, SILENT_MP3 } from './recording';
import { CallRecord } from './types';
import { Format, render, Reply, restException } from './render';

function viewContext(ctx: SandboxContext, format: Format, query: URLSearchParams, recordingValidity?: number): ViewContext {
  return {
    accountSid: ctx.creds.accountSid,
    baseUrl: ctx.baseUrl,
    json: format === 'json',
    style: ctx.style,
    details: query.get('details') === 'true',
    recordingValidity,
    signed: ctx.signedRecordingUrls,
    nowMs: ctx.nowMs(),
    secret: ctx.secret,
  };
}

export function getCall(ctx: SandboxContext, callSid: string, query: URLSearchParams, format: Format): Reply {
  const validity = checkRecordingValidity(query.get('RecordingUrlValidity') ?? undefined);
  if (!validity.ok) {
    return restException(format, 400, validity.message);
  }
  const call = ctx.store.get(callSid);
  if (!call) {
    return restException(format, 404, 'No matching results');
  }
  return render(format, 200, { Call: callView(call, viewContext(ctx, format, query, validity.minutes)) });
}

export function listCalls(ctx: SandboxContext, query: URLSearchParams, format: Format): Reply {
  const parsed = parseListQuery(query, ctx.nowMs());
  if (!parsed.ok) {
    return restException(format, 400, parsed.message);
  }
  const filter = parsed.filter;
  const listUri = `/v1/Accounts/${ctx.creds.accountSid}/Calls${format === 'json' ? '.json' : ''}`;
  const page = listPage(ctx.store.ascending(), filter, listUri);
  const view = viewContext(ctx, format, query, filter.recordingValidity);
  // `details` is documented for one call's details only (support 56523; no bulk page lists it): in this mode the bulk
  // listing ignores it, as real Exotel may, and a client must fetch each call it needs legs for.
  if (ctx.bulkIgnoresDetails) {
    view.details = false;
  }
  return render(format, 200, { Metadata: page.metadata, Calls: page.calls.map(call => callView(call, view)) });
}

export function getNumber(number: string, format: Format): Reply {
  const found = lookupNumber(number);
  return found.ok ? render(format, 200, { Numbers: found.numbers }) : restException(format, 400, found.message);
}

/**
 * A recording file. A pre-signed link needs no credentials but must be unexpired; the plain RecordingUrl is
 * private, as Exotel's are since Oct 2024: Basic auth with the account's key and token, else 401.
 */
export function getRecording(
  ctx: SandboxContext,
  where: { accountSid: string; file: string },
  query: URLSearchParams,
  authorization: string | undefined,
): Reply {
  const text = (status: number, message: string, headers: Record<string, string> = {}): Reply => ({
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
    body: `${message}\n`,
  });
  const access = checkRecordingAccess(where.file, query, ctx.nowMs(), ctx.secret);
  if (access === 'expired' || access === 'bad-signature') {
    return text(403, access === 'expired' ? 'Request has expired' : 'Signature does not match');
  }
  if (access === 'unsigned' && authenticate(authorization, ctx.creds, ctx.creds.accountSid, ctx.acceptSidAuth) !== 'ok') {
    return text(401, 'Authentication required: recordings are private (use the API key and token, or PreSignedRecordingUrl)', {
      'WWW-Authenticate': 'Basic realm="Exotel recordings"',
    });
  }
  const call = where.accountSid === ctx.creds.accountSid ? recordedCall(ctx, where.file) : undefined;
  if (!call || !call.recorded || call.status !== 'completed') {
    return text(404, 'No such recording');
  }
  return { status: 200, headers: { 'Content-Type': 'audio/mpeg', 'Content-Length': String(SILENT_MP3.length) }, body: SILENT_MP3 };
}

/** The call a recording file belongs to: by CallSid when the file is named so, else by Exotel's other file name. */
function recordedCall(ctx: SandboxContext, file: string): CallRecord | undefined {
  const bySid = ctx.store.get(file);
  if (bySid && recordingFileName(bySid) === file) {
    return bySid;
  }
  return ctx.store.ascending().find(c => c.recorded && recordingFileName(c) === file);
}
