import * as vscode from 'vscode';
import { registerCommand } from '../../common/commands';
import { COMMANDS } from '../../common/commandIds';
import { maskingNumbers, setMaskNumbers } from '../../common/privacy';
import { affects, setting } from '../../common/settings';
import { Deps } from '../../deps';

import { t } from '../../common/callText/translate';

/**
 * exotel.privacy.maskNumbers for screen sharing: its toggle command, and a status bar item while it is on (a click
 * turns it off). Views, panels, hovers and notifications ask src/common/privacy.ts; this keeps it in step.
 * Returns whether masking is on (for the in-host tests).
 */
export function registerPrivacy({ context, log }: Deps): () => boolean {
  const item = vscode.window.createStatusBarItem('exotel.privacy', vscode.StatusBarAlignment.Left, 49);
  item.name = t('Exotel Number Masking');
  item.text = `$(eye-closed) ${t('Numbers masked')}`;
  item.tooltip = t('Exotel shows phone numbers masked (exotel.privacy.maskNumbers). Click to show them in full.');
  item.command = COMMANDS.privacyToggleMaskNumbers;
  const apply = () => {
    setMaskNumbers(setting('privacy.maskNumbers'));
    if (maskingNumbers()) item.show();
    else item.hide();
  };
  apply();
  context.subscriptions.push(
    item,
    vscode.workspace.onDidChangeConfiguration(e => {
      if (affects(e, 'privacy.maskNumbers')) apply();
    }),
    registerCommand(log, COMMANDS.privacyToggleMaskNumbers, async () => {
      const on = !maskingNumbers();
      // Where it is set now (a workspace may set it for its demos), else for the user.
      const inspect = vscode.workspace.getConfiguration('exotel').inspect<boolean>('privacy.maskNumbers');
      const target =
        inspect?.workspaceFolderValue !== undefined
          ? vscode.ConfigurationTarget.WorkspaceFolder
          : inspect?.workspaceValue !== undefined
            ? vscode.ConfigurationTarget.Workspace
            : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('exotel').update('privacy.maskNumbers', on, target);
      apply();
      vscode.window.setStatusBarMessage(on ? t('Exotel: phone numbers are masked') : t('Exotel: phone numbers are shown in full'), 3000);
      return on;
    }),
  );
  return maskingNumbers;
}
