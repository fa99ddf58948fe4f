// The sandbox runs call flows (src/flows): a Calls/connect whose Url is …/exoml/start_voice/<app id> runs the flow
// file with that app id once From answers, and an incoming call to an ExoPhone runs the flow mapped to it. Either
// call is an ordinary call in the log; it ends when its flow ends, with the StatusCallback flow calls get.
import { FlowEvent, FlowLibrary, FlowRun, FlowSettings, KeyInput, LoadedFlow, nationalNumber, runFlow } from '../flows';
import { onTerminal } from './callbackTriggers';
import { newCallRecord } from './callRecord';
import { wholeSeconds } from './clock';
import type { SandboxContext } from './context';
import { endCall, fillBilling } from './progression';
import { newCallSid } from './random';
import { recordingUrl } from './recording';
import { toEcho } from './phoneEcho';
import type { CallPlan, CallRecord, Leg, LegStatus } from './types';
import { sandboxDial } from './flowDial';

export interface SandboxFlowOptions {
  /** The flows the sandbox can run: a list, or a function read at every call (e.g. the workspace's flow files now). */
  flows: readonly LoadedFlow[] | (() => readonly LoadedFlow[]);
  /** Overrides of the engine's assumptions (applet timeout, max applets…); a function is read at every run. */
  settings?: Partial<FlowSettings> | (() => Partial<FlowSettings>);
  /** Keys for a flow started by Calls/connect (interactive or scripted); default: nothing is pressed. */
  keysFor?: (call: { callSid: string; appId: string; from: string }) => KeyInput | undefined;
  /** Told of every event of every flow run (request events twice: sent, then answered). */
  onEvent?: (event: FlowEvent, run: FlowRun) => void;
  /** Told when a run starts (the same object fills as it goes). */
  onRun?: (run: FlowRun) => void;
  /** Runs kept in `runs` (default 200, newest kept): each holds its answers' bodies. */
  maxRuns?: number;
}

export interface IncomingCallInit {
  /** The caller, any format. */
  from: string;
  /** The ExoPhone dialled: the flow whose `exoPhone` matches runs. */
  exoPhone: string;
  keys?: KeyInput;
  signal?: AbortSignal;
}

export interface SandboxFlows {
  /** Whether any flow is loaded. */
  readonly enabled: boolean;
  /**
   * An incoming call from `from` to `exoPhone`: the call appears in the log (Direction inbound) and the mapped flow
   * runs. Resolves with the finished run. Rejects (before any call is made) if no flow answers that ExoPhone or the
   * ExoPhone is not the account's.
   */
  simulateIncoming(init: IncomingCallInit): Promise<FlowRun>;
  /** Runs so far, oldest first (Calls/connect and incoming). */
  readonly runs: readonly FlowRun[];
  runFor(callSid: string): FlowRun | undefined;
  /** Resolves when the run of that call has ended (at once if it has); undefined if the call runs no flow. */
  finished(callSid: string): Promise<FlowRun | undefined>;
}

/** The sandbox's side of flows: which flow a call runs, and turning a finished run into the call's end. */
export interface FlowHost extends SandboxFlows {
  /** Starts the flow of a Calls/connect call to a flow URL, if a flow file has that app id. False: no such flow. */
  startConnectFlow(call: CallRecord): boolean;
  /** Runs not yet finished. */
  readonly active: number;
  close(): void;
}

export function flowHost(ctx: SandboxContext, options: SandboxFlowOptions | undefined, postCallLagMs: number): FlowHost {
  const library = new FlowLibrary(options?.flows ?? []);
  const runs: FlowRun[] = [];
  const finishedBySid = new Map<string, Promise<FlowRun>>();
  const stop = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  let active = 0;
  const settings = (): Partial<FlowSettings> | undefined => (typeof options?.settings === 'function' ? options.settings() : options?.settings);

  const run = (
    loaded: LoadedFlow,
    call: CallRecord,
    direction: 'incoming' | 'outbound-dial',
    keys: KeyInput | undefined,
    signal?: AbortSignal,
  ): Promise<FlowRun> => {
    active++;
    const signals = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    const done = runFlow(loaded, {
      call: { direction, from: call.from, exoPhone: call.phoneNumberSid, callSid: call.sid, customField: call.request?.customField ?? undefined },
      keys,
      dial: n => sandboxDial(n, call.sid),
      settings: settings(),
      signal: signals,
      now: () => new Date(ctx.nowMs()),
      recordingUrl: sid => recordingUrl({ baseUrl: ctx.baseUrl, accountSid: ctx.creds.accountSid }, { sid, createdAt: call.createdAt }),
      onEvent: (event: FlowEvent, r: FlowRun) => {
        if (event.kind === 'call-start') {
          runs.push(r);
          if (runs.length > (options?.maxRuns ?? 200)) runs.splice(0, runs.length - (options?.maxRuns ?? 200));
          safe(() => options?.onRun?.(r));
        }
        safe(() => options?.onEvent?.(event, r));
      },
    }).then(r => {
      active--;
      endFlowCall(call, r);
      // Kept until the run is dropped from `runs`, so finished() answers for any run still listed.
      setTimeout(() => finishedBySid.delete(call.sid), 10 * 60_000).unref();
      return r;
    });
    finishedBySid.set(call.sid, done);
    return done;
  };

  const endFlowCall = (call: CallRecord, r: FlowRun): void => {
    const seconds = Math.max(1, r.outcome?.simulatedSeconds ?? 1);
    const dials = r.events.filter((e): e is Extract<FlowEvent, { kind: 'dial' }> => e.kind === 'dial');
    const last = dials[dials.length - 1];
    const legs: Leg[] = [{ id: 1, status: 'completed', onCallDuration: seconds, answeredBy: 'NA' }];
    if (last) legs.push({ id: 2, status: legStatus(last.result), onCallDuration: last.talkSeconds, answeredBy: last.result === 'answered' ? 'HUMAN' : 'NA' });
    const plan: CallPlan = { status: 'completed', ring1: call.plan?.ring1 ?? 0, ring2: 0, talk: r.outcome?.conversation ? (last?.talkSeconds ?? 0) : 0, legs };
    call.plan = plan;
    if (r.outcome?.recordingUrl) call.recorded = true;
    endCall(call, ctx.nowMs());
    // Calls/connect flow calls get the default StatusCallback (exotel-flows.md §6); incoming calls have none.
    onTerminal(ctx, call);
    const timer = setTimeout(() => {
      timers.delete(timer);
      fillBilling(call, ctx.nowMs());
    }, postCallLagMs);
    timer.unref();
    timers.add(timer);
  };

  return {
    get enabled() {
      return library.all().length > 0;
    },
    get runs() {
      return runs;
    },
    get active() {
      return active;
    },
    runFor: sid => runs.find(r => r.callSid === sid),
    finished: sid => finishedBySid.get(sid) ?? Promise.resolve(undefined),
    startConnectFlow: call => {
      const loaded = call.request?.flowUrl ? library.byFlowUrl(call.request.flowUrl) : undefined;
      if (!loaded) return false;
      const keys = options?.keysFor?.({ callSid: call.sid, appId: String(loaded.flow.appId), from: call.from });
      void run(loaded, call, 'outbound-dial', keys);
      ctx.log(`Call ${call.sid}: runs flow ${loaded.flow.appId}${loaded.file ? ` (${loaded.file})` : ''}`);
      return true;
    },
    simulateIncoming: async init => {
      const caller = toEcho(init.from);
      if (!caller) throw new Error(`'${init.from}' is not a phone number`);
      const exoPhone = ctx.exoPhones.find(p => nationalNumber(p.echo) === nationalNumber(init.exoPhone));
      if (!exoPhone) throw new Error(`${init.exoPhone} is not one of this account's ExoPhones (${ctx.exoPhones.map(p => p.echo).join(', ')})`);
      const loaded = library.byExoPhone(init.exoPhone);
      if (!loaded) throw new Error(`No flow answers ${exoPhone.echo}: give a flow file "exoPhone": "${exoPhone.echo}"`);
      let sid = newCallSid();
      while (ctx.store.get(sid)) sid = newCallSid();
      const call = newCallRecord({
        sid,
        accountSid: ctx.creds.accountSid,
        createdAt: wholeSeconds(ctx.nowMs()),
        to: exoPhone,
        from: caller,
        exophone: exoPhone,
        direction: 'inbound',
        recorded: false,
      });
      ctx.store.add(call);
      ctx.log(`Incoming call ${sid}: ${caller.echo} → ${exoPhone.echo} runs flow ${loaded.flow.appId}`);
      return run(loaded, call, 'incoming', init.keys, init.signal);
    },
    close: () => {
      stop.abort();
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}

function legStatus(result: string): LegStatus {
  return result === 'answered' ? 'completed' : (result as LegStatus);
}

function safe(f: () => void): void {
  try {
    f();
  } catch {
    // A listener's bug must not stop the call.
  }
}

/** POST /sandbox/flows/incoming: `{ "from", "exoPhone", "keys"? }` → the finished run. */
export const FLOWS_INCOMING_PATH = '/sandbox/flows/incoming';
