// `sandbox.calls`: direct access to the call store for tests, the bench and the extension's UI.
import { newCallRecord } from './callRecord';
import { parseIst, wholeSeconds } from './clock';
import { SandboxContext } from './context';
import { endCall, fillBilling } from './progression';
import { INBOUND_OUTCOMES, OUTCOME_RULES, planFromSid, planInbound } from './outcomes';
import { toEcho } from './phoneEcho';
import { CALL_SID_PATTERN, newCallSid, seededRandom, stableHash } from './random';
import { seedCalls, SeedOptions } from './seed';
import { CallRecord, CallStatus, Direction, LegStatus, PhoneEcho, TERMINAL_STATUSES, TerminalStatus } from './types';

export interface AddCallInit {
  sid?: string;
  /** A Date, or Exotel's `YYYY-MM-DD HH:mm:ss` (IST). Default: now. */
  dateCreated?: Date | string;
  /** Default 'completed'. An ongoing status stays as given (it never progresses). */
  status?: CallStatus;
  direction?: Direction;
  to?: string;
  from?: string;
  phoneNumberSid?: string;
  /** Override the simulated values; null = "not filled yet". */
  duration?: number | null;
  price?: number | null;
  recorded?: boolean;
  /**
   * An incoming call's leg 2 (the agent): 'completed' (default for a completed call), or 'no-answer' / 'busy' for a
   * missed call that Exotel still reports as completed, or null when no agent was dialled.
   */
  leg2Status?: LegStatus;
}

export interface SandboxCalls {
  readonly size: number;
  get(sid: string): CallRecord | undefined;
  /** Oldest first, by (DateCreated, Sid). */
  all(): readonly CallRecord[];
  /** Insert a call directly (no HTTP, no callbacks). */
  add(init?: AddCallInit): CallRecord;
  /** Add a seeded history; returns the new calls. */
  seed(options?: SeedOptions): CallRecord[];
  /** Take calls out again by SID (e.g. what `seed` added); returns how many were there. */
  remove(sids: Iterable<string>): number;
  clear(): void;
  /** Run pending progress steps now: terminal status, callbacks, billing. */
  fastForward(sid?: string): void;
}

export function sandboxCalls(ctx: SandboxContext): SandboxCalls {
  return {
    get size() {
      return ctx.store.size;
    },
    get: sid => ctx.store.get(sid),
    all: () => ctx.store.ascending(),
    add: (init = {}) => {
      const call = buildCall(ctx, init);
      ctx.store.add(call);
      return call;
    },
    seed: (options = {}) => {
      const calls = seedCalls(ctx.creds.accountSid, ctx.nowMs(), { exoPhones: ctx.exoPhones, ...options });
      ctx.store.addMany(calls);
      return calls;
    },
    remove: sids => ctx.store.remove(new Set(sids)),
    clear: () => {
      ctx.progression.close();
      ctx.store.clear();
    },
    fastForward: sid => ctx.progression.fastForward(sid),
  };
}

function buildCall(ctx: SandboxContext, init: AddCallInit): CallRecord {
  const sid = init.sid ?? newCallSid();
  if (!CALL_SID_PATTERN.test(sid)) {
    throw new Error(`Call SID must be 32 lowercase letters/digits: ${sid}`);
  }
  const created = init.dateCreated === undefined ? ctx.nowMs() : typeof init.dateCreated === 'string' ? parseIst(init.dateCreated) : init.dateCreated.getTime();
  if (created === undefined || Number.isNaN(created)) {
    throw new Error(`dateCreated is not a date: ${String(init.dateCreated)}`);
  }
  const createdAt = wholeSeconds(created);
  const status = init.status ?? 'completed';
  const to = number(init.to ?? '09876543210');
  const from = number(init.from ?? '09845012340');
  const exophone = number(init.phoneNumberSid ?? '08047112345');
  const call = newCallRecord({
    sid,
    accountSid: ctx.creds.accountSid,
    createdAt,
    to,
    from,
    exophone,
    direction: init.direction ?? 'outbound-api',
    recorded: init.recorded ?? false,
  });
  call.status = status;
  if ((TERMINAL_STATUSES as readonly string[]).includes(status)) {
    const rule = OUTCOME_RULES.find(r => r.status === status) ?? OUTCOME_RULES[0];
    const inbound =
      call.direction === 'inbound'
        ? INBOUND_OUTCOMES.find(o => o.status === status && (init.leg2Status === undefined || o.leg2 === init.leg2Status))
        : undefined;
    if (init.leg2Status !== undefined && !inbound) {
      throw new Error(`leg2Status ${init.leg2Status} is for an incoming call with a status it can end in (got ${call.direction}, ${status})`);
    }
    const plan = inbound ? planInbound(inbound, seededRandom(stableHash(sid))) : planFromSid(rule, true, sid);
    call.plan = { ...plan, status: status as TerminalStatus };
    endCall(call, createdAt);
    fillBilling(call, createdAt);
    if (init.duration !== undefined) {
      call.duration = init.duration;
      call.endTime = init.duration === null ? null : createdAt + init.duration * 1000;
    }
    if (init.price !== undefined) {
      call.price = init.price;
    }
  }
  return call;
}

function number(text: string): PhoneEcho {
  return toEcho(text) ?? { echo: text, e164: text };
}
