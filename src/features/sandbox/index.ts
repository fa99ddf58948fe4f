import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { LocalSandbox } from './localSandbox';

/** Exotel: Start Sandbox / Stop Sandbox. */
export function registerSandbox({ context, log, session }: Deps): LocalSandbox {
  const sandbox = new LocalSandbox(session, log);
  context.subscriptions.push(
    sandbox,
    registerCommand(log, 'exotel.startSandbox', () => sandbox.start()),
    registerCommand(log, 'exotel.stopSandbox', () => sandbox.stop()),
  );
  return sandbox;
}
