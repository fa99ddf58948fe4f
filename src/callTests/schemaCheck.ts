// Checks a parsed JSON tree against the suite schema (the subset of draft-07 it uses), so the runner, the CLI
// and the editor's diagnostics all enforce the same generated rules, each problem at its place in the file.
import { Node as JsonNode } from 'jsonc-parser';

type Schema = Record<string, unknown>;

export interface SchemaProblem {
  /** The node the problem is about (its key's value, or the object missing a key). */
  node: JsonNode;
  message: string;
}

export function checkAgainstSchema(node: JsonNode, schema: Schema, where = 'The file'): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  check(node, schema, where, problems);
  return problems;
}

function typeOf(node: JsonNode): string {
  if (node.type === 'number') return Number.isInteger(node.value) ? 'integer' : 'number';
  return node.type;
}

function typeMatches(node: JsonNode, wanted: string): boolean {
  const t = typeOf(node);
  return t === wanted || (wanted === 'number' && t === 'integer');
}

function describeType(wanted: unknown): string {
  const list = Array.isArray(wanted) ? wanted : [wanted];
  return list
    .map(t => (t === 'integer' ? 'a whole number' : t === 'object' ? 'an object' : t === 'array' ? 'a list' : t === 'null' ? 'null' : `a ${t}`))
    .join(' or ');
}

function check(node: JsonNode, schema: Schema, where: string, out: SchemaProblem[]): void {
  if (Array.isArray(schema.anyOf)) {
    const branches = (schema.anyOf as Schema[]).map(s => {
      const p: SchemaProblem[] = [];
      check(node, s, where, p);
      return p;
    });
    if (branches.some(b => b.length === 0)) return;
    // The branch of the right type explains best; else say which types fit.
    const typed = (schema.anyOf as Schema[]).findIndex(s => s.type !== undefined && typeMatches(node, String(s.type)));
    if (typed >= 0) out.push(...branches[typed]);
    else out.push({ node, message: `${where} must be ${(schema.anyOf as Schema[]).map(s => describeType(s.type)).join(' or ')}.` });
    return;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some(t => typeMatches(node, t))) {
      out.push({ node, message: `${where} must be ${describeType(schema.type)}.` });
      return;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(node.value)) {
    out.push({ node, message: `${where} must be one of ${schema.enum.map(v => JSON.stringify(v)).join(', ')}.` });
    return;
  }
  if (node.type === 'number') {
    const v = node.value as number;
    if (typeof schema.minimum === 'number' && v < schema.minimum) out.push({ node, message: `${where} must be at least ${schema.minimum}.` });
    if (typeof schema.maximum === 'number' && v > schema.maximum) out.push({ node, message: `${where} must be at most ${schema.maximum}.` });
  }
  if (node.type === 'string') {
    const v = node.value as string;
    if (typeof schema.minLength === 'number' && v.length < schema.minLength)
      out.push({ node, message: v.length ? `${where} is too short.` : `${where} must not be empty.` });
    if (typeof schema.maxLength === 'number' && v.length > schema.maxLength)
      out.push({ node, message: `${where} must be at most ${schema.maxLength} characters.` });
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(v))
      out.push({ node, message: `${where} does not look right (${patternHint(schema.pattern)}).` });
  }
  if (node.type === 'array') {
    const items = node.children ?? [];
    if (typeof schema.minItems === 'number' && items.length < schema.minItems) out.push({ node, message: `${where} must not be empty.` });
    if (schema.uniqueItems === true) {
      const seen = new Set<string>();
      for (const item of items) {
        const key = JSON.stringify(item.value);
        if (seen.has(key)) out.push({ node: item, message: `${where} lists ${key} twice.` });
        seen.add(key);
      }
    }
    if (schema.items && typeof schema.items === 'object') items.forEach((item, i) => check(item, schema.items as Schema, `${where}[${i}]`, out));
  }
  if (node.type === 'object') checkObject(node, schema, where, out);
}

function checkObject(node: JsonNode, schema: Schema, where: string, out: SchemaProblem[]): void {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const members = node.children ?? [];
  const keys = members.map(m => m.children?.[0]?.value as string);
  for (const req of (schema.required ?? []) as string[]) {
    if (!keys.includes(req)) out.push({ node, message: `${where} needs "${req}".` });
  }
  if (typeof schema.minProperties === 'number' && members.length < schema.minProperties) out.push({ node, message: `${where} must not be empty.` });
  if (typeof schema.maxProperties === 'number' && members.length > schema.maxProperties) {
    out.push({
      node,
      message: `${where} takes only one of ${Object.keys(props)
        .map(k => `"${k}"`)
        .join(', ')}.`,
    });
  }
  for (const member of members) {
    const [keyNode, valueNode] = member.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = keyNode.value as string;
    const sub = props[key] ?? (typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as Schema) : undefined);
    if (sub) {
      check(valueNode, sub, `"${key}"`, out);
    } else if (schema.additionalProperties === false) {
      const known = Object.keys(props).filter(k => k !== '$schema');
      out.push({ node: keyNode, message: `${where} has no "${key}"; expected ${known.map(k => `"${k}"`).join(', ')}.` });
    }
  }
}

function patternHint(pattern: string): string {
  if (pattern.startsWith('^https?')) return 'an http:// or https:// URL';
  if (pattern === '^[0-9]+$') return 'digits only';
  if (pattern.startsWith('^[+0-9]')) return 'a phone number such as +919876543210 or 09876543210';
  return `it must match ${pattern}`;
}
