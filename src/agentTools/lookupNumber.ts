import { dndMeaning } from '../common/callText/dndText';
import { NumberMetadata } from '../exotel';
import { parsePhone } from '../phone';
import { dataBlock } from './toolData';
import { ToolHost } from './toolHost';
import { LookupNumberInput } from './toolManifest';
import { answer, errorAnswer, refusal, ToolAnswer } from './toolResult';

/** exotel_lookupNumber: a number as written → E.164, kind, and Exotel's circle, operator, type and DND. */
export async function lookupNumber(host: ToolHost, input: Partial<LookupNumberInput> | undefined, signal: AbortSignal): Promise<ToolAnswer> {
  const written = String(input?.number ?? '');
  const parsed = parsePhone(written);
  if (!parsed.ok) return refusal(`This is not a phone number Exotel can dial: ${parsed.reason}`, dataBlock([['input', written]]));
  const n = parsed.number;
  const rows: Array<[string, string | undefined]> = [
    ['e164', n.e164],
    ['international', n.international],
    ['national', n.national],
    ['kind', n.kind],
    ['country', n.country ?? (n.isIndian ? 'IN' : undefined)],
  ];
  if (!n.isIndian || (n.kind !== 'mobile' && n.kind !== 'landline')) {
    return answer("The number as parsed (nothing was sent: Exotel's number metadata covers Indian mobile and landline numbers only):", dataBlock(rows));
  }
  if (!(await host.connection())) {
    return answer('The number as parsed. Not signed in to Exotel, so its circle, operator and DND status were not looked up:', dataBlock(rows));
  }
  // The number-lookup privacy choice: when off, numbers are never sent; the cache may still answer.
  const lookupsOff = !host.lookupsAllowed();
  const cachedBefore = host.numbers.entry(n.e164)?.dndFresh === true; // then lookup() answers from the cache
  let meta: NumberMetadata | undefined;
  try {
    meta = await host.numbers.lookup(n.e164, { signal, network: !lookupsOff });
  } catch (err) {
    return errorAnswer(`The number as parsed; Exotel's lookup failed:\n${dataBlock(rows)}`, err);
  }
  if (!meta) {
    return answer(
      'The number as parsed. Number lookups are off in this editor (setting exotel.hover.lookup is "off") and nothing is cached for it, so nothing was sent:',
      dataBlock(rows),
    );
  }
  const entry = host.numbers.entry(n.e164);
  const source = lookupsOff
    ? 'Number lookups are off in this editor: this answer is from the cache, and nothing was sent.'
    : cachedBefore
      ? "Exotel's answer, from the cache (nothing was sent)."
      : "Exotel's answer.";
  return answer(
    source,
    dataBlock([
      ...rows,
      ['circle', [meta.circle, meta.circleName].filter(Boolean).join(' · ')],
      ['operator', [meta.operator, meta.operatorName].filter(Boolean).join(' · ')],
      ['type', meta.type],
      ['dnd', meta.dnd],
      ['dnd meaning', dndMeaning(meta.dnd)],
      ...(entry && !entry.dndFresh ? [['dnd note', 'cached DND status older than exotel.numbers.dndCacheHours; it may have changed'] as [string, string]] : []),
    ]),
  );
}
