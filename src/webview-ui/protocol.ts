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

export type CallText = 'leg' | 'who' | 'status' | 'onCall' | 'noLegs' | 'recording' | 'openInBrowser' | 'refresh' | 'copySid'
  | 'callAgain' | 'legs' | 'allFields' | 'play' | 'download' | 'freshLink';
export type NumberText = 'when' | 'status' | 'direction' | 'duration' | 'showCall' | 'noCalls' | 'dnd' | 'callNumber' | 'copyE164'
  | 'refresh' | 'metadata' | 'recentCalls';

export interface NumberView {
  e164: string;
  title: string;
  fields: FieldRow[];
  dnd: { state: string; icon: string; meaning: string };
  recentCalls: Array<{ sid: string; when: string; status: string; statusIcon: string; direction: string; duration: string }>;
  note?: string;
  text: Record<NumberText, string>;
}

export type ToWebview =
  | { type: 'call'; call: CallView }
  | { type: 'number'; number: NumberView }
  | { type: 'loading'; message: string }
  | { type: 'error'; message: string };

export type WebviewAction = 'refresh' | 'copy' | 'callAgain' | 'openExternal' | 'callNumber' | 'showCall'
  | 'playRecording' | 'downloadRecording';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'action'; action: WebviewAction; value?: string };
