// Checks a tool's input against its JSON Schema (the subset TOOL_SPECS uses: object, string, integer, number,
// boolean, array; enum, pattern, format uri, minimum/maximum, maxLength, uniqueItems, required,
// additionalProperties: false), and names the first problem. The MCP server refuses input that is not its schema
// with it, and hands it to the SDK in place of Ajv (which would add 130 KB to the bundle). Editor-free.

export type Schema = Record<string, unknown>;

/** The first way `value` is not `schema`, as "<path>: <problem>", or undefined when it fits. */
export function schemaProblem(schema: Schema, value: unknown, path = 'input'): string | undefined {
  const type = schema.type as string | undefined;
  if (type && !hasType(type, value)) return `${path}: must be ${article(type)}, not ${describe(value)}`;
  if (Array.isArray(schema.enum) && !schema.enum.some(e => e === value)) {
    return `${path}: must be one of ${schema.enum.map(e => JSON.stringify(e)).join(', ')}, not ${short(value)}`;
  }
  if (typeof value === 'string') {
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) return `${path}: at most ${schema.maxLength} characters`;
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) return `${path}: at least ${schema.minLength} characters`;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return `${path}: ${short(value)} does not match ${schema.pattern}`;
    if (schema.format === 'uri' && !isUri(value)) return `${path}: ${short(value)} is not a URL`;
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return `${path}: at least ${schema.minimum}, not ${value}`;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return `${path}: at most ${schema.maximum}, not ${value}`;
  }
  if (Array.isArray(value)) {
    const items = schema.items as Schema | undefined;
    for (const [i, item] of value.entries()) {
      const p = items && schemaProblem(items, item, `${path}[${i}]`);
      if (p) return p;
    }
    if (schema.uniqueItems === true && new Set(value.map(v => JSON.stringify(v))).size !== value.length) return `${path}: has the same item twice`;
  }
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (value[key] === undefined) return `${path}: "${key}" is required`;
    }
    for (const [key, v] of Object.entries(value)) {
      const sub = properties[key];
      if (!sub) {
        if (schema.additionalProperties === false)
          return `${path}: unknown property ${JSON.stringify(key.slice(0, 60))}; it takes ${Object.keys(properties).join(', ')}`;
        continue;
      }
      const p = schemaProblem(sub, v, `${path}.${key}`);
      if (p) return p;
    }
  }
  return undefined;
}

function hasType(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'null':
      return v === null;
    default:
      return typeof v === type;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isUri(s: string): boolean {
  try {
    return Boolean(new URL(s).protocol);
  } catch {
    return false;
  }
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${short(v)}`;
}

/** A value quoted for a message, cut short: input may be long or hostile, and the message goes back to the model. */
function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
