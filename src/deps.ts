import * as vscode from 'vscode';
import { Log } from './common/log';
import { Session } from './session/session';

/** What every feature is handed by the composition root. */
export interface Deps {
  context: vscode.ExtensionContext;
  log: Log;
  session: Session;
}
