import * as vscode from 'vscode';

// Composition root. Feature folders are wired here as they land.
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('exotel.showLog', () => undefined));
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
