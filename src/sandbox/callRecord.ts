// The one place a stored call is built: connect, the seeded history and tests' direct inserts share it.
import { CallPlan, CallRecord, ConnectRequest, Direction, PhoneEcho } from './types';

export interface NewCall {
  sid: string;
  accountSid: string;
  /** Epoch ms, whole seconds. */
  createdAt: number;
  to: PhoneEcho;
  from: PhoneEcho;
  exophone: PhoneEcho;
  direction: Direction;
  recorded: boolean;
  plan?: CallPlan;
  request?: ConnectRequest;
}

/** A call as Exotel creates it: in progress, with nothing filled yet. Progression fills the rest. */
export function newCallRecord(n: NewCall): CallRecord {
  return {
    sid: n.sid,
    accountSid: n.accountSid,
    createdAt: n.createdAt,
    updatedAt: n.createdAt,
    to: n.to.echo,
    from: n.from.echo,
    phoneNumberSid: n.exophone.echo,
    toE164: n.to.e164,
    fromE164: n.from.e164,
    phoneNumberE164: n.exophone.e164,
    status: 'in-progress',
    startTime: n.createdAt,
    endTime: null,
    duration: null,
    price: null,
    direction: n.direction,
    answeredBy: null,
    recorded: n.recorded,
    conversationDuration: null,
    legs: n.plan ? n.plan.legs.map(leg => ({ id: leg.id, status: null, onCallDuration: 0, answeredBy: 'NA' })) : [],
    plan: n.plan,
    request: n.request,
  };
}
