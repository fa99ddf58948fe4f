// What the flow engine does where Exotel's documentation is silent (exotel-flows.md V4, "Still unknown"): every
// such choice is a setting with a default, and each is listed in FLOW_ASSUMPTIONS (quoted by the README).

export interface FlowSettings {
  /** Milliseconds an applet URL may take before it counts as failed (V4.1: Exotel documents none; 5 s is what developers budget). */
  appletTimeoutMs: number;
  /** Applets one run may enter before it is stopped as a loop. */
  maxApplets: number;
  /** Bytes of each answer kept in the run's record (the rest is read and dropped). */
  maxBodyBytes: number;
  /** Send HEAD before GET on Greeting and SMS URLs (documented, V1.2). */
  headForGreetingAndSms: boolean;
  /** Send HEAD before GET on Passthru, Connect and Gather URLs too (V4.5: not documented; off). */
  headForOthers: boolean;
  /** `digits` when a Gather got no key (V4.7 unknown): '""' sends `digits=""`, 'absent' leaves it out. */
  digitsWhenNone: 'quoted-empty' | 'absent';
  /** Keep query parameters already in a configured URL (V4.8: reports conflict; kept by default). */
  keepUrlQuery: boolean;
  /** `tenant_id` sent with flow_id (Exotel's internal account number; any stable number). */
  tenantId: string;
  /** Simulated seconds a Greeting takes, for the timestamps in later requests. */
  greetingSeconds: number;
}

export const DEFAULT_FLOW_SETTINGS: Readonly<FlowSettings> = {
  appletTimeoutMs: 5000,
  maxApplets: 100,
  maxBodyBytes: 64 * 1024,
  headForGreetingAndSms: true,
  headForOthers: false,
  digitsWhenNone: 'quoted-empty',
  keepUrlQuery: true,
  tenantId: '1409',
  greetingSeconds: 3,
};

export const FLOW_LIMITS = { maxApplets: { min: 1, max: 10_000 }, appletTimeoutMs: { min: 100, max: 120_000 } } as const;

export function flowSettings(partial: Partial<FlowSettings> | undefined): FlowSettings {
  return { ...DEFAULT_FLOW_SETTINGS, ...partial };
}

/** The engine's assumptions where Exotel's behaviour is not documented: README and run panel quote these. */
export const FLOW_ASSUMPTIONS: readonly string[] = [
  'Applet URL timeout: 5 s by default (a setting); Exotel documents none.',
  'A Passthru whose URL times out, refuses the connection or fails takes the "anything else" branch, like a non-200 answer.',
  'A failing Gather or Connect URL (no answer, non-200, wrong content type, JSON not in the contract) falls back to the Fallback URL; if that fails too, a Gather plays nothing and takes "didn\'t enter anything", a Connect takes "We didn\'t dial anyone".',
  'A failing Greeting URL plays nothing and the flow goes on; a failing SMS URL sends no SMS and the flow goes on.',
  'No applet request is retried, and 3xx answers are not followed.',
  'HEAD is sent before GET for Greeting and SMS URLs only (documented); not for Passthru, Connect or Gather (a setting).',
  'digits="" (two quote marks) when a Gather got no key; the finish key is not included in digits.',
  "Query parameters already in a configured URL are kept, and Exotel's are appended.",
  "A Dial-whom URL's list may be separated by commas, spaces or new lines; numbers are dialled in order unless the applet is parallel.",
  'Legs[…] in query strings is 0-based; the first dialled leg is Legs[0].',
  'For an API-started flow call, CallTo and To are both the ExoPhone (CallerId); Direction is outbound-dial.',
  "Gather and Dial-whom requests carry CallStatus=in-progress; a leg's CauseCode is NORMAL_CLEARING or RING_TIMEOUT (observed), USER_BUSY or NO_ROUTE_DESTINATION for busy and failed (inferred).",
  'Greeting URLs get CallSid, From, To, DialWhomNumber (and CustomField); SMS URLs get CallSid, From, To, digits, as documented; every other URL the full set.',
  'A flow call ends with the default StatusCallback (CallSid, Status, DateUpdated; multipart unless StatusCallbackContentType is JSON).',
];
