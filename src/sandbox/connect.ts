// POST Calls/connect: validate, apply the 403 rules (KYC, DND), create the call and start it.
import { newCallRecord } from './callRecord';
import { wholeSeconds } from './clock';
import { callView } from './callView';
import { SandboxContext } from './context';
import { DND_MESSAGE, isReserved, KYC_MESSAGE, NOT_EXOPHONE_MESSAGE, planFromSid, ruleFor } from './outcomes';
import { newCallSid } from './random';
import { Format, render, Reply, restException } from './render';
import { CallRecord, ConnectRequest } from './types';
import { validateConnect } from './validate';

export function connectCall(ctx: SandboxContext, fields: ReadonlyArray<[string, string]>, format: Format): Reply {
  const checked = validateConnect(fields, ctx.numberEcho);
  if (!checked.ok) {
    return restException(format, 400, checked.message);
  }
  const request = checked.request;
  if (isReserved(request.from.e164, 'kyc') || isReserved(request.callerId.e164, 'kyc')) {
    return restException(format, 403, KYC_MESSAGE);
  }
  if (!ctx.exoPhones.some(p => p.e164 === request.callerId.e164)) {
    return restException(
      format,
      400,
      NOT_EXOPHONE_MESSAGE(
        request.callerId.echo,
        ctx.exoPhones.map(p => p.echo),
      ),
    );
  }
  // A flow call dials From; a two-number call's customer is To.
  const dialled = request.to ?? request.from;
  if (isReserved(dialled.e164, 'dnd')) {
    return restException(format, 403, DND_MESSAGE(dialled.echo));
  }
  const call = createCall(ctx, request);
  ctx.log(`Call ${call.sid}: ${call.from} → ${call.to} via ${call.phoneNumberSid}; will end ${call.plan?.status}`);
  const view = callView(call, {
    accountSid: ctx.creds.accountSid,
    baseUrl: ctx.baseUrl,
    json: format === 'json',
    style: ctx.style,
    details: false,
    signed: ctx.signedRecordingUrls,
    nowMs: ctx.nowMs(),
    secret: ctx.secret,
  });
  const reply = render(format, 200, { Call: view });
  if (request.warnings.length) {
    request.warnings.forEach(w => ctx.log(`Call ${call.sid}: ${w}`));
    // Header values must be Latin-1: the ellipsis-free text goes there, the full one to the request log.
    reply.headers['X-Sandbox-Warning'] = request.warnings.map(w => w.replace(/[^\x20-\x7e]/g, '?')).join('; ');
    reply.warnings = request.warnings;
  }
  return reply;
}

function createCall(ctx: SandboxContext, request: ConnectRequest): CallRecord {
  let sid = newCallSid();
  while (ctx.store.get(sid)) {
    sid = newCallSid();
  }
  const now = wholeSeconds(ctx.nowMs());
  const flow = request.to === null;
  // For a flow call Exotel reports To as the ExoPhone (2025 capture), not null as the new docs say.
  const to = request.to ?? request.callerId;
  const plan = planFromSid(ruleFor((request.to ?? request.from).e164), !flow, sid);
  const call = newCallRecord({
    sid,
    accountSid: ctx.creds.accountSid,
    createdAt: now,
    to,
    from: request.from,
    exophone: request.callerId,
    direction: 'outbound-api',
    recorded: request.record,
    plan,
    request,
  });
  ctx.store.add(call);
  // A flow call whose From answers runs its flow file, if the sandbox has one for that app id; it ends with the flow.
  if (!(flow && plan.status === 'completed' && ctx.flows?.startConnectFlow(call))) {
    ctx.progression.start(call);
  }
  return call;
}
