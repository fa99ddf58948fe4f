// Plain, typed models of what Exotel returns. Field names follow Exotel's, in camelCase.
// Dates stay faithful: Exotel's `YYYY-MM-DD HH:mm:ss` strings in the account's zone, never re-zoned here.

export const CALL_STATUSES = ['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const FINAL_STATUSES: readonly CallStatus[] = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

export const CALL_DIRECTIONS = ['inbound', 'outbound-dial', 'outbound-api'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export interface CallLeg {
  id: number;
  onCallDuration?: number;
}

/**
 * `?details=true`: how each leg went. Which party a leg is depends on Direction (see callParties): on an outgoing
 * call leg 1 is the agent (From) and leg 2 the customer (To); on an incoming call leg 1 is the caller reaching the
 * ExoPhone and leg 2 the ExoPhone reaching an agent.
 */
export interface CallDetails {
  conversationDuration?: number;
  leg1Status?: string;
  leg2Status?: string;
  legs: CallLeg[];
}

export interface Call {
  sid: string;
  parentCallSid?: string;
  dateCreated?: string;
  dateUpdated?: string;
  accountSid?: string;
  /** Absent on some flow calls (the docs print `To: null`). */
  to?: string;
  from?: string;
  /** The ExoPhone itself, not an opaque id. */
  phoneNumberSid?: string;
  /** A known status, or whatever new word Exotel sends. */
  status: CallStatus | (string & {});
  startTime?: string;
  endTime?: string;
  /** Seconds; absent until Exotel fills it, minutes after the call ends. */
  duration?: number;
  /** In the account's billing currency; absent until filled. */
  price?: number;
  direction?: CallDirection | (string & {});
  answeredBy?: string;
  forwardedFrom?: string;
  callerName?: string;
  uri?: string;
  /** Private since Oct 2024: fetching it needs the account's key and token. */
  recordingUrl?: string;
  /** Accounts with signed URLs: a link that needs no credentials and expires (RecordingUrlValidity minutes). */
  preSignedRecordingUrl?: string;
  details?: CallDetails;
}

export interface CallPage {
  calls: Call[];
  total?: number;
  pageSize?: number;
  firstPageUri?: string;
  prevPageUri?: string;
  /** Relative URI of the next page; absent on the last page. */
  nextPageUri?: string;
  /** Rows that could not be read (no Sid, not an object) and were left out. */
  skipped?: number;
}

export type NumberType = 'Mobile' | 'Landline' | (string & {});
export type DndState = 'Yes' | 'No' | 'Unavailable' | (string & {});

export interface NumberMetadata {
  phoneNumber: string;
  circle?: string;
  circleName?: string;
  type?: NumberType;
  operator?: string;
  operatorName?: string;
  dnd?: DndState;
}

export function isFinalStatus(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}
