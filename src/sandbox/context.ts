// Everything a request handler needs, built once by startSandbox.
import { CallbackDispatcher } from './callbacks';
import { CallStore } from './calls';
import { Credentials } from './auth';
import { Progression } from './progression';
import { FieldStyle } from './types';

export interface SandboxContext {
  creds: Credentials;
  /** http://127.0.0.1:PORT, known once listening. */
  baseUrl: string;
  /** Signs pre-signed recording URLs. */
  secret: string;
  style: FieldStyle;
  store: CallStore;
  progression: Progression;
  dispatcher: CallbackDispatcher;
  statusCallbackOverride: string | undefined;
  nowMs: () => number;
  log: (line: string) => void;
}
