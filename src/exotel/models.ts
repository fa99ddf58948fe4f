// Plain, typed models of what Exotel returns. Field names follow Exotel's, in camelCase.
// Dates stay faithful: Exotel's `YYYY-MM-DD HH:mm:ss` strings in the account's zone, never re-zoned here.

export const CALL_STATUSES = ['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
const FINAL_STATUSES: readonly CallStatus[] = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

export const CALL_DIRECTIONS = ['inbound', 'outbound-dial', 'outbound-api'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export interface CallLeg {
  id: number;
  onCallDuration?: number;
}

/** `?details=true`: how each leg went. Leg 1 is the agent (From), leg 2 the customer (To). */
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
  recordingUrl?: string;
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
