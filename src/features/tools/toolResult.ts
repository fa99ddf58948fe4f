import * as vscode from 'vscode';
import type { ToolAnswer } from '../../agentTools';

/** An agent tool's answer as VS Code's result: one text part. */
export function toResult(a: ToolAnswer): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(a.text)]);
}

/** An AbortSignal that follows a cancellation token, for the client's requests. */
export function abortOn(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  if (token.isCancellationRequested) ac.abort();
  const sub = token.onCancellationRequested(() => ac.abort());
  return { signal: ac.signal, dispose: () => sub.dispose() };
}

/** Runs a tool with an AbortSignal that follows the token, and returns its answer as a result. */
export async function run(token: vscode.CancellationToken, tool: (signal: AbortSignal) => Promise<ToolAnswer>): Promise<vscode.LanguageModelToolResult> {
  const abort = abortOn(token);
  try {
    return toResult(await tool(abort.signal));
  } finally {
    abort.dispose();
  }
}
