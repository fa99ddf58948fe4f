import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { NumberMetadata } from '../../exotel';
import { ToolServices } from './toolServices';
import { setting } from '../../common/settings';
import { parsePhone } from '../../phone';
import { Session } from '../../session/session';
import { dataBlock } from './toolData';
import { LookupNumberInput } from './toolManifest';
import { abortOn, errorResult, toolText } from './toolResult';

/** exotel_lookupNumber: a number as written → E.164, kind, and Exotel's circle, operator, type and DND. */
export class LookupNumberTool implements vscode.LanguageModelTool<LookupNumberInput> {
  constructor(
    private readonly session: Session,
    private readonly services: ToolServices,
  ) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<LookupNumberInput>): vscode.PreparedToolInvocation {
    return { invocationMessage: t('Looking up {0} with Exotel', String(options.input?.number ?? '').slice(0, 40)) };
  }

  async invoke(
    options: vscode.LanguageModelToolInvocationOptions<LookupNumberInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const written = String(options.input?.number ?? '');
    const parsed = parsePhone(written);
    if (!parsed.ok) return toolText(`This is not a phone number Exotel can dial: ${parsed.reason}`, dataBlock([['input', written]]));
    const n = parsed.number;
    const rows: Array<[string, string | undefined]> = [
      ['e164', n.e164],
      ['international', n.international],
      ['national', n.national],
      ['kind', n.kind],
      ['country', n.country ?? (n.isIndian ? 'IN' : undefined)],
    ];
    if (!n.isIndian || (n.kind !== 'mobile' && n.kind !== 'landline')) {
      return toolText("The number as parsed (nothing was sent: Exotel's number metadata covers Indian mobile and landline numbers only):", dataBlock(rows));
    }
    if (!(await this.session.current())) {
      return toolText('The number as parsed. Not signed in to Exotel, so its circle, operator and DND status were not looked up:', dataBlock(rows));
    }
    // The number-lookup privacy setting: "off" means numbers are never sent; the cache may still answer.
    const lookupsOff = setting('hover.lookup') === 'off';
    const cachedBefore = this.services.numbers.entry(n.e164)?.dndFresh === true; // then lookup() answers from the cache
    const abort = abortOn(token);
    let meta: NumberMetadata | undefined;
    try {
      meta = await this.services.numbers.lookup(n.e164, { signal: abort.signal, network: !lookupsOff });
    } catch (err) {
      return errorResult(`The number as parsed; Exotel's lookup failed:\n${dataBlock(rows)}`, err);
    } finally {
      abort.dispose();
    }
    if (!meta) {
      return toolText(
        'The number as parsed. Number lookups are off in this editor (setting exotel.hover.lookup is "off") and nothing is cached for it, so nothing was sent:',
        dataBlock(rows),
      );
    }
    const entry = this.services.numbers.entry(n.e164);
    const source = lookupsOff
      ? 'Number lookups are off in this editor: this answer is from the cache, and nothing was sent.'
      : cachedBefore
        ? "Exotel's answer, from the cache (nothing was sent)."
        : "Exotel's answer.";
    return toolText(
      source,
      dataBlock([
        ...rows,
        ['circle', [meta.circle, meta.circleName].filter(Boolean).join(' · ')],
        ['operator', [meta.operator, meta.operatorName].filter(Boolean).join(' · ')],
        ['type', meta.type],
        ['dnd', meta.dnd],
        ['dnd meaning', this.services.dndMeaning(meta.dnd)],
        ...(entry && !entry.dndFresh
          ? [['dnd note', 'cached DND status older than exotel.numbers.dndCacheHours; it may have changed'] as [string, string]]
          : []),
      ]),
    );
  }
}
