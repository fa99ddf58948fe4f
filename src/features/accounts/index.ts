import { anyText, bool, checkArgs, checkOne, oneOf, text } from '../../common/commandArgs';
import { registerCommand } from '../../common/commands';
import { Deps } from '../../deps';
import { AccountStatusBar } from './statusBar';
import { signIn, SignInArgs } from './signIn';
import { setFlowHost, signOut, switchProfile } from './profileCommands';
import { COMMANDS } from '../../common/commandIds';

/** What exotel.signIn takes from code; the key, the token and the URL are never quoted back. */
const SIGN_IN_ARGS = {
  command: COMMANDS.signIn,
  consequence: 'Nothing was saved.',
  secret: ['apiKey', 'apiToken', 'baseUrl'],
  checks: {
    name: text(),
    region: oneOf(['singapore', 'mumbai', 'custom']),
    baseUrl: text('an https:// URL'),
    accountSid: text(),
    apiKey: text(),
    apiToken: text(),
    production: bool,
    defaultCallerId: anyText,
    flowHost: text('a host name such as my.in.exotel.com'),
  } satisfies Record<keyof SignInArgs, unknown>,
};

/** Sign-in, profiles and the status bar item (returned, so the in-host tests can read it). */
export function registerAccounts({ context, log, session }: Deps): AccountStatusBar {
  const statusBar = new AccountStatusBar(session);
  context.subscriptions.push(
    registerCommand(log, COMMANDS.signIn, (args?: unknown) => signIn(session, checkArgs<SignInArgs>(SIGN_IN_ARGS, args))),
    registerCommand(log, COMMANDS.signOut, (scope?: unknown) =>
      signOut(session, checkOne(COMMANDS.signOut, 'scope', scope, oneOf(['current', 'all'])) as 'current' | 'all' | undefined),
    ),
    registerCommand(log, COMMANDS.switchProfile, (id?: unknown) =>
      switchProfile(session, checkOne(COMMANDS.switchProfile, 'id', id, text('a profile id or name')) as string | undefined),
    ),
    registerCommand(log, COMMANDS.showLog, () => log.show()),
    registerCommand(log, COMMANDS.setFlowHost, (host?: unknown) =>
      setFlowHost(session, checkOne(COMMANDS.setFlowHost, 'host', host, text('a host name such as my.in.exotel.com')) as string | undefined),
    ),
    statusBar,
  );
  return statusBar;
}
