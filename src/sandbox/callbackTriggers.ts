// Which StatusCallbacks a call gets, and where:
//  - to the request's StatusCallback, or to statusCallbackOverride (if set, for EVERY live call);
//  - no StatusCallbackEvents: one default callback (CallSid, DateUpdated, Status[, RecordingUrl]) at the end;
//  - with StatusCallbackEvents: exactly the listed events, each with the extended fields; `answered` once per leg
//    that picks up (the agent's, then the customer's: progression.ts); CustomField on `terminal` only;
//  - an armed callback fault (faults.ts) may drop, duplicate or delay each one;
//  - connect-to-flow calls ignore StatusCallbackEvents (Exotel: they need both From and To).
import { callbackFields } from './callbackPayload';
import { SandboxContext } from './context';
import { AnsweredLeg, CallbackEvent, CallRecord } from './types';

export function onAnswered(ctx: SandboxContext, call: CallRecord, leg: AnsweredLeg): void {
  deliver(ctx, call, 'answered', leg);
}

export function onTerminal(ctx: SandboxContext, call: CallRecord): void {
  deliver(ctx, call, 'terminal');
}

function deliver(ctx: SandboxContext, call: CallRecord, event: CallbackEvent, leg?: AnsweredLeg): void {
  const request = call.request;
  const url = ctx.statusCallbackOverride ?? request?.statusCallback ?? undefined;
  if (!request || !url) {
    return;
  }
  const extended = request.to !== null && request.statusCallbackEvents.length > 0;
  const wanted = extended ? request.statusCallbackEvents.includes(event) : event === 'terminal';
  if (!wanted) {
    return;
  }
  const where = { baseUrl: ctx.baseUrl, nowMs: ctx.nowMs(), signed: ctx.signedRecordingUrls, secret: ctx.secret, accountSid: ctx.creds.accountSid };
  const fields = callbackFields(call, event, extended, where, leg);
  ctx.dispatcher.send({
    url,
    callSid: call.sid,
    event,
    fields,
    json: request.statusCallbackJson,
    warnings: request.warnings,
    fault: ctx.faults.takeCallback(call.sid, event),
  });
}
