// The typed messages between the extension and its webviews. Shared by both sides; no runtime code.

export interface FieldRow {
  label: string;
  value: string;
  /** Renders as a link that asks the extension to open it (never navigates the webview). */
  link?: boolean;
}

export interface CallView {
  sid: string;
  title: string;
  statusLabel: string;
  statusIcon: string;
  summary: string;
  fields: FieldRow[];
  legs: Array<{ leg: string; who: string; status: string; onCall: string }>;
  conversation?: string;
  recording?: RecordingView;
  canCallAgain: boolean;
  /** Why the last Refresh failed (the fields below are from before it); undefined when it worked. */
  problem?: string;
  /** The page's own words, translated by the extension (the page has no l10n of its own). */
  text: Record<CallText, string>;
}

/**
 * The recording section. `src` is what the player plays: a pre-signed link, a local copy the extension fetched with
 * the account's credentials (a webview URI; the page never sees a credential), or a foreign link sent none.
 */
export interface RecordingView {
  kind: 'presigned' | 'private' | 'foreign';
  src?: string;
  /** For "Open in browser": never a private link (it would not play without credentials). */
  openUrl?: string;
  note: string;
  busy?: string;
  error?: string;
  /** A private recording not fetched yet: offer Play. */
  canPlay: boolean;
  /** A pre-signed link: offer a fresh one. */
  canRefreshLink: boolean;
}

export type CallText =
  | 'leg'
  | 'who'
  | 'status'
  | 'onCall'
  | 'noLegs'
  | 'recording'
  | 'openInBrowser'
  | 'refresh'
  | 'copySid'
  | 'callAgain'
  | 'legs'
  | 'allFields'
  | 'play'
  | 'download'
  | 'freshLink';
export type NumberText =
  'when' | 'status' | 'direction' | 'duration' | 'showCall' | 'noCalls' | 'dnd' | 'callNumber' | 'copyE164' | 'refresh' | 'metadata' | 'recentCalls';

export interface NumberView {
  e164: string;
  title: string;
  fields: FieldRow[];
  dnd: { state: string; icon: string; meaning: string };
  recentCalls: Array<{ sid: string; when: string; status: string; statusIcon: string; direction: string; duration: string }>;
  note?: string;
  text: Record<NumberText, string>;
}

export type CallbackText =
  | 'request'
  | 'answer'
  | 'headers'
  | 'fields'
  | 'raw'
  | 'attempts'
  | 'noAnswer'
  | 'resend'
  | 'editResend'
  | 'copyCurl'
  | 'copyFixture'
  | 'openCall'
  | 'when'
  | 'result'
  | 'latency'
  | 'attempt'
  | 'empty'
  | 'answerToSender';

/** One StatusCallback delivery (or a request the receiver caught), prepared as plain text. */
export interface CallbackView {
  id: string;
  title: string;
  resultLabel: string;
  resultIcon: string;
  /** 'ok' | 'warn' | 'fail' | 'pending': colours the badge. */
  tone: string;
  summary: string;
  request: { line: string; headers: FieldRow[]; fields: FieldRow[]; raw: string; note?: string };
  answer?: { line: string; headers: FieldRow[]; body: string; note?: string };
  /** Set when nothing came back: why. */
  failure?: string;
  /** Every try of this call and event, oldest first. */
  attempts: Array<{ id: string; when: string; result: string; resultIcon: string; latency: string; attempt: string; current: boolean }>;
  canResend: boolean;
  canOpenCall: boolean;
  text: Record<CallbackText, string>;
}

/** One chart of the Call Stats panel: the data, its colours (theme variable names) and the same figures as a table. */
export interface ChartView {
  id: string;
  title: string;
  /** bar: one series or stacked series over categories; hbar: horizontal bars; heat: weekday × hour cells. */
  kind: 'bar' | 'hbar' | 'heat';
  /** Category labels, and the key a click on each sends back. */
  labels: string[];
  keys: string[];
  series: Array<{ name: string; key?: string; color: string; values: number[] }>;
  /** heat: rows (weekdays) × columns (hours); null where a rate has no calls. */
  heat?: { rows: string[]; cols: string[]; values: Array<Array<number | null>>; percent: boolean; color: string };
  /** How values read in tooltips: a count, money or seconds. */
  unit: 'count' | 'money' | 'seconds' | 'percent';
  table: { head: string[]; rows: string[][] };
  /** Said under the chart (e.g. unknown numbers). */
  note?: string;
}

export type StatsText =
  | 'title'
  | 'range'
  | 'today'
  | 'last7'
  | 'last30'
  | 'last90'
  | 'custom'
  | 'from'
  | 'to'
  | 'apply'
  | 'applyFilter'
  | 'refresh'
  | 'exportCsv'
  | 'saveImage'
  | 'showTable'
  | 'showChart'
  | 'clickHint'
  | 'noCalls'
  | 'lookUp';

export interface StatsView {
  range: { preset: string; fromDay: string; toDay: string; minDay: string; maxDay: string };
  applyFilter: boolean;
  /** The Calls view's filter in words, or undefined when it has none (the switch is then off). */
  filterText?: string;
  subtitle: string;
  headline: Array<{ id: string; label: string; value: string; hint?: string }>;
  charts: ChartView[];
  /** "Look up N numbers…", or why not. */
  lookup?: { label: string; enabled: boolean; note?: string };
  notes: string[];
  calls: number;
  text: Record<StatsText, string>;
}

export type ToWebview =
  | { type: 'call'; call: CallView }
  | { type: 'callback'; callback: CallbackView }
  | { type: 'number'; number: NumberView }
  | { type: 'stats'; stats: StatsView }
  | { type: 'loading'; message: string }
  | { type: 'error'; message: string };

/** What a page sends: `ready` when it can take messages, or one of its own messages (src/webview-ui/messages.ts). */
export type FromWebview<M = unknown> = { type: 'ready' } | { type: 'action'; message: M };
