import * as vscode from 'vscode';
import { showInfo } from '../../common/notify';
import { normalizeFlowHost, ValidationError } from '../../exotel';
import { flowHostOf, regionLabel, SANDBOX_PROFILE_ID } from '../../session/profile';
import { askFlowHost } from './signIn';
import { Session } from '../../session/session';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';

/** Exotel: Switch Profile. Returns the name of the profile switched to. */
export async function switchProfile(session: Session, id?: string): Promise<string | undefined> {
  const profiles = session.profiles.list();
  if (!profiles.length) {
    const pick = await showInfo(t('No Exotel profile yet.'), t('Sign In'), t('Try the Sandbox'));
    if (pick) await vscode.commands.executeCommand(pick === t('Sign In') ? COMMANDS.signIn : COMMANDS.startSandbox);
    return undefined;
  }
  const activeId = session.profiles.activeId();
  let target = id ? profiles.find(p => p.id === id || p.name === id) : undefined;
  if (!target) {
    const pick = await vscode.window.showQuickPick(
      [
        ...profiles.map(p => ({
          label: `${p.id === activeId ? '$(check) ' : ''}${p.name}`,
          description: `${p.accountSid} · ${regionLabel(p)}${p.production ? ` · ${t('production')}` : ''}`,
          profile: p,
        })),
        { label: `$(add) ${t('Sign in to another account…')}`, profile: undefined },
      ],
      { title: t('Exotel: Switch Profile'), placeHolder: t('Choose the account to use') },
    );
    if (!pick) return undefined;
    if (!pick.profile) {
      await vscode.commands.executeCommand(COMMANDS.signIn);
      return undefined;
    }
    target = pick.profile;
  }
  await session.profiles.setActive(target.id);
  return target.name;
}

/**
 * Exotel: Set Flow Host… for the current profile: the dashboard host a flow given by app id becomes a URL on.
 * Returns the host now in use.
 */
export async function setFlowHost(session: Session, host?: string): Promise<string | undefined> {
  const profile = session.profiles.list().find(p => p.id === session.profiles.activeId());
  if (!profile) {
    void showInfo(t('You are not signed in to Exotel.'));
    return undefined;
  }
  const chosen = host !== undefined ? normalizeFlowHost(host) : await askFlowHost(flowHostOf(profile));
  if (chosen === undefined) return undefined;
  if (profile.id === SANDBOX_PROFILE_ID) throw new ValidationError('flowHost', t('The sandbox accepts any flow URL; set the flow host on an Exotel profile.'));
  await session.profiles.update({ ...profile, flowHost: chosen });
  void showInfo(t('Flows given by app id now go to {0} for “{1}”.', chosen, profile.name));
  return chosen;
}

/** Exotel: Sign Out, of this profile or of all. Returns how many profiles were removed. */
export async function signOut(session: Session, scope?: 'current' | 'all'): Promise<number> {
  const profiles = session.profiles.list().filter(p => p.id !== SANDBOX_PROFILE_ID);
  const activeId = session.profiles.activeId();
  const current = profiles.find(p => p.id === activeId);
  if (!scope) {
    const items = [
      ...(current ? [{ label: t('Sign out of “{0}”', current.name), scope: 'current' as const }] : []),
      ...(profiles.length ? [{ label: t('Sign out of all {0} profiles', profiles.length), scope: 'all' as const }] : []),
    ];
    if (!items.length) {
      void showInfo(t('You are not signed in to Exotel.'));
      return 0;
    }
    const pick = await vscode.window.showQuickPick(items, { title: t('Exotel: Sign Out') });
    if (!pick) return 0;
    scope = pick.scope;
  }
  const doomed = scope === 'all' ? profiles : current ? [current] : [];
  for (const p of doomed) await session.profiles.remove(p.id);
  if (doomed.length) void showInfo(t('Signed out of {0} Exotel profile(s); their keys were removed from SecretStorage.', doomed.length));
  return doomed.length;
}
