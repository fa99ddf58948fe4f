import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { Session } from '../../session/session';
import { callData, dataBlock } from './toolData';
import { GetCallInput } from './toolManifest';
import { abortOn, errorResult, NOT_SIGNED_IN, toolText } from './toolResult';

/** exotel_getCall: one call by SID, its fields, both legs in words, the recording's availability. */
export class GetCallTool implements vscode.LanguageModelTool<GetCallInput> {
  constructor(private readonly session: Session) {}

  prepareInvocation(): vscode.PreparedToolInvocation {
    return { invocationMessage: t('Reading an Exotel call') };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<GetCallInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const conn = await this.session.current();
    if (!conn) return toolText(NOT_SIGNED_IN);
    const abort = abortOn(token);
    try {
      const call = await conn.client.getCall(String(options.input?.callSid ?? ''), { details: true, signal: abort.signal });
      return toolText(`The call, as Exotel reports it on the profile “${conn.profile.name}” (times in the account's zone):`, dataBlock(callData(call)));
    } catch (err) {
      return errorResult('Getting the call failed.', err);
    } finally {
      abort.dispose();
    }
  }
}
