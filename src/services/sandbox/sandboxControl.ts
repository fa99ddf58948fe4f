// The one interface features use to control the local sandbox (Start/Stop, callbacks, flows, call tests): the
// composition root creates the LocalSandbox and hands this to each feature that needs it.
import type * as vscode from 'vscode';
import type { CallbackAttempt, Sandbox, SandboxFlowOptions, SandboxOptions } from '../../sandbox';

/** Options for automation and tests; the user's settings fill in the rest. */
export type StartOptions = Pick<SandboxOptions, 'progressMs' | 'postCallLagMs' | 'seed' | 'signedRecordingUrls' | 'callbackRetries' | 'bulkIgnoresDetails'>;

export interface SandboxControl {
  /** Where it listens while running. */
  readonly baseUrl: string | undefined;
  /** The running sandbox: its credentials, its calls, its flows and the StatusCallbacks it delivered. */
  readonly handle: Sandbox | undefined;
  /** Every StatusCallback attempt, when it starts and when it ends (for the Callbacks view). */
  readonly onCallback: vscode.Event<CallbackAttempt>;
  /** The workspace's flows and the keys for them: the sandbox reads them at every call, so a later change applies at once. */
  useFlows(hooks: SandboxFlowOptions): void;
  /** Starts it (once, however often it is asked) and switches to its profile; resolves with its base URL. */
  start(options?: StartOptions): Promise<string>;
  /** Stops it and returns to the stored profile; false when it was not running. */
  stop(quiet?: boolean): Promise<boolean>;
}
