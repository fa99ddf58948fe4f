// A click on a bar or cell names a bucket; these are the calls in it, found by the same rules that counted them.
import type { Call } from '../exotel';
import { binOf, customerNumber, NOT_COVERED, StatsOptions, talkSeconds, UNKNOWN, weekdayHour } from './callStats';
import { defaultOutcome, Outcome } from './outcome';

export type ChartId = 'perDay' | 'heatmap' | 'answerRate' | 'talkTime' | 'spendPerDay' | 'exophone' | 'direction' | 'circle' | 'operator';

export interface StatsSelection {
  chart: ChartId;
  day?: string;
  outcome?: Outcome;
  weekday?: number;
  hour?: number;
  bin?: number;
  key?: string;
}

export function selectCalls(calls: readonly Call[], sel: StatsSelection, options: StatsOptions = {}): Call[] {
  const outcomeOf = options.outcomeOf ?? defaultOutcome;
  const memo = new Map();
  const match = (call: Call): boolean => {
    switch (sel.chart) {
      case 'perDay':
        return call.dateCreated?.slice(0, 10) === sel.day && (sel.outcome === undefined || outcomeOf(call).outcome === sel.outcome);
      case 'spendPerDay':
        return call.dateCreated?.slice(0, 10) === sel.day;
      case 'heatmap':
      case 'answerRate': {
        const w = weekdayHour(call.dateCreated);
        return w !== undefined && w.weekday === sel.weekday && w.hour === sel.hour;
      }
      case 'talkTime': {
        const talk = outcomeOf(call).outcome === 'answered' ? talkSeconds(call) : undefined;
        return talk !== undefined && binOf(talk) === sel.bin;
      }
      case 'exophone':
        return (call.phoneNumberSid || UNKNOWN) === sel.key;
      case 'direction':
        return (call.direction || UNKNOWN) === sel.key;
      case 'circle':
      case 'operator': {
        const f = customerNumber(call, memo);
        if (!f.lookable) return sel.key === NOT_COVERED;
        const known = options.numberFacts?.(f.e164!);
        const v = known ? (sel.chart === 'circle' ? known.circle : known.operator) || UNKNOWN : UNKNOWN;
        return v === sel.key;
      }
    }
  };
  return calls.filter(match);
}
