// The JSON Schema of `*.exotel-flow.json`, generated from the applet table. scripts/write-schema.js writes it to
// schemas/exotel-flow.schema.json; package.json's jsonValidation points VS Code at it (completion, hovers, errors).
import { APPLETS, AppletSpec } from './applets';

type Schema = Record<string, unknown>;

const ID_PATTERN = '^[A-Za-z0-9_.-]+$';

function nextSchema(spec: AppletSpec): Schema {
  const target = { type: 'string', pattern: ID_PATTERN, description: 'The id of the applet to go to.' };
  if (spec.branches.length <= 1) {
    return { ...target, description: `${spec.branches[0]?.label ?? 'Next'}: the id of the next applet (none: the call ends).` };
  }
  return {
    description: `Transitions: an object of branch → applet id (${spec.branches.map(b => `"${b.name}": ${b.label}`).join('; ')}). A string is the "${spec.branches[0].name}" branch. A branch with no target ends the call.`,
    anyOf: [
      target,
      {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(spec.branches.map(b => [b.name, { ...target, description: b.label }])),
      },
    ],
  };
}

function appletSchema(spec: AppletSpec): Schema {
  const properties: Schema = {
    type: { const: spec.type, description: `${spec.title}: ${spec.description}` },
    label: { type: 'string', description: 'Shown in the timeline and the graph instead of the id.' },
    ...Object.fromEntries(spec.settings.map(s => [s.key, { ...s.schema, description: s.description }])),
  };
  if (spec.branches.length) properties.next = nextSchema(spec);
  return {
    type: 'object',
    title: spec.title,
    description: spec.description,
    required: ['type'],
    additionalProperties: false,
    properties,
    ...(spec.needsOneOf ? { anyOf: spec.needsOneOf.map(k => ({ required: [k] })) } : {}),
  };
}

export function flowJsonSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://exotel-vscode.github.io/schemas/exotel-flow.schema.json',
    title: 'Exotel call flow',
    description:
      'A call flow as App Bazaar draws it: applets by id, each with its settings and transitions. The sandbox runs it and calls your URLs as Exotel does.',
    type: 'object',
    additionalProperties: false,
    required: ['appId', 'applets'],
    properties: {
      $schema: { type: 'string' },
      name: { type: 'string', description: 'A name for the flow, shown in runs.' },
      appId: {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'The app id (App Bazaar → My Apps): `…/exoml/start_voice/<appId>` runs this flow, and applet requests carry it as flow_id.',
      },
      exoPhone: {
        description: 'The ExoPhone(s) whose incoming calls this flow answers (Simulate Incoming Call).',
        anyOf: [
          { type: 'string', pattern: '^[+0-9][0-9 ()-]*$' },
          { type: 'array', items: { type: 'string', pattern: '^[+0-9][0-9 ()-]*$' }, minItems: 1 },
        ],
      },
      start: { type: 'string', pattern: ID_PATTERN, description: 'The first applet (default: the first one in "applets").' },
      applets: {
        type: 'object',
        minProperties: 1,
        description: 'The applets, by id. Each has a "type" and the settings of that type.',
        propertyNames: { pattern: ID_PATTERN },
        additionalProperties: {
          type: 'object',
          required: ['type'],
          properties: { type: { enum: APPLETS.map(a => a.type), description: 'The applet: ' + APPLETS.map(a => a.title).join(', ') + '.' } },
          // if/then per type: VS Code then completes and checks the settings of the type written.
          allOf: APPLETS.map(a => ({ if: { properties: { type: { const: a.type } } }, then: appletSchema(a) })),
        },
      },
    },
  };
}

/** Markdown lines for the README/docs: one per applet, its branches and settings. */
export function appletDocs(): string[] {
  return APPLETS.flatMap(a => [
    `- **${a.title}** (\`"type": "${a.type}"\`): ${a.description}`,
    ...(a.branches.length ? [`  Branches: ${a.branches.map(b => `\`${b.name}\` (${b.label})`).join(', ')}.`] : []),
    ...(a.settings.length ? [`  Settings: ${a.settings.map(s => `\`${s.key}\``).join(', ')}.`] : []),
  ]);
}
