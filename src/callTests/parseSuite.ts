// Reads a `*.exotel-tests.json` text into a suite the runner can run, with every problem at its place in the file
// (JSON syntax, the generated schema, and rules a schema cannot say). Never throws on bad input.
import { findNodeAtLocation, getNodeValue, JSONPath, Node as JsonNode, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { callOptionsFor, ConnectCallOptions } from '../exotel/callOptions';
import { ValidationError } from '../exotel/errors';
import { FlowTestSpec } from './flowExpectations';
import type { HandlerSpec } from './handler';
import { phoneField } from '../exotel/validate';
import { checkAgainstSchema } from './schemaCheck';
import { SANDBOX_PROFILE, suiteJsonSchema } from './suiteSchema';
import { Expectations } from './expectations';
import type { CallbackFaultKind } from '../sandbox/faults';

export interface TextRange {
  offset: number;
  length: number;
}

export interface SuiteProblem extends TextRange {
  message: string;
  severity: 'error' | 'warning';
  /** syntax and schema problems are also shown by the editor's JSON validation; rules only by us. */
  kind: 'syntax' | 'schema' | 'rule';
}

/** One test, with the values its defaults gave it. */
export interface TestSpec {
  name: string;
  to?: string;
  flow?: FlowTestSpec;
  from?: string;
  callerId?: string;
  options: ConnectCallOptions;
  timeoutSeconds?: number;
  skip: boolean;
  expect: Expectations;
  /** Sandbox only: a fault for this call's StatusCallback. */
  callbackFault?: CallbackFaultKind;
}

export interface SuiteTest {
  index: number;
  name: string;
  /** The whole test object, and its name's value (where a failure without a better place is shown). */
  range: TextRange;
  nameRange: TextRange;
  spec: TestSpec;
  /** Errors inside this test: it is reported as errored without placing a call. */
  problems: SuiteProblem[];
}

export interface ParsedSuite {
  text: string;
  profile: string;
  isSandbox: boolean;
  allowNumbers?: string[];
  maxCalls?: number;
  parallel: number;
  /** Flow files or folders for the sandbox, relative to the suite (undefined: the suite's folder). */
  flows?: string[];
  /** The handler the suite starts before its tests. */
  handler?: HandlerSpec;
  tests: SuiteTest[];
  /** Every problem, in file order; those outside a test stop the whole suite. */
  problems: SuiteProblem[];
  /** Problems outside any test. */
  suiteProblems: SuiteProblem[];
  /** Where a path (e.g. ['tests', 2, 'expect', 'status']) is in the text, or the nearest parent that exists. */
  locate(path: JSONPath): TextRange | undefined;
}

const SCHEMA = suiteJsonSchema();

/** Line and column (0-based) of an offset, for messages and editors. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start };
}

export function parseSuite(text: string): ParsedSuite {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: SuiteProblem[] = errors.map(e => ({
    offset: e.offset,
    length: Math.max(1, e.length),
    severity: 'error',
    kind: 'syntax',
    message: `JSON: ${syntaxMessage(printParseErrorCode(e.error))}`,
  }));
  const locate = (path: JSONPath): TextRange | undefined => {
    if (!root) return undefined;
    for (let p = [...path]; ; p = p.slice(0, -1)) {
      const node = p.length ? findNodeAtLocation(root, p) : root;
      if (node) return { offset: node.offset, length: node.length };
      if (!p.length) return undefined;
    }
  };
  const at = (node: JsonNode, message: string, severity: SuiteProblem['severity'] = 'error', kind: SuiteProblem['kind'] = 'rule'): SuiteProblem => ({
    offset: node.offset,
    length: node.length,
    message,
    severity,
    kind,
  });

  const empty = { text, profile: SANDBOX_PROFILE, isSandbox: true, parallel: 4, tests: [], locate };
  if (!root || root.type !== 'object') {
    if (root && !problems.length) problems.push(at(root, 'A test suite is a JSON object with a "tests" list.'));
    if (!root && !problems.length)
      problems.push({
        offset: 0,
        length: 0,
        message: 'The file is empty: a test suite is a JSON object with a "tests" list.',
        severity: 'error',
        kind: 'syntax',
      });
    return { ...empty, problems, suiteProblems: problems };
  }
  const syntax = new Set(problems);
  if (!problems.length) problems.push(...checkAgainstSchema(root, SCHEMA).map(p => at(p.node, p.message, 'error', 'schema')));

  // getNodeValue builds null-prototype objects: a JSON round trip gives plain ones.
  const nodeValue = (n: JsonNode | undefined): unknown => (n ? JSON.parse(JSON.stringify(getNodeValue(n)) ?? 'null') : undefined);
  const value = (path: JSONPath): unknown => nodeValue(findNodeAtLocation(root, path));
  const profile = typeof value(['profile']) === 'string' ? (value(['profile']) as string).trim() : SANDBOX_PROFILE;
  const isSandbox = profile === SANDBOX_PROFILE;
  const allowNode = findNodeAtLocation(root, ['allowNumbers']);
  const allowNumbers =
    allowNode?.type === 'array' ? (allowNode.children ?? []).map(n => normalized(n, problems, at)).filter((n): n is string => n !== undefined) : undefined;
  const maxCalls = typeof value(['maxCalls']) === 'number' ? (value(['maxCalls']) as number) : undefined;
  const parallel = typeof value(['parallel']) === 'number' ? (value(['parallel']) as number) : 4;
  if (!isSandbox) {
    const profileNode = findNodeAtLocation(root, ['profile'])!;
    if (!allowNumbers) problems.push(at(profileNode, `Profile "${profile}" places real calls: list the numbers the suite may ring in "allowNumbers".`));
    if (maxCalls === undefined) problems.push(at(profileNode, `Profile "${profile}" places real calls: cap them with "maxCalls".`));
  }
  const defaultsNode = findNodeAtLocation(root, ['defaults']);
  const defaults = defaultsNode?.type === 'object' ? defaultsNode : undefined;
  const dv = (key: string): unknown => (defaults ? nodeValue(findNodeAtLocation(defaults, [key])) : undefined);

  const tests: SuiteTest[] = [];
  const testNodes = findNodeAtLocation(root, ['tests'])?.type === 'array' ? (findNodeAtLocation(root, ['tests'])!.children ?? []) : [];
  const names = new Map<string, number>();
  testNodes.forEach((node, index) => {
    const own = (key: string): JsonNode | undefined => (node.type === 'object' ? findNodeAtLocation(node, [key]) : undefined);
    const name = typeof own('name')?.value === 'string' && own('name')!.value.trim() ? String(own('name')!.value).trim() : `test ${index + 1}`;
    const nameNode = own('name') ?? node;
    const local: SuiteProblem[] = [];
    if (names.has(name)) local.push(at(nameNode, `Another test is also named "${name}"; reports will not tell them apart.`, 'warning'));
    names.set(name, index);
    const to = own('to');
    const flow = own('flow');
    if (node.type === 'object') {
      if (!to && !flow) local.push(at(nameNode, 'Give "to" (a number to connect) or "flow" (a call flow).'));
      if (to && flow) local.push(at(flow, 'Give "to" or "flow", not both.'));
      for (const key of ['from', 'callerId'] as const) {
        if (!own(key) && typeof dv(key) !== 'string') local.push(at(nameNode, `No "${key}": give it here or in "defaults".`));
      }
      if (flow?.type === 'object') {
        const ways = ['appId', 'url', 'file'].filter(k => findNodeAtLocation(flow, [k]));
        if (ways.length !== 1)
          local.push(
            at(
              flow,
              ways.length
                ? `Give one of "appId", "url" or "file", not ${ways.map(w => `"${w}"`).join(' and ')}.`
                : 'Give the flow\'s "appId", "url" or "file".',
            ),
          );
        const direction = findNodeAtLocation(flow, ['direction']);
        if (!isSandbox && direction?.value === 'incoming') local.push(at(direction, 'Incoming calls are simulated on the sandbox only.'));
        const file = findNodeAtLocation(flow, ['file']);
        if (!isSandbox && file) local.push(at(file, 'Flow files run on the sandbox only: give the "appId" on an account.'));
      }
      const expectFlow = own('expect') && findNodeAtLocation(own('expect')!, ['flow']);
      if (expectFlow && !flow) local.push(at(expectFlow, 'Flow expectations need a "flow" to run.'));
      if (flow) {
        const allowed = new Set<string>(callOptionsFor(true).map(o => o.key));
        for (const optionsNode of [own('options'), defaults && findNodeAtLocation(defaults, ['options'])]) {
          for (const m of optionsNode?.type === 'object' ? (optionsNode.children ?? []) : []) {
            const key = m.children?.[0];
            if (key && !allowed.has(key.value)) local.push(at(key, `A connect to a flow does not take "${key.value}".`));
          }
        }
      }
      for (const num of [to, own('from'), own('callerId')]) if (num) normalized(num, local, at);
      const fault = own('callbackFault');
      if (fault && !isSandbox) local.push(at(fault, '"callbackFault" works on the sandbox only: a real account\'s callbacks cannot be made to fail.'));
    }
    const spec: TestSpec = {
      name,
      to: typeof to?.value === 'string' ? to.value : undefined,
      flow: flow?.type === 'object' ? (nodeValue(flow) as FlowTestSpec) : undefined,
      from: (own('from')?.value ?? dv('from')) as string | undefined,
      callerId: (own('callerId')?.value ?? dv('callerId')) as string | undefined,
      options: { ...(objectValue(dv('options')) ?? {}), ...(objectValue(nodeValue(own('options'))) ?? {}) } as ConnectCallOptions,
      timeoutSeconds: (own('timeoutSeconds')?.value ?? dv('timeoutSeconds')) as number | undefined,
      skip: own('skip')?.value === true,
      callbackFault: typeof own('callbackFault')?.value === 'string' ? (own('callbackFault')!.value as CallbackFaultKind) : undefined,
      expect: (objectValue(nodeValue(own('expect'))) ?? {}) as Expectations,
    };
    if (allowNumbers && !isSandbox) {
      for (const [key, num] of [
        ['to', to],
        ['from', own('from')],
      ] as const) {
        const e164 = num ? normalized(num, [], at) : undefined;
        if (e164 && !allowNumbers.includes(e164)) local.push(at(num!, `${e164} is not in "allowNumbers": the suite may not ring it.`));
        if (key === 'from' && !num && typeof dv('from') === 'string') {
          const d = safePhone(dv('from') as string);
          if (d && !allowNumbers.includes(d)) local.push(at(findNodeAtLocation(defaults!, ['from'])!, `${d} (defaults.from) is not in "allowNumbers".`));
        }
      }
    }
    tests.push({
      index,
      name,
      range: { offset: node.offset, length: node.length },
      nameRange: { offset: nameNode.offset, length: nameNode.length },
      spec,
      problems: local,
    });
    problems.push(...local);
  });

  // Schema problems inside a test belong to it; the rest, and any syntax error, stop the suite.
  const inside = (p: SuiteProblem) => tests.find(t => p.offset >= t.range.offset && p.offset < t.range.offset + t.range.length);
  const suiteProblems: SuiteProblem[] = [];
  const unique = dedupe(problems).sort((a, b) => a.offset - b.offset);
  for (const p of unique) {
    const t = syntax.has(p) ? undefined : inside(p);
    if (t) {
      if (!t.problems.includes(p)) t.problems.push(p);
    } else if (p.severity === 'error') {
      suiteProblems.push(p);
    }
  }
  const flowsValue = value(['flows']);
  const flows =
    typeof flowsValue === 'string' ? [flowsValue] : Array.isArray(flowsValue) ? flowsValue.filter((f): f is string => typeof f === 'string') : undefined;
  const handler = objectValue(value(['handler'])) as HandlerSpec | undefined;
  return { text, profile, isSandbox, allowNumbers, maxCalls, parallel, flows, handler, tests, problems: unique, suiteProblems, locate };
}

// A suite is re-read on every keystroke and a number costs about a millisecond to check: remember the answers.
const phones = new Map<string, { e164?: string; problem?: string }>();
const MAX_REMEMBERED = 5000;

/** A number in E.164, or why it is not one. */
export function checkPhone(text: string): { e164?: string; problem?: string } {
  let known = phones.get(text);
  if (!known) {
    try {
      known = { e164: phoneField('Number', text) };
    } catch (e) {
      known = { problem: e instanceof ValidationError ? e.message.replace(/^Number: /, '') : String(e) };
    }
    if (phones.size >= MAX_REMEMBERED) phones.clear();
    phones.set(text, known);
  }
  return known;
}

function normalized(node: JsonNode, out: SuiteProblem[], at: (n: JsonNode, m: string) => SuiteProblem): string | undefined {
  if (typeof node.value !== 'string') return undefined;
  const { e164, problem } = checkPhone(node.value);
  if (problem) out.push(at(node, problem));
  return e164;
}

function safePhone(text: string): string | undefined {
  return checkPhone(text).e164;
}

function objectValue(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function dedupe(problems: SuiteProblem[]): SuiteProblem[] {
  const seen = new Set<string>();
  return problems.filter(p => {
    const key = `${p.offset}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function syntaxMessage(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'not a valid number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: 'a colon is expected',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing } is expected',
    CloseBracketExpected: 'a closing ] is expected',
    EndOfFileExpected: 'nothing may follow the closing }',
    InvalidCommentToken: 'unfinished comment',
    UnexpectedEndOfComment: 'unfinished comment',
    UnexpectedEndOfString: 'unfinished string',
    UnexpectedEndOfNumber: 'unfinished number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape',
    InvalidCharacter: 'invalid character',
  };
  return words[code] ?? code;
}
