import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { AccountStatusBar } from './statusBar';
import { signIn, SignInArgs } from './signIn';
import { setFlowHost, signOut, switchProfile } from './profileCommands';

/** Sign-in, profiles and the status bar item (returned, so the in-host tests can read it). */
export function registerAccounts({ context, log, session }: Deps): AccountStatusBar {
  const statusBar = new AccountStatusBar(session);
  context.subscriptions.push(
    registerCommand(log, 'exotel.signIn', (args?: SignInArgs) => signIn(session, args ?? {})),
    registerCommand(log, 'exotel.signOut', (scope?: 'current' | 'all') => signOut(session, scope)),
    registerCommand(log, 'exotel.switchProfile', (id?: string) => switchProfile(session, id)),
    registerCommand(log, 'exotel.showLog', () => log.show()),
    registerCommand(log, 'exotel.setFlowHost', (host?: string) => setFlowHost(session, host)),
    statusBar,
  );
  return statusBar;
}
