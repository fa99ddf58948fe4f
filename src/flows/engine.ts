// Runs a flow as Exotel's flow engine does: enters applets one by one from the start, makes each applet's requests
// to the developer's URLs (exactly as exotel-flows.md says), asks for keys at a Gather, dials at a Connect by the
// sandbox's number rules, follows the transition drawn for the outcome, and records everything as a FlowRun.
// A bad handler never throws out of here: it is recorded at its applet with what Exotel would do next.
import type { FlowEvent, FlowRun, FlowDirection, DialResult } from './runModel';
import type { KeyInput } from './keys';
import type { FlowSettings } from './settings';
import type { FlowFile, LoadedFlow } from './types';

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
  void source;
  void options;
  throw new Error('not yet implemented');
}
