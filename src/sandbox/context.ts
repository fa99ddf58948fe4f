// Everything a request handler needs, built once by startSandbox.
import { CallbackDispatcher } from './callbacks';
import { CallStore } from './calls';
import { Faults } from './faults';
import { Credentials } from './auth';
import { Progression } from './progression';
import { FieldStyle, PhoneEcho } from './types';
import type { FlowHost } from './flowCalls';

export type NumberEcho = 'national' | 'as-sent';

export interface SandboxContext {
  creds: Credentials;
  /** http://127.0.0.1:PORT, known once listening. */
  baseUrl: string;
  /** Signs pre-signed recording URLs. */
  secret: string;
  style: FieldStyle;
  /** "Signed URLs" account mode: calls carry PreSignedRecordingUrl. */
  signedRecordingUrls: boolean;
  /** The account's ExoPhones: the only CallerIds Calls/connect accepts. */
  exoPhones: readonly PhoneEcho[];
  /** 'national' (Exotel's way: 0-prefixed whatever was sent) or 'as-sent' (E.164 echoed as E.164). */
  numberEcho: NumberEcho;
  acceptSidAuth: boolean;
  /** The bulk listing ignores `details=true` (Exotel documents it for single-call details only). */
  bulkIgnoresDetails: boolean;
  store: CallStore;
  progression: Progression;
  dispatcher: CallbackDispatcher;
  /** Armed faults: for API requests (the server) and for StatusCallbacks (callbackTriggers). */
  faults: Faults;
  statusCallbackOverride: string | undefined;
  /** Runs call flows (src/flows); set once the sandbox is built. */
  flows?: FlowHost;
  nowMs: () => number;
  log: (line: string) => void;
}
