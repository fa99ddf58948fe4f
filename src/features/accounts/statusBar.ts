import * as vscode from 'vscode';
import { Disposable } from '../../common/disposable';
import { regionLabel, SANDBOX_PROFILE_ID } from '../../session/profile';
import { Connection, Session } from '../../session/session';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';

/** The profile and region at a glance; a warning colour for production; click to switch. */
export class AccountStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('exotel.account', vscode.StatusBarAlignment.Left, 50));

  constructor(session: Session) {
    super();
    this.item.name = t('Exotel Account');
    this.item.command = COMMANDS.switchProfile;
    const update = () => void session.current().then(c => this.render(c));
    this.register(session.onDidChange(update));
    update();
  }

  private render(c: Connection | undefined): void {
    if (!c) {
      this.item.text = `$(call-outgoing) ${t('Exotel: Sign In')}`;
      this.item.tooltip = t('Sign in to Exotel, or start the sandbox');
      this.item.command = COMMANDS.signIn;
      this.item.backgroundColor = undefined;
    } else if (c.profile.id === SANDBOX_PROFILE_ID) {
      this.item.text = `$(beaker) ${t('Exotel: Sandbox')}`;
      this.item.tooltip = t('Using the local sandbox at {0}. No real phone rings. Click to switch.', c.profile.baseUrl);
      this.item.command = COMMANDS.switchProfile;
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = `$(call-outgoing) ${c.profile.name} · ${regionLabel(c.profile)}`;
      this.item.tooltip = c.profile.production
        ? t('Exotel profile “{0}” ({1}) — PRODUCTION: calls reach real customers. Click to switch.', c.profile.name, c.profile.accountSid)
        : t('Exotel profile “{0}” ({1}). Click to switch.', c.profile.name, c.profile.accountSid);
      this.item.command = COMMANDS.switchProfile;
      this.item.backgroundColor = c.profile.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }
}
