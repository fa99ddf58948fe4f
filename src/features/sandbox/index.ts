import { bool, checkArgs, number, oneOf } from '../../common/commandArgs';
import { CALLBACK_RETRY_SCHEDULE_NAMES } from '../../sandbox';
import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { SandboxControl, StartOptions } from '../../services/sandbox/sandboxControl';
import { COMMANDS } from '../../common/commandIds';

/** Exotel: Start Sandbox / Stop Sandbox. */
export function registerSandbox({ context, log }: Deps, sandbox: SandboxControl): void {
  context.subscriptions.push(
    registerCommand(log, COMMANDS.startSandbox, (options?: unknown) =>
      sandbox.start(
        checkArgs<StartOptions>(
          {
            command: COMMANDS.startSandbox,
            consequence: 'The sandbox was not started.',
            // Automation's knobs: call timings in ms, whether to seed the call history (true/false or a seed number), and
            // the callback retry schedule and bulk-listing mode (over the settings; tests pick `fast` retries).
            checks: {
              progressMs: number(0),
              postCallLagMs: number(0),
              seed: (v, name) => (typeof v === 'number' ? number(0)(v, name) : bool(v, name)),
              callbackRetries: oneOf(CALLBACK_RETRY_SCHEDULE_NAMES),
              bulkIgnoresDetails: bool,
            },
          },
          options,
        ),
      ),
    ),
    registerCommand(log, COMMANDS.stopSandbox, () => sandbox.stop()),
  );
  // EXOTEL_SANDBOX=1 (npm run demo, CI machines): start the sandbox as soon as the extension activates.
  if (process.env.EXOTEL_SANDBOX === '1') void sandbox.start().catch(err => log.error('Starting the sandbox', err));
}
