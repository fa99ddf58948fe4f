import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { AccountStatusBar } from './statusBar';
import { signIn, SignInArgs } from './signIn';
import { signOut, switchProfile } from './profileCommands';
import { COMMANDS } from '../../common/commandIds';

/** Sign-in, profiles and the status bar item (returned, so the in-host tests can read it). */
export function registerAccounts({ context, log, session }: Deps): AccountStatusBar {
  const statusBar = new AccountStatusBar(session);
  context.subscriptions.push(
    registerCommand(log, COMMANDS.signIn, (args?: SignInArgs) => signIn(session, args ?? {})),
    registerCommand(log, COMMANDS.signOut, (scope?: 'current' | 'all') => signOut(session, scope)),
    registerCommand(log, COMMANDS.switchProfile, (id?: string) => switchProfile(session, id)),
    registerCommand(log, COMMANDS.showLog, () => log.show()),
    statusBar,
  );
  return statusBar;
}
