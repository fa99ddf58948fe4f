// Runs a flow as Exotel's flow engine does: enters applets one by one from the start, makes each applet's requests
// to the developer's URLs (exactly as exotel-flows.md says), asks for keys at a Gather, dials at a Connect by the
// sandbox's number rules, follows the transition drawn for the outcome, and records everything as a FlowRun.
// A bad handler never throws out of here: it is recorded at its applet with what Exotel would do next.
import { randomBytes } from 'crypto';
import { newCallSid } from '../sandbox/random';
import { t } from '../common/callText/translate';
import { appletSpec, branchLabel, targetOf } from './applets';
import { RequestEvent, Sender } from './appletRequest';
import { CallState } from './callState';
import { checkFlow, FlowDiagnostic, refusalMessage, validateFlow } from './diagnostics';
import { sandboxDial } from './dialRules';
import { AppletOutcome, APPLET_RUNNERS, RunContext } from './appletRunners';
import { KeyInput, keySource } from './keys';
import { nationalNumber } from './library';
import type { CallType, DialResult, EndReason, FlowDirection, FlowEvent, FlowRun, PathStep } from './runModel';
import { FlowSettings, flowSettings } from './settings';
import type { Applet, FlowFile, LoadedFlow } from './types';

/** The call a flow runs in. */
export interface FlowCall {
  /** 'incoming': a caller dialled the ExoPhone; 'outbound-dial': Calls/connect to the flow (Exotel's word in applet requests). */
  direction: FlowDirection;
  /** The caller (incoming), or the number Calls/connect dialled (its From). Any format; sent 0-prefixed. */
  from: string;
  /** The ExoPhone: dialled (incoming) or the CallerId (outbound-dial). */
  exoPhone: string;
  /** Default: a new 32-character sid. The sandbox passes its call's sid. */
  callSid?: string;
  /** Calls/connect's CustomField: sent to every applet of an API-started call. */
  customField?: string;
}

/** What a dialled number does, in simulated seconds. */
export interface DialPlan {
  result: DialResult;
  ringSeconds: number;
  talkSeconds: number;
}

export interface RunFlowOptions {
  call: FlowCall;
  /** Keys for Gathers: a callback (interactive) or a script. Default: nothing is ever pressed. */
  keys?: KeyInput;
  /** Overrides of DEFAULT_FLOW_SETTINGS (the assumptions). */
  settings?: Partial<FlowSettings>;
  /** What each dialled number does. Default: the sandbox's last-digit rules (src/sandbox/outcomes.ts). */
  dial?: (number: string) => DialPlan;
  /**
   * Told of every event as it happens, with the run so far. A request event is told twice: when sent (done false)
   * and when answered (the same object, done true) — a UI can show the request on the wire.
   */
  onEvent?: (event: FlowEvent, run: FlowRun) => void;
  /** Ends the run ('cancelled'), also while waiting for keys or a handler. */
  signal?: AbortSignal;
  now?: () => Date;
  /** The RecordingUrl given to later applets after a recorded Connect or a Voicemail (default: an Exotel-shaped URL). */
  recordingUrl?: (callSid: string) => string;
  /** Default: a random id. */
  runId?: string;
}

/**
 * Runs a flow to its end and resolves with the whole run (never rejects; an engine bug ends the run with reason
 * 'error'). `source` is a flow file's text, a parsed flow, or a LoadedFlow; a flow with errors (validateFlow) is
 * not run: the run ends at once with reason 'refused' and the diagnostics.
 */
export async function runFlow(source: string | FlowFile | LoadedFlow, options: RunFlowOptions): Promise<FlowRun> {
  const { flow, file, diagnostics } = resolve(source);
  const settings = flowSettings(options.settings);
  const now = options.now ?? (() => new Date());
  const startedAt = now().getTime();
  const callSid = options.call.callSid ?? newCallSid();
  const run: FlowRun = {
    id: options.runId ?? randomBytes(8).toString('hex'),
    appId: String(flow?.appId ?? ''),
    flowName: flow?.name,
    file,
    callSid,
    direction: options.call.direction,
    from: nationalNumber(options.call.from),
    exoPhone: nationalNumber(options.call.exoPhone),
    startedAt,
    events: [],
    path: [],
    diagnostics,
  };
  const emit = <E extends FlowEvent>(partial: DistributiveOmit<E, 'seq' | 'atMs'>): E => {
    const event = { seq: run.events.length, atMs: Math.max(0, now().getTime() - startedAt), ...partial } as unknown as E;
    run.events.push(event);
    tell(options, event, run);
    return event;
  };
  emit({ kind: 'call-start', callSid, direction: run.direction, from: run.from, exoPhone: run.exoPhone, appId: run.appId });
  const state: CallState = {
    callSid,
    direction: run.direction,
    from: run.from,
    exoPhone: run.exoPhone,
    appId: run.appId,
    tenantId: settings.tenantId,
    customField: options.call.customField || undefined,
    startMs: Math.floor(startedAt / 1000) * 1000,
    simSeconds: 0,
    callType: 'call-attempt',
    dialCallDuration: 0,
    dialWhomNumber: '',
    legs: [],
    callerGone: false,
  };
  const finish = (reason: EndReason, message: string): FlowRun => {
    emit({ kind: 'call-end', reason, message, callType: state.callType });
    run.endedAt = now().getTime();
    run.outcome = {
      reason,
      callType: state.callType,
      message,
      simulatedSeconds: state.simSeconds,
      conversation: state.callType === 'completed',
      recordingUrl: state.recordingUrl,
    };
    return run;
  };
  if (!flow || diagnostics.some(d => d.severity === 'error')) {
    return finish('refused', refusalMessage(diagnostics));
  }
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const pending: Array<Promise<unknown>> = [];
  const sender: Sender = {
    emit: event => emit<RequestEvent>(event),
    update: event => tell(options, event, run),
    timeoutMs: settings.appletTimeoutMs,
    maxBodyBytes: settings.maxBodyBytes,
    signal: stop.signal,
  };
  const ctx: RunContext = {
    run,
    state,
    settings,
    sender,
    emit: partial => emit<FlowEvent>(partial as never),
    keys: keySource(options.keys),
    dial: options.dial ?? (n => sandboxDial(n, callSid)),
    recordingUrl: options.recordingUrl ?? (sid => `https://recordings.exotel.com/exotelrecordings/sandbox/${sid}.mp3`),
    signal: stop.signal,
    background: p => void pending.push(p),
  };
  try {
    return await walk(flow, ctx, finish);
  } catch (err) {
    return finish('error', t('The flow engine failed: {0}', err instanceof Error ? err.message : String(err)));
  } finally {
    await Promise.allSettled(pending);
    options.signal?.removeEventListener('abort', onAbort);
    stop.abort();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function tell(options: RunFlowOptions, event: FlowEvent, run: FlowRun): void {
  try {
    options.onEvent?.(event, run);
  } catch {
    // A listener's bug must not stop the call.
  }
}

async function walk(flow: FlowFile, ctx: RunContext, finish: (reason: EndReason, message: string) => FlowRun): Promise<FlowRun> {
  const ids = Object.keys(flow.applets);
  let id: string = flow.start ?? ids[0];
  const visits = new Map<string, number>();
  for (let count = 1; ; count++) {
    if (ctx.signal.aborted) return finish('cancelled', t('The run was stopped.'));
    if (count > ctx.settings.maxApplets) {
      ctx.emit({
        kind: 'warning',
        appletId: id,
        message: t('Stopped after {0} applets: the flow seems to loop without end (the limit is a setting).', ctx.settings.maxApplets),
      });
      return finish('max-applets', t('Stopped after {0} applets without reaching the end of the call.', ctx.settings.maxApplets));
    }
    const applet: Applet = flow.applets[id];
    const visit = (visits.get(id) ?? 0) + 1;
    visits.set(id, visit);
    const entered = ctx.emit({ kind: 'applet', appletId: id, type: applet.type, label: applet.label, visit });
    const step: PathStep = { appletId: id, type: applet.type, seq: entered.seq };
    ctx.run.path.push(step);
    const before = ctx.run.events.length;
    const outcome: AppletOutcome = await APPLET_RUNNERS[applet.type](ctx, id, applet as never);
    step.result = lastResult(ctx.run.events.slice(before));
    if (outcome.end) return finish(outcome.end, outcome.why);
    step.branch = outcome.branch;
    const target = targetOf(applet, outcome.branch);
    const label = branchLabel(applet.type, outcome.branch);
    ctx.emit({ kind: 'branch', appletId: id, branch: outcome.branch, label, target, why: outcome.why });
    if (target === undefined) {
      const title = appletSpec(applet.type)?.title ?? applet.type;
      return finish(
        ctx.state.callerGone ? 'caller-hung-up' : 'no-transition',
        t('The call ends after {0} "{1}": no transition is drawn for "{2}".', title, id, label),
      );
    }
    id = target;
  }
}

function lastResult(events: readonly FlowEvent[]): string | undefined {
  const requests = events.filter((e): e is RequestEvent => e.kind === 'request' && !e.async);
  const last = requests[requests.length - 1];
  if (!last?.response) return undefined;
  return last.response.failure ?? (last.response.status === undefined ? undefined : String(last.response.status));
}

function resolve(source: string | FlowFile | LoadedFlow): { flow?: FlowFile; file?: string; diagnostics: FlowDiagnostic[] } {
  if (typeof source === 'string') {
    const v = validateFlow(source);
    return { flow: v.flow, diagnostics: v.diagnostics };
  }
  if ('flow' in source && typeof (source as LoadedFlow).flow === 'object' && !('applets' in source)) {
    const loaded = source as LoadedFlow;
    const v = loaded.text !== undefined ? validateFlow(loaded.text) : checkFlow(loaded.flow);
    return { flow: loaded.flow, file: loaded.file, diagnostics: v.diagnostics };
  }
  const flow = source as FlowFile;
  return { flow, diagnostics: checkFlow(flow).diagnostics };
}

export type { CallType, DialResult };
