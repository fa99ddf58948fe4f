import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { callStats, CallStatsInput, ToolHost } from '../../agentTools';
import { run } from './toolResult';

/** exotel_callStats (src/agentTools/callStats.ts) in VS Code. */
export class CallStatsTool implements vscode.LanguageModelTool<CallStatsInput> {
  constructor(private readonly host: ToolHost) {}

  prepareInvocation(): vscode.PreparedToolInvocation {
    return { invocationMessage: t('Computing Exotel call stats') };
  }

  invoke(options: vscode.LanguageModelToolInvocationOptions<CallStatsInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    return run(token, signal => callStats(this.host, options.input, signal));
  }
}
