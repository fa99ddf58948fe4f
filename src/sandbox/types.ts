// Shapes shared across the sandbox. The stored record is richer than what Exotel renders:
// rendering (callView.ts) picks and orders the public fields.
import type { CallbackEvent } from '../webhooks/attempt';

export const CALL_STATUSES = ['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const TERMINAL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
/** Bulk listing leaves these out ("will not provide ongoing calls' details"). */
export const ONGOING_STATUSES: readonly CallStatus[] = ['queued', 'ringing', 'in-progress'];

export const DIRECTIONS = ['inbound', 'outbound-api', 'outbound-dial'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export type LegStatus = TerminalStatus | null;
/** Which leg an `answered` StatusCallback is for: 1 = From (the agent, dialled first), 2 = To (the customer). */
export type AnsweredLeg = 1 | 2;
export type { CallbackEvent };

export interface Leg {
  id: number;
  status: LegStatus;
  onCallDuration: number;
  /** StatusCallback's per-leg AnsweredBy: "NA" for the agent leg, "HUMAN" when the customer answered. */
  answeredBy: string;
}

/** What the call will do, decided at creation from the outcome table (outcomes.ts). */
export interface CallPlan {
  status: TerminalStatus;
  /** Seconds: ring before leg 1 answers, ring before leg 2 answers, talk time. */
  ring1: number;
  ring2: number;
  talk: number;
  legs: Leg[];
}

export interface CallRecord {
  sid: string;
  accountSid: string;
  /** Epoch ms, whole seconds (Exotel's timestamps have second resolution). */
  createdAt: number;
  updatedAt: number;
  /** Echoed exactly as Exotel would print them; e164 copies are for filtering. */
  to: string | null;
  from: string;
  phoneNumberSid: string;
  toE164: string | null;
  fromE164: string;
  phoneNumberE164: string;
  status: CallStatus;
  startTime: number | null;
  endTime: number | null;
  duration: number | null;
  price: number | null;
  direction: Direction;
  answeredBy: string | null;
  recorded: boolean;
  /** Filled when the call ends (Details / callbacks), independent of the billing lag. */
  conversationDuration: number | null;
  legs: Leg[];
  plan?: CallPlan;
  request?: ConnectRequest;
}

export type RecordingChannels = 'single' | 'dual';
export type RecordingFormat = 'mp3' | 'mp3-hq';

/** A validated Calls/connect request. */
export interface ConnectRequest {
  from: PhoneEcho;
  to: PhoneEcho | null;
  callerId: PhoneEcho;
  flowUrl: string | null;
  callType: string | null;
  timeLimit: number | null;
  timeOut: number | null;
  waitUrl: string | null;
  record: boolean;
  recordingChannels: RecordingChannels;
  recordingFormat: RecordingFormat;
  customField: string | null;
  statusCallback: string | null;
  statusCallbackEvents: CallbackEvent[];
  statusCallbackJson: boolean;
  /** Accepted but doubtful spellings in the request (shown in the request log, with its callbacks, and as a header). */
  warnings: string[];
}

export interface PhoneEcho {
  /** As Exotel prints it back: E.164 if sent as E.164, else 0-prefixed national for Indian numbers. */
  echo: string;
  e164: string;
}

/** How Duration/Price and empty values are written. Real traffic has shown both styles. */
export interface FieldStyle {
  /** 'string' like the docs ("17", "1.500"); 'number' like the 2019 capture (17, 0). */
  durationPrice: 'string' | 'number';
  /** 'null' like the samples; 'empty-string' like the 2019 capture ("RecordingUrl": ""). */
  empty: 'null' | 'empty-string';
}
