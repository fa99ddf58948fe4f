// Call statistics, editor-free: what the Call Stats panel draws, and what a language-model tool may report.
//   headlineFigures(calls, options) → calls, answered, answer rate, talk time, spend (see HeadlineFigures)
//   computeStats(calls, options)    → the headline and every chart's data
// Pass `outcomeOf` to change what counts as answered, `numberFacts` for circles and operators (cache only).
export {
  computeStats,
  computeStatsInSlices,
  statsBuilder,
  headlineFigures,
  talkSeconds,
  customerNumber,
  PENDING_WINDOW_MS,
  TALK_BINS,
  UNKNOWN,
  NOT_COVERED,
} from './callStats';
export type { Breakdown, CallStats, DayFigures, HeadlineFigures, NumberFacts, StatsOptions, TalkBin } from './callStats';
export { defaultOutcome, OUTCOMES } from './outcome';
export type { CallOutcome, Outcome, OutcomeRule } from './outcome';
export { dayOf, dayStart, oldestKept, RANGE_PRESETS, rangeKey, rangeWindows, resolveRange } from './range';
export type { RangeChoice, RangePreset, StatsRange } from './range';
export { selectCalls } from './selection';
export type { ChartId, StatsSelection } from './selection';
export { csvCell, statsToCsv } from './statsCsv';
export { LegDetailsCache, needsLegDetails } from './legDetails';
export type { DetailsClient, FillProgress, FillResult } from './legDetails';
export { collectCalls, legDetails, withoutLegsNote } from './collectCalls';
export type { FetchedCalls } from './collectCalls';
export { headlineItems, headlineNotes } from './headlineText';
export type { HeadlineItem } from './headlineText';
