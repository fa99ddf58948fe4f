import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { ConfirmCall, factsMarkdown, PlaceTestCall, PlaceTestCallInput, ToolCallBudget, ToolHost } from '../../agentTools';
import { showWarning } from '../../common/notify';
import { setting } from '../../common/settings';
import { EditorConnection } from './editorHost';
import { abortOn, run } from './toolResult';

export const PLACE_CALL = () => t('Place Call');

/**
 * exotel_placeTestCall (src/agentTools/placeTestCall.ts) in VS Code. VS Code asks the user with prepareInvocation's
 * confirmation inside a chat, but users can auto-approve tools and any extension can invoke one outside a chat, so
 * the call checks every guard itself and, outside a chat (no invocation token), on a production profile or with
 * exotel.confirmBeforeCalling, asks with its own modal dialog before anything is sent.
 */
export class PlaceTestCallTool implements vscode.LanguageModelTool<PlaceTestCallInput> {
  private readonly calls: PlaceTestCall<EditorConnection>;

  constructor(host: ToolHost<EditorConnection>) {
    this.calls = new PlaceTestCall(host);
  }

  get budget(): ToolCallBudget {
    return this.calls.budget;
  }

  async prepareInvocation(
    options: vscode.LanguageModelToolInvocationPrepareOptions<PlaceTestCallInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.PreparedToolInvocation> {
    const abort = abortOn(token);
    try {
      const c = await this.calls.check(options.input, abort.signal);
      const message = new vscode.MarkdownString();
      if (!c.ok) {
        message.appendMarkdown(factsMarkdown([[t('This call will be refused, and nothing sent'), c.reason]]));
        return { invocationMessage: t('Checking an Exotel test call'), confirmationMessages: { title: t('Place an Exotel call?'), message } };
      }
      message.appendMarkdown(factsMarkdown(c.facts));
      return { invocationMessage: t('Placing one Exotel call'), confirmationMessages: { title: c.title, message } };
    } finally {
      abort.dispose();
    }
  }

  invoke(options: vscode.LanguageModelToolInvocationOptions<PlaceTestCallInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const outsideChat = options.toolInvocationToken === undefined;
    const confirm: ConfirmCall = async ({ title, facts, profile }) => {
      if (!outsideChat && profile.kind !== 'production' && !setting('confirmBeforeCalling')) return undefined; // VS Code asked in the chat
      const pick = await showWarning(
        title,
        {
          modal: true,
          detail: [
            outsideChat ? t('An extension or an agent asked Exotel for VS Code to place this call.') : t('An agent asked to place this call.'),
            '',
            ...facts.map(([k, v]) => `${k}: ${v}`),
          ].join('\n'),
        },
        PLACE_CALL(),
      );
      return pick === PLACE_CALL() ? undefined : t('The user declined the call; nothing was sent.');
    };
    return run(token, signal => this.calls.place(options.input, signal, confirm));
  }
}
