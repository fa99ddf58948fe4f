import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { getCall, GetCallInput, ToolHost } from '../../agentTools';
import { run } from './toolResult';

/** exotel_getCall (src/agentTools/getCall.ts) in VS Code. */
export class GetCallTool implements vscode.LanguageModelTool<GetCallInput> {
  constructor(private readonly host: ToolHost) {}

  prepareInvocation(): vscode.PreparedToolInvocation {
    return { invocationMessage: t('Reading an Exotel call') };
  }

  invoke(options: vscode.LanguageModelToolInvocationOptions<GetCallInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    return run(token, signal => getCall(this.host, options.input, signal));
  }
}
