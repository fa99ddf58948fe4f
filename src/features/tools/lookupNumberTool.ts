import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { lookupNumber, LookupNumberInput, ToolHost } from '../../agentTools';
import { run } from './toolResult';

/** exotel_lookupNumber (src/agentTools/lookupNumber.ts) in VS Code. */
export class LookupNumberTool implements vscode.LanguageModelTool<LookupNumberInput> {
  constructor(private readonly host: ToolHost) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<LookupNumberInput>): vscode.PreparedToolInvocation {
    return { invocationMessage: t('Looking up {0} with Exotel', String(options.input?.number ?? '').slice(0, 40)) };
  }

  invoke(options: vscode.LanguageModelToolInvocationOptions<LookupNumberInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    return run(token, signal => lookupNumber(this.host, options.input, signal));
  }
}
