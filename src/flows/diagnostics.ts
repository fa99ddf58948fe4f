// Checks a flow file's text for what cannot run, each finding with its position in the JSON (for the Problems
// view and for a refused run): JSON errors, an unknown applet type, an applet without its URL (or other required
// setting), a URL that is not http(s), a transition to an applet that does not exist, a cycle with no input in it.
import { findNodeAtLocation, getNodeValue, Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import { t } from '../common/callText/translate';
import { APPLETS, appletSpec } from './applets';
import { FlowFile } from './types';

export type DiagnosticCode =
  | 'json'
  | 'not-a-flow'
  | 'app-id'
  | 'no-applets'
  | 'unknown-type'
  | 'missing-setting'
  | 'bad-url'
  | 'no-target'
  | 'unknown-branch'
  | 'bad-start'
  | 'cycle-without-input'
  | 'unreachable';

export interface Position {
  /** 0-based, like vscode.Position. */
  line: number;
  character: number;
}

export interface FlowDiagnostic {
  code: DiagnosticCode;
  /** Errors refuse a run; warnings do not. */
  severity: 'error' | 'warning';
  message: string;
  /** Offset and length in the text (0,0 when checked without text). */
  offset: number;
  length: number;
  start: Position;
  end: Position;
  appletId?: string;
}

export interface FlowValidation {
  /** The flow, when the text is a JSON object (even if it has errors). */
  flow?: FlowFile;
  diagnostics: FlowDiagnostic[];
  /** No errors: the flow can run. */
  ok: boolean;
}

const URL_OK = /^https?:\/\/[^/\s]+/i;

/** Validates a flow file's text. Never throws. */
export function validateFlow(text: string): FlowValidation {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lines = lineStarts(text);
  const diagnostics: FlowDiagnostic[] = [];
  const at = (node: Node | undefined, code: DiagnosticCode, message: string, severity: 'error' | 'warning' = 'error', appletId?: string): void => {
    const offset = node?.offset ?? 0;
    const length = node?.length ?? 0;
    diagnostics.push({ code, severity, message, offset, length, start: positionAt(lines, offset), end: positionAt(lines, offset + length), appletId });
  };
  for (const e of errors) {
    diagnostics.push({
      code: 'json',
      severity: 'error',
      message: t('JSON: {0}', printParseErrorCode(e.error)),
      offset: e.offset,
      length: e.length,
      start: positionAt(lines, e.offset),
      end: positionAt(lines, e.offset + e.length),
    });
  }
  if (!root || root.type !== 'object') {
    if (!errors.length) at(root, 'not-a-flow', t('A flow file is a JSON object with "appId" and "applets".'));
    return { diagnostics, ok: false };
  }
  const flow = getNodeValue(root) as FlowFile;
  checkTree(root, at);
  return { flow, diagnostics, ok: !diagnostics.some(d => d.severity === 'error') };
}

/** Validates a flow already parsed (no positions). */
export function checkFlow(flow: FlowFile): FlowValidation {
  return validateFlow(JSON.stringify(flow));
}

type Report = (node: Node | undefined, code: DiagnosticCode, message: string, severity?: 'error' | 'warning', appletId?: string) => void;

function checkTree(root: Node, at: Report): void {
  const appId = findNodeAtLocation(root, ['appId']);
  if (!appId) at(root, 'app-id', t('The flow has no "appId" (the App Bazaar app id, e.g. "236711").'));
  else if (appId.type !== 'string' || !/^[0-9]+$/.test(String(appId.value)))
    at(appId, 'app-id', t('"appId" is the app id in digits, as a string, e.g. "236711".'));
  const appletsNode = findNodeAtLocation(root, ['applets']);
  if (!appletsNode || appletsNode.type !== 'object' || !appletsNode.children?.length) {
    at(appletsNode ?? root, 'no-applets', t('The flow has no applets: "applets" is an object of applets by id.'));
    return;
  }
  const ids = new Map<string, Node>();
  for (const prop of appletsNode.children) {
    const [key, value] = prop.children ?? [];
    if (key && value) ids.set(String(key.value), value);
  }
  const startNode = findNodeAtLocation(root, ['start']);
  const start = startNode ? String(startNode.value) : [...ids.keys()][0];
  if (startNode && !ids.has(start)) at(startNode, 'bad-start', t('"start" names "{0}", which is not an applet of this flow.', start));

  const edges = new Map<string, Array<{ target: string; node: Node }>>();
  for (const [id, node] of ids) {
    edges.set(id, []);
    if (node.type !== 'object') {
      at(node, 'unknown-type', t('Applet "{0}" must be an object with a "type".', id), 'error', id);
      continue;
    }
    const typeNode = findNodeAtLocation(node, ['type']);
    const spec = typeNode ? appletSpec(String(typeNode.value)) : undefined;
    if (!spec) {
      const known = APPLETS.map(a => a.type).join(', ');
      at(
        typeNode ?? node,
        'unknown-type',
        typeNode ? t('Unknown applet type "{0}" (known: {1}).', String(typeNode.value), known) : t('Applet "{0}" has no "type" (one of: {1}).', id, known),
        'error',
        id,
      );
      continue;
    }
    const value = getNodeValue(node) as Record<string, unknown>;
    if (spec.needsOneOf && !spec.needsOneOf.some(k => value[k] !== undefined && value[k] !== '')) {
      const urls = spec.settings.filter(s => s.url && spec.needsOneOf?.includes(s.key));
      const message =
        spec.needsOneOf.length === 1 && urls.length === 1
          ? t('{0} applet "{1}" has no URL: set "{2}".', spec.title, id, urls[0].key)
          : t('{0} applet "{1}" needs one of: {2}.', spec.title, id, spec.needsOneOf.map(k => `"${k}"`).join(', '));
      at(typeNode, 'missing-setting', message, 'error', id);
    }
    for (const setting of spec.settings.filter(s => s.url)) {
      const urlNode = findNodeAtLocation(node, [setting.key]);
      if (urlNode && (typeof urlNode.value !== 'string' || !URL_OK.test(urlNode.value))) {
        at(urlNode, 'bad-url', t('"{0}" of applet "{1}" is not an http:// or https:// URL.', setting.key, id), 'error', id);
      }
    }
    const nextNode = findNodeAtLocation(node, ['next']);
    const targets: Array<{ branch: string; node: Node }> = [];
    if (nextNode?.type === 'string' && spec.branches.length) targets.push({ branch: spec.branches[0].name, node: nextNode });
    else if (nextNode?.type === 'string')
      at(nextNode, 'unknown-branch', t('A {0} applet has no transitions: its "next" is never taken.', spec.title), 'warning', id);
    else if (nextNode?.type === 'object') {
      for (const prop of nextNode.children ?? []) {
        const [key, target] = prop.children ?? [];
        if (!key || !target) continue;
        if (!spec.branches.some(b => b.name === key.value)) {
          at(
            key,
            'unknown-branch',
            t('{0} has no branch "{1}" (its branches: {2}).', spec.title, String(key.value), spec.branches.map(b => b.name).join(', ') || t('none')),
            'warning',
            id,
          );
        } else if (target.type === 'string') targets.push({ branch: String(key.value), node: target });
      }
    }
    for (const target of targets) {
      const name = String(target.node.value);
      if (!ids.has(name))
        at(
          target.node,
          'no-target',
          t('Transition "{0}" of applet "{1}" goes to "{2}", which is not an applet of this flow.', target.branch, id, name),
          'error',
          id,
        );
      else edges.get(id)?.push({ target: name, node: target.node });
    }
  }
  const types = new Map([...ids].map(([id, node]) => [id, node.type === 'object' ? String(findNodeAtLocation(node, ['type'])?.value) : '']));
  for (const cycle of cyclesOf(edges)) {
    if (cycle.members.some(m => types.get(m) === 'gather')) continue;
    at(
      cycle.closing.node,
      'cycle-without-input',
      t('Endless loop: {0} → {1} with no Gather in it, so the caller can never leave it.', cycle.members.join(' → '), cycle.members[0]),
      'error',
      cycle.closing.from,
    );
  }
  if (ids.has(start)) {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length) {
      for (const e of edges.get(queue.shift() as string) ?? []) {
        if (!seen.has(e.target)) {
          seen.add(e.target);
          queue.push(e.target);
        }
      }
    }
    for (const [id, node] of ids)
      if (!seen.has(id)) at(node.parent?.children?.[0], 'unreachable', t('Applet "{0}" is never reached from "{1}".', id, start), 'warning', id);
  }
}

/** Strongly connected components that loop (Tarjan), each with one edge inside it to point at. */
function cyclesOf(edges: Map<string, Array<{ target: string; node: Node }>>): Array<{ members: string[]; closing: { from: string; node: Node } }> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: Array<{ members: string[]; closing: { from: string; node: Node } }> = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        members.unshift(w);
      } while (w !== v);
      const set = new Set(members);
      for (const from of members) {
        const inside = (edges.get(from) ?? []).find(e => set.has(e.target));
        if (inside && (members.length > 1 || inside.target === from)) {
          out.push({ members: orderCycle(members, edges), closing: { from, node: inside.node } });
          break;
        }
      }
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** A readable order for the message: follow edges inside the component from its first member. */
function orderCycle(members: string[], edges: Map<string, Array<{ target: string }>>): string[] {
  const set = new Set(members);
  const order = [members[0]];
  while (order.length < members.length) {
    const next = (edges.get(order[order.length - 1]) ?? []).find(e => set.has(e.target) && !order.includes(e.target));
    if (!next) return members;
    order.push(next.target);
  }
  return order;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** The refused run's message: every error, one per line with its position (1-based, as editors show it). */
export function refusalMessage(diagnostics: readonly FlowDiagnostic[]): string {
  const errors = diagnostics.filter(d => d.severity === 'error');
  return [t('The flow cannot run:'), ...errors.map(d => `  ${d.start.line + 1}:${d.start.character + 1} ${d.message}`)].join('\n');
}
