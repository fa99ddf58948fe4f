// The one applet table: each applet's settings, branches and what Exotel does with them. The JSON Schema of flow
// files (schema.ts → schemas/exotel-flow.schema.json), the validator (validate.ts), the graph's branch labels and the
// README's applet list all read it. Facts: /work/shared/exotel-flows.md (V1–V4 verified 2026-12-07); "assumption"
// marks what Exotel does not document (see FLOW_ASSUMPTIONS in settings.ts).
import type { AppletType } from './types';

type Schema = Record<string, unknown>;

export interface BranchSpec {
  /** The key in the applet's `next` object. */
  name: string;
  /** The flow builder's words for the transition. */
  label: string;
}

export interface SettingSpec {
  key: string;
  schema: Schema;
  /** Says what Exotel does with it (the schema's hover text). */
  description: string;
  /** An http(s) URL the engine requests: checked by the validator. */
  url?: boolean;
}

export interface AppletSpec {
  type: AppletType;
  /** App Bazaar's name for it. */
  title: string;
  description: string;
  branches: readonly BranchSpec[];
  settings: readonly SettingSpec[];
  /** At least one of these settings must be given (the applet has nothing to do otherwise). */
  needsOneOf?: readonly string[];
}

const prompt = (what: string): Schema => ({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  description: `${what}: { "text": "…" } read out by Exotel's text-to-speech, or { "audioUrl": "https://…" } played.`,
  properties: {
    text: { type: 'string', minLength: 1, description: 'Read out by text-to-speech.' },
    audioUrl: { type: 'string', pattern: '^https?://', description: 'An audio file (Exotel plays 8 kHz mono WAV).' },
  },
});
const url = (description: string): Schema => ({ type: 'string', pattern: '^https?://', description });
const FALLBACK = 'Fallback URL: contacted "in case something goes wrong with your Primary URL" (no answer, an error, or an answer not in the contract).';

export const APPLETS: readonly AppletSpec[] = [
  {
    type: 'greeting',
    title: 'Greeting',
    description:
      'Plays a message. With `url`, Exotel first sends HEAD, then GET with CallSid, From, To, DialWhomNumber (and CustomField for API calls); the answer must be `Content-Type: text/plain` "and nothing else": the text to speak, or audio URLs one per line.',
    branches: [{ name: 'next', label: 'After the greeting' }],
    settings: [
      { key: 'text', schema: { type: 'string', minLength: 1 }, description: 'Text read out by text-to-speech.' },
      { key: 'audioUrl', schema: url(''), description: 'An audio file to play (8 kHz mono WAV).' },
      {
        key: 'url',
        schema: url(''),
        description: 'Dynamic text: HEAD then GET; answer text/plain with the text to speak or one audio URL per line.',
        url: true,
      },
    ],
    needsOneOf: ['text', 'audioUrl', 'url'],
  },
  {
    type: 'gather',
    title: 'Gather',
    description:
      'Asks the caller for keys. The keys are not sent by the Gather: they reach the next applet\'s request as `digits` in literal double quotes (`digits="123"`). With `url`, Exotel GETs it with `Exotel-Version: 1.0` and needs HTTP 200 `application/json` with `gather_prompt` ({text} or {audio_url}) and optionally max_input_digits, finish_on_key, input_timeout, repeat_menu, repeat_gather_prompt.',
    branches: [
      { name: 'entered', label: 'If the caller entered one or more digits' },
      { name: 'noInput', label: "If the caller didn't enter anything" },
    ],
    settings: [
      { key: 'prompt', schema: prompt('The prompt'), description: 'What the caller hears before pressing keys.' },
      {
        key: 'url',
        schema: url(''),
        description: 'Primary URL: GET with Exotel-Version: 1.0; answer 200 application/json with gather_prompt and the key settings.',
        url: true,
      },
      { key: 'fallbackUrl', schema: url(''), description: FALLBACK, url: true },
      {
        key: 'maxDigits',
        schema: { type: 'integer', minimum: 1, maximum: 255, default: 255 },
        description: 'Maximum Number of Digits (default 255, a consumer-documented default).',
      },
      {
        key: 'finishKey',
        schema: { type: 'string', enum: ['#', '*', ''], default: '#' },
        description: 'Finish Key: ends input early (default "#"; "" for none).',
      },
      { key: 'inputTimeout', schema: { type: 'integer', minimum: 1, maximum: 60, default: 5 }, description: 'Input timeout in seconds (default 5).' },
      {
        key: 'repeatMenu',
        schema: { type: 'integer', minimum: 0, maximum: 10, default: 0 },
        description: 'Repeat the menu: times the prompt is replayed when nothing is pressed (default 0).',
      },
      { key: 'repeatPrompt', schema: prompt('Repeat prompt'), description: 'Played on repeats instead of the prompt.' },
    ],
    needsOneOf: ['prompt', 'url'],
  },
  {
    type: 'passthru',
    title: 'Passthru',
    description:
      'GETs your URL with the call\'s details as query parameters (digits, RecordingUrl, DialCallStatus, Legs[0][…] when a Gather or Connect ran before) and waits. Only the status matters: 200 → "ok", anything else (302, 4xx, 5xx) → "else"; a 302 is not followed. Async ("Make Passthru Async"): Exotel does not wait and goes on to "ok".',
    branches: [
      { name: 'ok', label: 'Once the URL returns OK (200 OK)' },
      { name: 'else', label: 'If the url returns anything else' },
    ],
    settings: [
      { key: 'url', schema: url(''), description: 'Your URL: GET with the call details; answer 200 for "ok", anything else for "else".', url: true },
      {
        key: 'async',
        schema: { type: 'boolean', default: false },
        description: 'Make Passthru Async: fire and go on to "ok" without waiting; the answer is ignored.',
      },
    ],
    needsOneOf: ['url'],
  },
  {
    type: 'connect',
    title: 'Connect',
    description:
      "Dials agents: static `numbers`, or a Dial-whom URL answering `text/plain` with a number or a comma-separated list, or a Programmable Connect URL (GET with `Exotel-Version: 1.0`, answer JSON with destination.numbers, record, max_ringing_duration, max_conversation_duration, parallel_ringing…). In the sandbox each number's last digit decides what it does (0–4 answer, 5 busy, 6 and 9 no answer, 7 fails, 8 the caller hangs up).",
    branches: [
      { name: 'answered', label: 'After the call conversation ends' },
      { name: 'noAnswer', label: 'If nobody answers…' },
      { name: 'notDialled', label: "We didn't dial anyone" },
    ],
    settings: [
      {
        key: 'numbers',
        schema: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[+0-9][0-9 ()-]*$' } },
        description: 'Numbers to dial, one after another (or at once with `parallel`).',
      },
      { key: 'dialWhomUrl', schema: url(''), description: 'Dial whom from URL: GET; answer text/plain with a number or a comma-separated list.', url: true },
      {
        key: 'url',
        schema: url(''),
        description: 'Programmable Connect primary URL: GET with Exotel-Version: 1.0; answer 200 JSON (destination.numbers…).',
        url: true,
      },
      { key: 'fallbackUrl', schema: url(''), description: FALLBACK, url: true },
      { key: 'record', schema: { type: 'boolean', default: false }, description: 'Record the conversation: later requests carry RecordingUrl.' },
      { key: 'recordingChannels', schema: { type: 'string', enum: ['single', 'dual'], default: 'single' }, description: 'Recording channels.' },
      { key: 'maxRingingSeconds', schema: { type: 'integer', minimum: 1, maximum: 120, default: 45 }, description: 'Seconds each number may ring.' },
      { key: 'maxConversationSeconds', schema: { type: 'integer', minimum: 1, maximum: 14400, default: 3600 }, description: 'Longest conversation, seconds.' },
      { key: 'parallel', schema: { type: 'boolean', default: false }, description: 'Ring the numbers at once (an on-request feature on Exotel).' },
      {
        key: 'callerId',
        schema: { type: 'string', pattern: '^[+0-9][0-9 ()-]*$' },
        description: "The ExoPhone the agent sees (default: the call's ExoPhone).",
      },
    ],
    needsOneOf: ['numbers', 'dialWhomUrl', 'url'],
  },
  {
    type: 'sms',
    title: 'SMS',
    description:
      'Sends an SMS to the caller. With `url`, Exotel sends HEAD (to check the Content-Type) then GET with CallSid, From, To, digits; the answer must be 200 `text/plain`, its body the SMS text. Static text needs a DLT-approved template on Exotel.',
    branches: [{ name: 'next', label: 'After the SMS' }],
    settings: [
      { key: 'text', schema: { type: 'string', minLength: 1 }, description: 'The SMS text (a DLT-approved template on Exotel).' },
      { key: 'url', schema: url(''), description: 'Dynamic SMS: HEAD then GET; answer 200 text/plain with the SMS text.', url: true },
    ],
    needsOneOf: ['text', 'url'],
  },
  {
    type: 'voicemail',
    title: 'Voicemail',
    description: 'Records the caller. No request of its own; later requests carry CallType=voicemail and the RecordingUrl.',
    branches: [{ name: 'next', label: 'After the voicemail' }],
    settings: [
      { key: 'prompt', schema: prompt('The prompt'), description: 'Played before recording.' },
      { key: 'maxSeconds', schema: { type: 'integer', minimum: 1, maximum: 600, default: 60 }, description: 'Longest message, seconds.' },
    ],
  },
  {
    type: 'hangup',
    title: 'Hangup',
    description: 'Ends the call. Makes no request.',
    branches: [],
    settings: [],
  },
];

export function appletSpec(type: string): AppletSpec | undefined {
  return APPLETS.find(a => a.type === type);
}

/** The applet's transitions as { branch → target id }, `next` as a string meaning the first branch. */
export function transitionsOf(applet: { type: string; next?: unknown }): Array<{ branch: string; target: string }> {
  const spec = appletSpec(applet.type);
  const next = applet.next;
  if (!spec || next === undefined || next === null) return [];
  if (typeof next === 'string') return spec.branches.length ? [{ branch: spec.branches[0].name, target: next }] : [];
  if (typeof next !== 'object') return [];
  return spec.branches.flatMap(b => {
    const target = (next as Record<string, unknown>)[b.name];
    return typeof target === 'string' ? [{ branch: b.name, target }] : [];
  });
}

/** The target of one branch, or undefined when that transition is not drawn (the call ends there). */
export function targetOf(applet: { type: string; next?: unknown }, branch: string): string | undefined {
  return transitionsOf(applet).find(t => t.branch === branch)?.target;
}

/** The flow builder's label of a branch, for the timeline and the graph's arrows. */
export function branchLabel(type: string, branch: string): string {
  return appletSpec(type)?.branches.find(b => b.name === branch)?.label ?? branch;
}
