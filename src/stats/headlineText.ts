// The headline figures in words: the Call Stats panel's cards and what the agent tools (the editor's language-model
// tool and the MCP server) report, so both say the same. Editor-free: words through the one translator.
import { formatSeconds } from '../common/callText/callFormat';
import { t } from '../common/callText/translate';
import type { HeadlineFigures } from './callStats';

export interface HeadlineItem {
  id: string;
  label: string;
  value: string;
  hint?: string;
}

const money = (v: number) => v.toFixed(2);
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

/** The headline figures in words, as the panel's cards show them and the language-model tool reports them. */
export function headlineItems(h: HeadlineFigures): HeadlineItem[] {
  const pendingPrice = [h.pricePending ? t('{0} pending', h.pricePending) : '', h.priceMissing ? t('{0} without a price', h.priceMissing) : '']
    .filter(Boolean)
    .join(', ');
  return [
    { id: 'calls', label: t('Calls'), value: String(h.calls) },
    {
      id: 'answered',
      label: t('Answered'),
      value: String(h.answered),
      hint:
        [h.missed ? t('{0} incoming calls missed', h.missed) : '', h.attempts ? t('{0} call attempts', h.attempts) : ''].filter(Boolean).join(', ') ||
        undefined,
    },
    { id: 'asr', label: t('Answer rate (ASR)'), value: percent(h.answerRate) },
    {
      id: 'acd',
      label: t('Average talk time (ACD)'),
      value: h.averageTalkSeconds === null ? '—' : formatSeconds(Math.round(h.averageTalkSeconds)),
      hint: h.talkPending ? t('{0} pending', h.talkPending) : undefined,
    },
    { id: 'talk', label: t('Total talk time'), value: formatSeconds(h.totalTalkSeconds) },
    { id: 'spend', label: t('Total spend'), value: money(h.spend), hint: pendingPrice || undefined },
    { id: 'spendNotAnswered', label: t('Spend on calls not answered'), value: money(h.spendNotAnswered), hint: t('leg 1 is billed even when nobody answers') },
  ];
}

/** What the figures cannot be sure of, in words. */
export function headlineNotes(h: HeadlineFigures): string[] {
  const notes: string[] = [];
  if (h.uncertain)
    notes.push(
      t(
        '{0} incoming calls have an unknown outcome: Exotel listed them without leg statuses, so whether an agent picked up is not known. They are not counted as answered.',
        h.uncertain,
      ),
    );
  if (h.attempts) notes.push(t("{0} incoming calls never reached an agent: counted as call attempts, as Exotel's dashboard does.", h.attempts));
  return notes;
}
