// The sandbox runs call flows (src/flows): a Calls/connect whose Url is …/exoml/start_voice/<app id> runs the flow
// file with that app id once From answers, and an incoming call to an ExoPhone runs the flow mapped to it. Either
// call is an ordinary call in the log; it ends when its flow ends, with the StatusCallback flow calls get.
import type { FlowEvent, FlowRun, FlowSettings, KeyInput, LoadedFlow } from '../flows';

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

/** Placeholder until the engine lands: no flows. */
export function noFlows(): SandboxFlows {
  return {
    enabled: false,
    simulateIncoming: () => Promise.reject(new Error('This sandbox runs no flows (start it with flows).')),
    runs: [],
    runFor: () => undefined,
    finished: () => Promise.resolve(undefined),
  };
}
