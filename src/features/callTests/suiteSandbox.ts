import type { Sandbox } from '../../sandbox';

/** What suites need of the extension's sandbox (the sandbox feature's LocalSandbox; extension.ts hands it in). */
export interface SuiteSandbox {
  /** Starts it if it is not running (and switches to its profile); resolves with its base URL. */
  start(): Promise<string>;
  /** The running sandbox, for its credentials and the StatusCallbacks it delivered. */
  readonly handle: Sandbox | undefined;
}
