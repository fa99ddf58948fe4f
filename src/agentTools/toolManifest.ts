// The language-model tools as package.json declares them (contributes.languageModelTools), built here from the
// same tables the rest of the extension uses: call options from src/exotel/callOptions.ts, filter limits, statuses
// and directions from the client. `npm run tools:manifest` writes the result into package.json and package.nls.json;
// a unit test fails when they differ. Editor-free.
import { CALL_DIRECTIONS, CALL_SID_PATTERN, CALL_STATUSES, callOptionsJsonSchema, FILTER_LIMITS } from '../exotel';
import { RANGE_PRESETS } from '../stats';
import { TOOL_CALLS_MAX, TOOL_CALLS_WINDOW_MS } from './testCallPlan';
import { DATA_NOTE } from './toolData';

export const TOOL = {
  lookupNumber: 'exotel_lookupNumber',
  listCalls: 'exotel_listCalls',
  getCall: 'exotel_getCall',
  callStats: 'exotel_callStats',
  placeTestCall: 'exotel_placeTestCall',
} as const;

/** Offered only while signed in (a profile or the sandbox): the context key the session sets. */
export const TOOLS_WHEN = 'exotel.signedIn';

/** The most calls exotel_listCalls returns: two of Exotel's pages. */
export const LIST_CALLS_MAX = 2 * FILTER_LIMITS.pageSize;
export const LIST_CALLS_DEFAULT = 20;
/** The range exotel_callStats covers when none is given: the panel's default. */
export const STATS_DEFAULT_RANGE = 'last7';
const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** A day, or a moment in the account's zone, as Exotel writes them. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?)?$';

export interface LookupNumberInput {
  number: string;
}
export interface ListCallsInput {
  status?: string[];
  direction?: string;
  since?: string;
  until?: string;
  number?: string;
  limit?: number;
}
export interface GetCallInput {
  callSid: string;
}
export interface CallStatsInput {
  range?: string;
  fromDay?: string;
  toDay?: string;
  refresh?: boolean;
}
export interface PlaceTestCallInput {
  from: string;
  to?: string;
  flow?: string;
  callerId?: string;
  options?: Record<string, unknown>;
  callEvenIfDnd?: boolean;
}

export interface ToolSpec {
  name: string;
  toolReferenceName: string;
  displayName: string;
  userDescription: string;
  modelDescription: string;
  icon: string;
  tags: string[];
  inputSchema: Record<string, unknown>;
}

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
});

export const TOOL_SPECS: readonly ToolSpec[] = [
  {
    name: TOOL.lookupNumber,
    toolReferenceName: 'exotelNumber',
    displayName: 'Exotel: Look Up Number',
    userDescription: "A phone number as written → E.164, kind, and Exotel's circle, operator, type and DND status.",
    modelDescription:
      "Normalises a phone number as written (any Indian or international format) to E.164 and tells its kind; for Indian mobile and landline numbers also Exotel's telecom circle, operator, number type and DND (Do Not Disturb register) status with what it means for calling. Honours the user's number-lookup privacy setting: when lookups are off it answers from the cache only and sends nothing. " +
      DATA_NOTE,
    icon: '$(search)',
    tags: ['exotel', 'phone'],
    inputSchema: obj({ number: { type: 'string', description: 'The phone number as written, e.g. "098765 43210", "+91 98765 43210" or "080-4711-2345".' } }, [
      'number',
    ]),
  },
  {
    name: TOOL.listCalls,
    toolReferenceName: 'exotelCalls',
    displayName: 'Exotel: List Calls',
    userDescription: 'The call log of the signed-in Exotel account, filtered, as a compact table.',
    modelDescription: `Lists calls of the signed-in Exotel account, newest first, as a compact table (created, SID, status, direction, from, to, duration, price). Exotel searches at most ${FILTER_LIMITS.rangeDays} days at a time (the last ${FILTER_LIMITS.rangeDays} days when no range is given) and keeps ${FILTER_LIMITS.historyMonths} months of history. ${DATA_NOTE}`,
    icon: '$(list-unordered)',
    tags: ['exotel', 'calls'],
    inputSchema: obj({
      status: { type: 'array', items: { type: 'string', enum: [...CALL_STATUSES] }, uniqueItems: true, description: 'Only calls with these statuses.' },
      direction: {
        type: 'string',
        enum: [...CALL_DIRECTIONS],
        description: 'inbound, outbound-api (placed through the API) or outbound-dial (from the dashboard).',
      },
      since: {
        type: 'string',
        pattern: DATE_PATTERN,
        description: `Created on or after: "YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss" in the account's zone (IST unless set otherwise). At most ${FILTER_LIMITS.rangeDays} days before "until" (or now).`,
      },
      until: { type: 'string', pattern: DATE_PATTERN, description: 'Created on or before: "YYYY-MM-DD" (the whole day) or "YYYY-MM-DD HH:mm:ss".' },
      number: { type: 'string', description: 'Only calls to or from this phone number (any format).' },
      limit: {
        type: 'integer',
        minimum: 1,
        maximum: LIST_CALLS_MAX,
        default: LIST_CALLS_DEFAULT,
        description: `How many calls at most (1–${LIST_CALLS_MAX}, default ${LIST_CALLS_DEFAULT}).`,
      },
    }),
  },
  {
    name: TOOL.getCall,
    toolReferenceName: 'exotelCall',
    displayName: 'Exotel: Get Call',
    userDescription: 'One call by its Call SID: its fields, both legs in words, whether it has a recording.',
    modelDescription:
      'Gets one call of the signed-in Exotel account by its Call SID (32 lowercase letters and digits): status, direction, numbers, times, duration, price, what happened on each leg in words (outgoing calls: leg 1 is the agent, From, called first, and leg 2 the customer, To; incoming calls: leg 1 is the caller reaching the ExoPhone, leg 2 the ExoPhone reaching an agent), and whether a recording is available. ' +
      DATA_NOTE,
    icon: '$(call-outgoing)',
    tags: ['exotel', 'calls'],
    inputSchema: obj({ callSid: { type: 'string', pattern: CALL_SID_PATTERN.source, description: 'The Call SID, e.g. from exotel_listCalls.' } }, ['callSid']),
  },
  {
    name: TOOL.callStats,
    toolReferenceName: 'exotelStats',
    displayName: 'Exotel: Call Stats',
    userDescription: 'The headline figures of Call Stats over a range: calls, answered, answer rate, talk time, spend.',
    modelDescription: `The headline figures of the signed-in Exotel account's calls over a range of days, computed as the Call Stats panel computes them: calls, answered (and incoming calls missed), answer rate (ASR), average and total talk time (ACD), total spend and spend on calls not answered. Every call of the range is fetched (in ${FILTER_LIMITS.rangeDays}-day windows, so long ranges take a while) and kept for a few minutes; Exotel keeps ${FILTER_LIMITS.historyMonths} months of history. The answer holds no text from Exotel: only figures this extension computed.`,
    icon: '$(graph)',
    tags: ['exotel', 'calls'],
    inputSchema: obj({
      range: {
        type: 'string',
        enum: [...RANGE_PRESETS],
        default: STATS_DEFAULT_RANGE,
        description: 'today, the last 7, 30 or 90 days including today, or custom (then give fromDay and toDay).',
      },
      fromDay: { type: 'string', pattern: DAY_PATTERN, description: 'With range "custom": the first day, YYYY-MM-DD in the account\'s zone.' },
      toDay: { type: 'string', pattern: DAY_PATTERN, description: 'With range "custom": the last day, YYYY-MM-DD.' },
      refresh: { type: 'boolean', description: 'Fetch the calls again even when they were fetched a moment ago. Default false.' },
    }),
  },
  {
    name: TOOL.placeTestCall,
    toolReferenceName: 'exotelTestCall',
    displayName: 'Exotel: Place Test Call',
    userDescription: 'Places one test call (on the sandbox unless real calls are allowed), after you confirm it.',
    modelDescription:
      `Places exactly one call through Exotel's Calls/connect: From (the agent) is called first, then To, or From is connected to a call flow. It goes only to the local sandbox unless the user has allowed calls on real accounts, a call on a real account is confirmed by the user first (production profiles always ask), numbers on the DND register are refused unless callEvenIfDnd is true, and test calls are rate-limited (one at a time, at most ${TOOL_CALLS_MAX} in ${TOOL_CALLS_WINDOW_MS / 60_000} minutes). Returns the Call SID: ask exotel_getCall with it for the outcome. ` +
      DATA_NOTE,
    icon: '$(call-outgoing)',
    tags: ['exotel', 'calls'],
    inputSchema: obj(
      {
        from: { type: 'string', description: "Called first: the agent's phone number (any format)." },
        to: { type: 'string', description: 'Dialled once From answers: the customer\'s number. Give "to" or "flow", not both.' },
        flow: { type: 'string', description: 'Instead of "to": connect From to this call flow, an app id from App Bazaar (digits) or a full flow URL.' },
        callerId: { type: 'string', description: "The ExoPhone (virtual number) the call comes from; the profile's default CallerId when left out." },
        options: {
          ...callOptionsJsonSchema(false),
          description: 'Call options, named as in Exotel: Connect Call. A call to a flow takes no wait music or recording options.',
        },
        callEvenIfDnd: {
          type: 'boolean',
          description:
            'Place the call even though the dialled number is on the DND register (Exotel refuses such calls unless the number called your ExoPhone in the last 6 months or is whitelisted). Default false.',
        },
      },
      ['from'],
    ),
  },
];

/** The package.json entries (display texts as %keys% of package.nls.json) and the texts those keys name. */
export function toolContributions(): { languageModelTools: Array<Record<string, unknown>>; nls: Record<string, string> } {
  const nls: Record<string, string> = {};
  const languageModelTools = TOOL_SPECS.map(s => {
    const key = `exotel.tools.${s.name.replace(/^exotel_/, '')}`;
    nls[`${key}.displayName`] = s.displayName;
    nls[`${key}.userDescription`] = s.userDescription;
    return {
      name: s.name,
      toolReferenceName: s.toolReferenceName,
      displayName: `%${key}.displayName%`,
      userDescription: `%${key}.userDescription%`,
      modelDescription: s.modelDescription,
      canBeReferencedInPrompt: true,
      icon: s.icon,
      tags: s.tags,
      when: TOOLS_WHEN,
      inputSchema: s.inputSchema,
    };
  });
  return { languageModelTools, nls };
}
