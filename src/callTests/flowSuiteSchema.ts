// The parts of the suite schema that drive a call flow (src/flows): which flow and how the call reaches it, the keys
// to press, what the run must do, the flow files the sandbox loads and the handler the suite starts.
import { APPLETS } from '../flows/applets';

type Schema = Record<string, unknown>;

const END_REASONS = ['hangup', 'no-transition', 'caller-hung-up', 'max-applets', 'refused', 'cancelled', 'error'];
const CALL_TYPES = ['call-attempt', 'completed', 'client-hangup', 'incomplete', 'voicemail'];
const keyList: Schema = { type: 'array', items: { type: ['string', 'null'], pattern: '^[0-9*#]*$' } };

export function flowTestSchema(): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description:
      'A call flow: by app id (App Bazaar → My Apps), by URL, or by flow file. On the sandbox, a flow file with that app id runs and calls your handler; without one, only the call is simulated.',
    properties: {
      appId: { type: 'string', pattern: '^[0-9]+$', description: "The flow's app id." },
      url: { type: 'string', pattern: '^https?://', description: "The flow's full URL (…/exoml/start_voice/<app id>)." },
      file: { type: 'string', pattern: '\\.exotel-flow\\.json$', description: 'A flow file, relative to this suite (sandbox only).' },
      direction: {
        enum: ['outgoing', 'incoming'],
        default: 'outgoing',
        description:
          '"outgoing" (default): Calls/connect calls From and connects it to the flow. "incoming": From calls the ExoPhone in callerId, which runs the flow mapped to it (sandbox only).',
      },
      keys: {
        description:
          'Keys the caller presses: a list used by every Gather in turn (null: presses nothing), or lists by Gather id, e.g. { "menu": ["1"] }. "12#" presses 1, 2 and the finish key.',
        anyOf: [keyList, { type: 'object', additionalProperties: keyList }],
      },
    },
  };
}

export function flowExpectSchema(): Schema {
  const applet = { type: 'string', minLength: 1, description: 'An applet id of the flow.' };
  const branches = [...new Set(APPLETS.flatMap(a => a.branches.map(b => b.name)))];
  return {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description: 'What the flow run must do (sandbox, with a flow file for the app id).',
    properties: {
      path: {
        type: 'array',
        minItems: 1,
        description: `Every applet entered, in order: "id" or "id:branch" (branch one of ${branches.join(', ')}).`,
        items: { type: 'string', pattern: '^[A-Za-z0-9_.-]+(:[A-Za-z]+)?$' },
      },
      requests: {
        type: 'array',
        minItems: 1,
        description: 'Requests the flow made to your URLs: each entry must match at least one request of its applet.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['applet'],
          properties: {
            applet,
            method: { enum: ['GET', 'HEAD'], description: 'Default: GET.' },
            status: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status your handler answered.' },
            failure: { enum: ['timeout', 'refused', 'reset', 'other'], description: 'The request got no answer, for this reason.' },
            params: {
              type: 'object',
              additionalProperties: { type: 'string' },
              description: 'Query parameters it carried, e.g. { "digits": "\\"1\\"", "CallType": "completed" } (digits keeps Exotel\'s quotes).',
            },
          },
        },
      },
      outcome: {
        description: 'How the run ended, or any of several.',
        anyOf: [{ enum: END_REASONS }, { type: 'array', items: { enum: END_REASONS }, minItems: 1 }],
      },
      callType: { enum: CALL_TYPES, description: 'CallType at the end, as later applets would see it.' },
      sms: { type: 'string', description: 'An SMS was sent whose text contains this.' },
      heard: { type: 'string', description: 'The caller heard something containing this (a Greeting, a Gather prompt).' },
    },
  };
}

export function suiteFlowsSchema(): Schema {
  return {
    description: 'Flow files the sandbox runs: files or folders, relative to this suite (default: the folder the suite is in).',
    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
  };
}

export function handlerSchema(): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['command', 'ready'],
    description:
      'Your flow handler, started before the tests and stopped after them (unless something already answers at "ready": then that one is used and left running).',
    properties: {
      command: { type: 'string', minLength: 1, description: 'A shell command, run in the suite\'s folder, e.g. "node flow-handler.js".' },
      ready: { type: 'string', pattern: '^https?://', description: 'A URL of the handler: the tests start once it answers (any HTTP status).' },
      readyTimeoutSeconds: { type: 'integer', minimum: 1, maximum: 300, default: 15, description: 'How long to wait for "ready".' },
      env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra environment variables for the command.' },
    },
  };
}
