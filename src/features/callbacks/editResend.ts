// Edit and Resend: the request opens as a JSON document; "Send Edited Callback" (a command and a CodeLens
// at the top of the document) sends what the document says now.
import { COMMANDS } from '../../common/commandIds';
import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { Delivery, fromEditable, resendTarget, toEditable } from '../../callbacks';
import type { OutgoingRequest } from '../../webhooks';
import { Disposable } from '../../common/disposable';
import { errorMessage } from '../../base/errorMessage';
import { ValidationError } from '../../exotel';

const NOTE_KEY = '//';

export class EditDocuments extends Disposable implements vscode.CodeLensProvider {
  /** Open edit documents → the delivery each one started from. */
  private readonly docs = new Map<string, string>();
  private readonly lensesChanged = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.lensesChanged.event;

  private listening = false;

  /** The CodeLens and the close listener start with the first edit document, not at activation. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.register(vscode.languages.registerCodeLensProvider({ language: 'json', scheme: 'untitled' }, this));
    this.register(vscode.workspace.onDidCloseTextDocument(doc => this.docs.delete(doc.uri.toString())));
  }

  /** Opens the delivery's request as an editable JSON document; returns it. */
  async open(d: Delivery): Promise<vscode.TextDocument> {
    this.listen();
    const target = resendTarget(d) ?? d.request.url;
    const editable = toEditable({ ...d.request, url: target });
    const note = t(
      'Edit anything below, then click “Send Edited Callback” above or run “Exotel: Send Edited Callback”. Content-Length and the multipart boundary are set when it is sent.',
    );
    const content = JSON.stringify({ [NOTE_KEY]: note, ...editable }, null, 2);
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    this.docs.set(doc.uri.toString(), d.id);
    this.lensesChanged.fire();
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  /** The delivery a document was opened from, if it is an edit document. */
  sourceOf(doc: vscode.TextDocument): string | undefined {
    return this.docs.get(doc.uri.toString());
  }

  /** The request the document describes now, or an error in words. */
  requestOf(doc: vscode.TextDocument): OutgoingRequest {
    let value: unknown;
    try {
      value = JSON.parse(doc.getText());
    } catch (err) {
      throw new ValidationError('document', t('The document is not valid JSON: {0}', errorMessage(err)));
    }
    return fromEditable(value);
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.docs.has(doc.uri.toString())) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [new vscode.CodeLens(top, { title: `$(send) ${t('Send Edited Callback')}`, command: COMMANDS.callbacksSendEdited, arguments: [doc.uri] })];
  }
}
