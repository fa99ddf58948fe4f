// Which StatusCallbacks a call gets, and where:
//  - to the request's StatusCallback, or to statusCallbackOverride (if set, for EVERY live call);
//  - no StatusCallbackEvents: one default callback (CallSid, DateUpdated, Status[, RecordingUrl]) at the end;
//  - with StatusCallbackEvents: exactly the listed events (`answered` only if the customer answered),
//    each with the extended fields; CustomField on `terminal` only;
//  - connect-to-flow calls ignore StatusCallbackEvents (Exotel: they need both From and To).
import { callbackFields } from './callbackPayload';
import { SandboxContext } from './context';
import { CallbackEvent, CallRecord } from './types';

export function onAnswered(ctx: SandboxContext, call: CallRecord): void {
  deliver(ctx, call, 'answered');
}

export function onTerminal(ctx: SandboxContext, call: CallRecord): void {
  deliver(ctx, call, 'terminal');
}

function deliver(ctx: SandboxContext, call: CallRecord, event: CallbackEvent): void {
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
  const fields = callbackFields(call, event, extended, ctx.baseUrl, ctx.nowMs());
  ctx.dispatcher.send(url, call.sid, event, fields, request.statusCallbackJson);
}
