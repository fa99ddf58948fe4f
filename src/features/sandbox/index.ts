import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { LocalSandbox } from './localSandbox';
import { COMMANDS } from '../../common/commandIds';

/** Exotel: Start Sandbox / Stop Sandbox. */
export function registerSandbox({ context, log, session }: Deps): LocalSandbox {
  const sandbox = new LocalSandbox(session, log);
  context.subscriptions.push(
    sandbox,
    registerCommand(log, COMMANDS.startSandbox, (options?: Parameters<LocalSandbox['start']>[0]) => sandbox.start(options ?? {})),
    registerCommand(log, COMMANDS.stopSandbox, () => sandbox.stop()),
  );
  // EXOTEL_SANDBOX=1 (npm run demo, CI machines): start the sandbox as soon as the extension activates.
  if (process.env.EXOTEL_SANDBOX === '1') void sandbox.start().catch(err => log.error('Starting the sandbox', err));
  return sandbox;
}
