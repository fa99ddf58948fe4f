import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { listCalls, ListCallsInput, ToolHost } from '../../agentTools';
import { run } from './toolResult';

/** exotel_listCalls (src/agentTools/listCalls.ts) in VS Code. */
export class ListCallsTool implements vscode.LanguageModelTool<ListCallsInput> {
  constructor(private readonly host: ToolHost) {}

  prepareInvocation(): vscode.PreparedToolInvocation {
    return { invocationMessage: t('Reading the Exotel call log') };
  }

  invoke(options: vscode.LanguageModelToolInvocationOptions<ListCallsInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    return run(token, signal => listCalls(this.host, options.input, signal));
  }
}
