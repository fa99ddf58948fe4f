// The JSON Schema of `*.exotel-tests.json` files. Generated, never hand-edited: call options come from the one
// options table (src/exotel/callOptions.ts), statuses from the models. scripts/write-schema.js writes it to
// schemas/exotel-tests.schema.json at build time; the same object validates suites in the runner.
import { callOptionsJsonSchema } from '../exotel/callOptions';
import { FINAL_STATUSES } from '../exotel/models';
import { STATUS_CALLBACK_EVENTS } from '../exotel/callOptions';
import { flowExpectSchema, flowTestSchema, handlerSchema, suiteFlowsSchema } from './flowSuiteSchema';
import { CALLBACK_FAULT_KINDS } from '../sandbox/faults';

export const SUITE_FILE_SUFFIX = '.exotel-tests.json';
export const SANDBOX_PROFILE = 'sandbox';
export const LIMITS = { parallel: 20, timeoutSeconds: 3600, maxCalls: 1000 } as const;

type Schema = Record<string, unknown>;

const oneOrMany = (item: Schema, description: string): Schema => ({
  description,
  anyOf: [item, { type: 'array', items: item, minItems: 1, uniqueItems: true }],
});

const range = (what: string, unit: string): Schema => ({
  description: `${what}: a number (exactly), or bounds in ${unit}.`,
  anyOf: [
    { type: 'number', minimum: 0 },
    {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        gte: { type: 'number', description: `At least this many ${unit}.` },
        gt: { type: 'number', description: `More than this many ${unit}.` },
        lte: { type: 'number', description: `At most this many ${unit}.` },
        lt: { type: 'number', description: `Fewer than this many ${unit}.` },
        eq: { type: 'number', description: `Exactly this many ${unit}.` },
      },
    },
  ],
});

const phone = (description: string): Schema => ({ type: 'string', minLength: 5, maxLength: 20, pattern: '^[+0-9][0-9 ()-]*$', description });

const timeoutSeconds: Schema = {
  type: 'integer',
  minimum: 1,
  maximum: LIMITS.timeoutSeconds,
  description: 'Seconds to wait for the call to reach what is expected (default: 60 on the sandbox, 300 on an account).',
};

const finalStatus: Schema = { type: 'string', enum: [...FINAL_STATUSES] };

const expectSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: 'What the call must do. Every key given is checked; a connect error fails the test unless `error` expects it.',
  properties: {
    status: oneOrMany(finalStatus, 'The final status, or any of several.'),
    error: {
      type: 'object',
      additionalProperties: false,
      description: 'The connect must be refused by Exotel (no call placed).',
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599, description: 'HTTP status, e.g. 403.' },
        message: { type: 'string', minLength: 1, description: 'A part of Exotel\'s message, e.g. "NDNC" (case-insensitive).' },
        code: { type: ['integer', 'string'], description: "Exotel's RestException code." },
      },
    },
    duration: range('Duration of the call', 'seconds'),
    price: range('Price of the call', "units of the account's currency"),
    legs: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description: 'Per-leg status from the call details: leg 1 is From (the agent), leg 2 is To. null: the leg was never dialled.',
      properties: {
        1: oneOrMany({ type: ['string', 'null'] }, 'Status of leg 1 (From), or any of several.'),
        2: oneOrMany({ type: ['string', 'null'] }, 'Status of leg 2 (To), or any of several.'),
      },
    },
    answeredBy: oneOrMany({ type: 'string' }, 'AnsweredBy, e.g. "human", or any of several.'),
    recording: { type: 'boolean', description: 'true: the call has a RecordingUrl; false: it has none.' },
    flow: flowExpectSchema(),
    callback: {
      type: 'object',
      additionalProperties: false,
      description: 'A StatusCallback was delivered (on the sandbox; an account needs the Callbacks receiver).',
      properties: {
        url: { type: 'string', pattern: '^https?://', description: "Where it went (default: the test's statusCallback)." },
        event: { type: 'string', enum: [...STATUS_CALLBACK_EVENTS], description: 'Which callback (default terminal).' },
        leg: {
          type: 'integer',
          enum: [1, 2],
          description:
            'For "answered": whose pick-up. Exotel sends one when the agent (From, leg 1) answers, Legs[1][Status] still empty, and another when the customer (To, leg 2) does (default: the first that came).',
        },
        answer: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status your handler answered with.' },
        fields: {
          type: 'object',
          additionalProperties: { type: ['string', 'number', 'null'] },
          description:
            'Fields the callback carried, e.g. { "Status": "completed", "Legs[1][Status]": "in-progress" } (legs named so in JSON bodies too; empty is "").',
        },
      },
    },
  },
};

function testSchema(): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'expect'],
    description: 'One call and what it must do. Give `to` for a two-number connect, or `flow` for a connect to a call flow.',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200, description: 'Shown in the Test Explorer and in reports.' },
      to: phone('The customer: dialled once From answers.'),
      flow: flowTestSchema(),
      from: phone('The agent, called first (default: defaults.from).'),
      callerId: phone('Your ExoPhone (default: defaults.callerId).'),
      options: { ...callOptionsJsonSchema(false), description: 'Call options, as in Connect Call (merged over defaults.options).' },
      timeoutSeconds,
      skip: { type: 'boolean', description: 'true: listed but not run.' },
      callbackFault: {
        type: 'string',
        enum: [...CALLBACK_FAULT_KINDS],
        description:
          'Sandbox only: what happens to this call\'s StatusCallback (the terminal one, or the event expect.callback names): "drop" (never delivered), "duplicate" (delivered twice), "late" (after the call details already say it ended). Exotel warns callbacks may fail or be late: test that your handler copes.',
      },
      expect: expectSchema,
    },
  };
}

/** The whole schema, draft-07, as written to schemas/exotel-tests.schema.json. */
export function suiteJsonSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://exotel-vscode.github.io/schemas/exotel-tests.schema.json',
    title: 'Exotel call test suite',
    description: 'Calls to place and what each must do. Runs in the Test Explorer and with `npm run call-tests`.',
    type: 'object',
    additionalProperties: false,
    required: ['tests'],
    properties: {
      $schema: { type: 'string' },
      profile: {
        type: 'string',
        minLength: 1,
        default: SANDBOX_PROFILE,
        description: '"sandbox" (default: no phone rings, no cost) or the name of a profile, whose calls are real and cost money.',
      },
      allowNumbers: {
        type: 'array',
        items: phone('A number this suite may call.'),
        uniqueItems: true,
        description: 'Every number (From and To) the suite may ring; required on a real account.',
      },
      maxCalls: { type: 'integer', minimum: 1, maximum: LIMITS.maxCalls, description: 'The most calls one run may place; required on a real account.' },
      parallel: { type: 'integer', minimum: 1, maximum: LIMITS.parallel, default: 4, description: 'Tests running at once, all within the shared rate limit.' },
      defaults: {
        type: 'object',
        additionalProperties: false,
        description: 'Values every test gets unless it gives its own.',
        properties: {
          from: phone('The agent, called first.'),
          callerId: phone('Your ExoPhone.'),
          options: { ...callOptionsJsonSchema(false), description: 'Call options, as in Connect Call.' },
          timeoutSeconds,
        },
      },
      flows: suiteFlowsSchema(),
      handler: handlerSchema(),
      tests: { type: 'array', items: testSchema(), description: 'The tests, run in parallel.' },
    },
  };
}
