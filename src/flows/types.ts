// The shape of a `*.exotel-flow.json` file: a call flow as App Bazaar's flow builder draws it — applets with their
// settings, and transitions (each applet's `next`) naming other applets by id. The applet table (applets.ts) is the
// one source for each applet's settings and branches; these types follow it by hand and a unit test keeps them in step.

export const FLOW_FILE_SUFFIX = '.exotel-flow.json';

export const APPLET_TYPES = ['greeting', 'gather', 'passthru', 'connect', 'sms', 'voicemail', 'hangup'] as const;
export type AppletType = (typeof APPLET_TYPES)[number];

/** What the caller hears: text read out by Exotel's text-to-speech, or an audio file. */
export interface Prompt {
  text?: string;
  audioUrl?: string;
}

/**
 * Where an applet goes next. A string names the target of the applet's first branch (its only one for Greeting,
 * SMS, Voicemail); an object names a target per branch (see BRANCHES in applets.ts). A branch with no target
 * ends the call there, as an unconnected transition does in the flow builder.
 */
export type Next = string | Partial<Record<string, string>>;

interface AppletBase {
  type: AppletType;
  /** Shown in the run's timeline and graph instead of the id. */
  label?: string;
  next?: Next;
}

/** Plays text or audio; or asks `url` (HEAD, then GET; text/plain) for the text or audio URLs to play. */
export interface GreetingApplet extends AppletBase {
  type: 'greeting';
  text?: string;
  audioUrl?: string;
  url?: string;
}

/** Asks for keys. Static prompt and settings, or `url` (GET, Exotel-Version 1.0; JSON) with an optional `fallbackUrl`. */
export interface GatherApplet extends AppletBase {
  type: 'gather';
  prompt?: Prompt;
  url?: string;
  fallbackUrl?: string;
  maxDigits?: number;
  finishKey?: string;
  /** Seconds to wait for a key. */
  inputTimeout?: number;
  /** How many more times the prompt is played when nothing is pressed. */
  repeatMenu?: number;
  repeatPrompt?: Prompt;
  next?: string | { entered?: string; noInput?: string };
}

/** GETs `url`; sync: 200 → `ok`, anything else → `else`; async: goes on at once to `ok` without waiting. */
export interface PassthruApplet extends AppletBase {
  type: 'passthru';
  url?: string;
  async?: boolean;
  next?: string | { ok?: string; else?: string };
}

/** Dials agents: static `numbers`, a Dial-whom `dialWhomUrl` (text/plain list), or Programmable Connect `url` (JSON). */
export interface ConnectApplet extends AppletBase {
  type: 'connect';
  numbers?: string[];
  dialWhomUrl?: string;
  url?: string;
  fallbackUrl?: string;
  record?: boolean;
  recordingChannels?: 'single' | 'dual';
  maxRingingSeconds?: number;
  maxConversationSeconds?: number;
  /** Ring all numbers at once instead of one after another. */
  parallel?: boolean;
  /** The ExoPhone the agent sees (default: the flow call's ExoPhone). */
  callerId?: string;
  next?: string | { answered?: string; noAnswer?: string; notDialled?: string };
}

/** Sends an SMS to the caller: static `text`, or `url` (HEAD, then GET; text/plain body = the SMS). */
export interface SmsApplet extends AppletBase {
  type: 'sms';
  text?: string;
  url?: string;
}

/** Records a message from the caller; later requests carry CallType=voicemail and its RecordingUrl. */
export interface VoicemailApplet extends AppletBase {
  type: 'voicemail';
  prompt?: Prompt;
  maxSeconds?: number;
}

export interface HangupApplet extends AppletBase {
  type: 'hangup';
}

export type Applet = GreetingApplet | GatherApplet | PassthruApplet | ConnectApplet | SmsApplet | VoicemailApplet | HangupApplet;

export interface FlowFile {
  $schema?: string;
  name?: string;
  /** The App Bazaar app id: the `<id>` in `…/exoml/start_voice/<id>`, and `flow_id` in every applet request. */
  appId: string;
  /** The ExoPhone(s) whose incoming calls this flow answers. */
  exoPhone?: string | string[];
  /** The first applet's id (default: the first in `applets`). */
  start?: string;
  /** The applets, by id. */
  applets: Record<string, Applet>;
}

/** A flow as the sandbox and the runner know it: parsed, and where it came from. */
export interface LoadedFlow {
  flow: FlowFile;
  /** The file it was read from, if any. */
  file?: string;
  /** Its text, for diagnostics with positions. */
  text?: string;
}
