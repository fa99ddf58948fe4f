import * as vscode from 'vscode';
import { curlCommand, Delivery, DeliveryStore, fixtureOf, fromResend, jsonLine, resendTarget } from '../../callbacks';
import { t } from '../../common/callText/translate';
import { COMMANDS } from '../../common/commandIds';
import { Log } from '../../common/log';
import { showInfo } from '../../common/notify';
import { defaultSaveUri } from '../../common/saveLocation';
import { ValidationError } from '../../exotel';
import { OutgoingRequest, sendRequest } from '../../webhooks';
import { CallbackNode } from './callbacksProvider';
import { EditDocuments } from './editResend';

const RESEND_TIMEOUT_MS = 15_000;

/** A command's target: a delivery's id, a row of the view, or (none given) the delivery the panel shows. */
export type DeliveryArg = string | CallbackNode | undefined;

/**
 * What the Callbacks view's commands do to a delivery: resend (as sent, or edited), copy as cURL or as a fixture,
 * open its call, export them all. Each returns what the in-host tests check; bad input throws a ValidationError.
 */
export class CallbackActions {
  private next = 0;

  constructor(
    private readonly log: Log,
    private readonly store: DeliveryStore,
    readonly edits: EditDocuments,
    private readonly shownId: () => string | undefined,
    private readonly showPanel: (id: string) => void,
  ) {}

  newId(prefix: string): string {
    return `${prefix}${(this.next++).toString(36)}`;
  }

  need(arg: DeliveryArg): Delivery {
    const node = typeof arg === 'object' ? arg : undefined;
    const id = typeof arg === 'string' ? arg : node?.kind === 'delivery' ? node.id : node?.kind === 'group' ? node.group.deliveries[0]?.id : this.shownId();
    const d = id ? this.store.get(id) : undefined;
    if (!d) throw new ValidationError('delivery', t('Pick a delivery in the Callbacks view first.'));
    return d;
  }

  async resend(arg: DeliveryArg): Promise<string> {
    const d = this.need(arg);
    const url = resendTarget(d);
    if (!url) {
      throw new ValidationError(
        'url',
        t('This request was only recorded, not forwarded: there is no handler to resend it to. Use Edit and Resend and set "url".'),
      );
    }
    return this.send(d, { ...d.request, url });
  }

  async editAndResend(arg: DeliveryArg): Promise<string> {
    return (await this.edits.open(this.need(arg))).uri.toString();
  }

  async sendEdited(uri: vscode.Uri | undefined): Promise<string> {
    const doc = uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
    const from = doc && this.edits.sourceOf(doc);
    if (!doc || !from) throw new ValidationError('document', t('Open a request with “Edit and Resend” in the Callbacks panel first.'));
    const request = this.edits.requestOf(doc);
    const body = String(request.body);
    const base: Delivery = this.store.get(from) ?? { id: from, source: 'resend', at: new Date(), done: true, request: { ...request, body } };
    const id = await this.send(base, { ...request, body });
    this.showPanel(id);
    return id;
  }

  async copyCurl(arg: DeliveryArg): Promise<string> {
    const d = this.need(arg);
    const text = curlCommand({ ...d.request, url: resendTarget(d) ?? d.request.url });
    await vscode.env.clipboard.writeText(text);
    void showInfo(t('Copied the request as cURL (secrets masked).'));
    return text;
  }

  async copyFixture(arg: DeliveryArg, options?: { mask?: boolean }): Promise<string | undefined> {
    const d = this.need(arg);
    const mask = options?.mask ?? (await askMask());
    if (mask === undefined) return undefined;
    const text = fixtureOf(d.request, mask);
    await vscode.env.clipboard.writeText(text);
    void showInfo(mask ? t('Copied the payload as a fixture, numbers and SIDs masked.') : t('Copied the payload as a fixture.'));
    return text;
  }

  openCall(arg: DeliveryArg): Thenable<unknown> {
    const d = this.need(arg);
    if (!d.callSid) throw new ValidationError('CallSid', t('This request names no CallSid.'));
    return vscode.commands.executeCommand(COMMANDS.showCallDetails, d.callSid);
  }

  async exportAll(uri?: vscode.Uri): Promise<string | undefined> {
    const all = this.store.all();
    if (!all.length) {
      void showInfo(t('There are no callbacks to export yet.'));
      return undefined;
    }
    const target =
      uri ??
      (await vscode.window.showSaveDialog({
        title: t('Export Callbacks (JSON Lines)'),
        filters: { 'JSON Lines': ['jsonl'] },
        defaultUri: defaultSaveUri('exotel-callbacks.jsonl'),
      }));
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(all.map(jsonLine).join('\n') + '\n', 'utf8'));
    void showInfo(
      all.length === 1
        ? t('Exported 1 delivery to {0} (secrets masked).', target.fsPath)
        : t('Exported {0} deliveries to {1} (secrets masked).', all.length, target.fsPath),
    );
    return target.toString();
  }

  /** Sends a request again and records it as a new delivery of the same call; returns its id. */
  private async send(of: Delivery, request: OutgoingRequest & { body: string }): Promise<string> {
    const id = this.newId('e');
    this.store.upsert(fromResend(of, request, undefined, id, new Date()));
    const result = await sendRequest(request, { timeoutMs: RESEND_TIMEOUT_MS });
    this.store.upsert(fromResend(of, request, result, id, this.store.get(id)?.at ?? new Date()));
    const outcome = result.status !== undefined ? `HTTP ${result.status}` : result.error;
    this.log.info(`Resent ${of.event ?? of.request.method} for ${of.callSid ?? 'a request'} → ${request.url}: ${outcome}`);
    return id;
  }
}

/** Copy as Fixture: masked for a bug report, or as captured; undefined when the pick is dismissed. */
async function askMask(): Promise<boolean | undefined> {
  const masked = {
    label: t('Mask numbers and SIDs'),
    description: t('for a bug report: keeps the last 4 digits of numbers and the first 4 characters of SIDs'),
    mask: true,
  };
  const kept = { label: t('Keep them as captured'), description: t('for your own tests'), mask: false };
  return (await vscode.window.showQuickPick([masked, kept], { title: t('Copy as Fixture') }))?.mask;
}
