import * as vscode from 'vscode';

/** Every context key the extension sets, with its type. `when` clauses in package.json use these names. */
export interface ContextKeys {
  'exotel.signedIn': boolean;
  'exotel.sandboxRunning': boolean;
  'exotel.callLog.filtered': boolean;
  /** Set once a hover has shown a number: completes the walkthrough's last step. */
  'exotel.numbers.hovered': boolean;
  /** The local callback receiver (Receive from Real Exotel) is listening. */
  'exotel.callbacks.receiving': boolean;
}

const current = new Map<string, unknown>();

/** Sets a context key, skipping writes that would not change it. */
export async function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Promise<void> {
  if (current.get(key) === value) return;
  current.set(key, value);
  await vscode.commands.executeCommand('setContext', key, value);
}
