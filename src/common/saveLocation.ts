import * as os from 'os';
import * as vscode from 'vscode';

/**
 * Where a Save dialog starts: in the first workspace folder (else the home folder), never a bare name, which
 * the dialog would resolve against the file system's root.
 */
export function defaultSaveUri(fileName: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  return vscode.Uri.joinPath(folder, fileName);
}
