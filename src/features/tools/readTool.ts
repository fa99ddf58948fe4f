// The four tools that only read (lookupNumber, listCalls, getCall, callStats) in VS Code: each is its agent tool from
// src/agentTools (shared with the MCP server) with the line VS Code shows while it runs. Nothing to confirm.
import * as vscode from 'vscode';
import { ToolAnswer, ToolHost } from '../../agentTools';
import { run } from './toolResult';

export class ReadTool<I> implements vscode.LanguageModelTool<I> {
  constructor(
    private readonly host: ToolHost,
    private readonly tool: (host: ToolHost, input: I, signal: AbortSignal) => Promise<ToolAnswer>,
    /** What VS Code shows while the tool runs (words only: the input is the model's). */
    private readonly running: (input: I | undefined) => string,
  ) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<I>): vscode.PreparedToolInvocation {
    return { invocationMessage: this.running(options.input) };
  }

  invoke(options: vscode.LanguageModelToolInvocationOptions<I>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    return run(token, signal => this.tool(this.host, options.input, signal));
  }
}
