// A flow run as the UI renders it: a timeline of events (in order, each stamped with milliseconds since the run
// started) and the path through the graph. Plain data (JSON-safe), so it can be posted to a webview as is.
import type { SendResult } from '../webhooks/httpSend';
import type { AppletType } from './types';
import type { FlowDiagnostic } from './diagnostics';

export type FlowDirection = 'incoming' | 'outbound-dial';

/** What went wrong with an answer, beyond the transport's FailureKind (timeout, refused, reset, other). */
export type ProblemKind =
  /** Not the status the applet needs (Gather/Connect/Greeting/SMS need 200). */
  | 'status'
  /** Content-Type not what Exotel requires (text/plain for Greeting, SMS, Dial-whom; application/json for Gather, Programmable Connect). */
  | 'content-type'
  /** The body is not JSON. */
  | 'not-json'
  /** JSON, but not the contract (e.g. no gather_prompt; destination.numbers not a list). */
  | 'contract'
  /** The answer was longer than the cap; what was kept is in the record. */
  | 'too-large'
  /** A field Exotel would not expect: reported, the rest still used. */
  | 'warning';

export interface RequestRecord {
  method: 'GET' | 'HEAD';
  /** The full URL sent, query included. */
  url: string;
  /** The query parameters Exotel added, in order (values decoded; `digits` keeps its literal quotes). */
  params: Array<[string, string]>;
  headers: Record<string, string>;
  /** Primary or Fallback URL (Gather, Connect). */
  role: 'primary' | 'fallback' | 'dial-whom';
}

/** What came back, as src/webhooks keeps it (the body capped at FlowSettings.maxBodyBytes). */
export type ResponseRecord = SendResult;

interface EventBase {
  /** Position in the timeline, from 0. */
  seq: number;
  /** Milliseconds since the run started (real time). */
  atMs: number;
  /** The applet it belongs to (absent for call-level events). */
  appletId?: string;
}

export type FlowEvent =
  | (EventBase & { kind: 'call-start'; callSid: string; direction: FlowDirection; from: string; exoPhone: string; appId: string })
  | (EventBase & { kind: 'applet'; appletId: string; type: AppletType; label?: string; visit: number })
  | (EventBase & {
      kind: 'request';
      appletId: string;
      request: RequestRecord;
      /** Absent while the request is on the wire (onEvent is told again when it ends). */
      response?: ResponseRecord;
      done: boolean;
      /** Set when the answer is not usable: what is wrong, in words. */
      problem?: { kind: ProblemKind; message: string };
      /** What Exotel would do next because of this answer, e.g. 'Tries the Fallback URL' (assumption where undocumented). */
      exotelNext?: string;
      /** Async Passthru: not waited for. */
      async?: boolean;
    })
  | (EventBase & { kind: 'say'; appletId: string; text?: string; audioUrls?: string[]; purpose: 'greeting' | 'gather' | 'repeat' | 'voicemail' })
  | (EventBase & { kind: 'keys'; appletId: string; digits: string | null; finishedBy: 'finish-key' | 'max-digits' | 'timeout' | 'none'; attempt: number })
  | (EventBase & { kind: 'dial'; appletId: string; number: string; result: DialResult; ringSeconds: number; talkSeconds: number })
  | (EventBase & { kind: 'sms'; appletId: string; to: string; text: string })
  | (EventBase & { kind: 'recording'; appletId: string; url: string; seconds: number })
  | (EventBase & { kind: 'branch'; appletId: string; branch: string; label: string; target?: string; why: string })
  | (EventBase & { kind: 'warning'; appletId?: string; message: string })
  | (EventBase & { kind: 'call-end'; reason: EndReason; message: string; callType: CallType });

export type FlowEventKind = FlowEvent['kind'];

/** The Connect leg's fate, from the sandbox's number rules (src/sandbox/outcomes.ts). */
export type DialResult = 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';

/** CallType as applet requests carry it (exotel-flows.md V1.4). */
export type CallType = 'call-attempt' | 'completed' | 'client-hangup' | 'incomplete' | 'voicemail';

export type EndReason =
  /** A Hangup applet. */
  | 'hangup'
  /** A branch with no transition drawn: the call ends there. */
  | 'no-transition'
  /** The caller hung up (the sandbox's rule for a number ending in 8 during a Connect). */
  | 'caller-hung-up'
  /** More than FlowSettings.maxApplets applets: stopped as an endless loop. */
  | 'max-applets'
  /** The flow did not validate: nothing ran. */
  | 'refused'
  /** Stopped from outside (AbortSignal). */
  | 'cancelled'
  /** A bug in the engine (never a handler's fault): the message says what. */
  | 'error';

/** One applet on the path, for the graph: boxes on the path are highlighted, each showing its request's result. */
export interface PathStep {
  appletId: string;
  type: AppletType;
  /** The branch taken out of it (absent when the call ended there without one, e.g. Hangup). */
  branch?: string;
  /** The last HTTP status its requests got, or the failure ('timeout', 'refused', …). */
  result?: string;
  /** seq of its 'applet' event. */
  seq: number;
}

export interface FlowRun {
  /** Unique per run (the UI's key). */
  id: string;
  appId: string;
  flowName?: string;
  /** The file, when the flow came from one. */
  file?: string;
  callSid: string;
  direction: FlowDirection;
  /** The caller (incoming) or the number called (outbound-dial), 0-prefixed. */
  from: string;
  /** The ExoPhone, 0-prefixed. */
  exoPhone: string;
  /** Epoch ms. */
  startedAt: number;
  endedAt?: number;
  events: FlowEvent[];
  path: PathStep[];
  /** Set when the run has ended. */
  outcome?: FlowOutcome;
  /** The validator's findings (errors make a refused run). */
  diagnostics: FlowDiagnostic[];
}

export interface FlowOutcome {
  reason: EndReason;
  callType: CallType;
  message: string;
  /** Simulated call length in seconds (greetings, key waits, rings and talk), for the call log. */
  simulatedSeconds: number;
  /** A Connect got an answer: the call's Status is completed with a conversation. */
  conversation: boolean;
  recordingUrl?: string;
}
