// A test's expectations on a flow run (expect.flow): the path, the requests made, how it ended, what was heard and
// sent. Each failure names the expectation's path in the file (e.g. ['expect', 'flow', 'path', 2]).
import type { FlowEvent, FlowRun } from '../flows/runModel';
import type { KeyScript } from '../flows/keys';
import { nationalNumber } from '../flows/library';
import type { Failure } from './expectations';

/** The `flow` of a test: which flow, how the call reaches it, and the keys pressed. */
export interface FlowTestSpec {
  appId?: string;
  url?: string;
  file?: string;
  direction?: 'outgoing' | 'incoming';
  keys?: KeyScript;
}

export interface RequestExpectation {
  applet: string;
  method?: 'GET' | 'HEAD';
  status?: number;
  failure?: string;
  params?: Record<string, string>;
}

export interface FlowExpectation {
  path?: string[];
  requests?: RequestExpectation[];
  outcome?: string | string[];
  callType?: string;
  sms?: string;
  heard?: string;
}

type RequestEvent = Extract<FlowEvent, { kind: 'request' }>;

/** The run's path as the suite writes it: "id:branch" ("id" when it ended there). */
export function pathOf(run: FlowRun): string[] {
  return run.path.map(s => (s.branch ? `${s.appletId}:${s.branch}` : s.appletId));
}

export function checkFlowRun(e: FlowExpectation, run: FlowRun | undefined, why?: string): Failure[] {
  const base = ['expect', 'flow'];
  if (!run) return [{ path: base, message: why ?? 'No flow ran for this call.', expected: 'a flow run', actual: 'none' }];
  const failures: Failure[] = [];
  if (e.path) {
    const actual = pathOf(run);
    const n = Math.max(e.path.length, actual.length);
    for (let i = 0; i < n; i++) {
      const want = e.path[i];
      const got = actual[i];
      const matches = want !== undefined && got !== undefined && (want.includes(':') ? got === want : got.split(':')[0] === want);
      if (!matches) {
        failures.push({
          path: [...base, 'path', Math.min(i, e.path.length - 1)],
          message:
            want === undefined
              ? `The flow went on after the expected path: ${actual.slice(i).join(' → ')}.`
              : got === undefined
                ? `The flow ended before "${want}".`
                : `Step ${i + 1}: expected "${want}", the flow went to "${got}".`,
          expected: e.path.join(' → '),
          actual: actual.join(' → '),
        });
        break;
      }
    }
  }
  const requests = run.events.filter((ev): ev is RequestEvent => ev.kind === 'request');
  (e.requests ?? []).forEach((want, i) => {
    const mine = requests.filter(r => r.appletId === want.applet && r.request.method === (want.method ?? 'GET'));
    const problems = mine.map(r => requestMismatch(want, r));
    if (!problems.some(p => p === undefined)) {
      failures.push({
        path: [...base, 'requests', i],
        message: mine.length
          ? `No ${want.method ?? 'GET'} of applet "${want.applet}" matches: ${problems[problems.length - 1]}.`
          : `Applet "${want.applet}" made no ${want.method ?? 'GET'} request.`,
        expected: JSON.stringify(want),
        actual: mine.length ? describe(mine[mine.length - 1]) : 'none',
      });
    }
  });
  const outcome = run.outcome;
  if (e.outcome !== undefined) {
    const wanted = Array.isArray(e.outcome) ? e.outcome : [e.outcome];
    if (!outcome || !wanted.includes(outcome.reason))
      failures.push({
        path: [...base, 'outcome'],
        message: `The run ended "${outcome?.reason}": ${outcome?.message ?? ''}`,
        expected: wanted.join(' or '),
        actual: outcome?.reason,
      });
  }
  if (e.callType !== undefined && outcome?.callType !== e.callType) {
    failures.push({ path: [...base, 'callType'], message: `CallType is "${outcome?.callType}".`, expected: e.callType, actual: outcome?.callType });
  }
  if (e.sms !== undefined) {
    const sent = run.events.filter(ev => ev.kind === 'sms').map(ev => (ev as Extract<FlowEvent, { kind: 'sms' }>).text);
    if (!sent.some(s => s.includes(e.sms as string)))
      failures.push({
        path: [...base, 'sms'],
        message: sent.length ? `No SMS contains "${e.sms}".` : 'No SMS was sent.',
        expected: e.sms,
        actual: sent.join(' | ') || 'none',
      });
  }
  if (e.heard !== undefined) {
    const said = run.events.filter(ev => ev.kind === 'say').map(ev => (ev as Extract<FlowEvent, { kind: 'say' }>).text ?? '');
    if (!said.some(s => s.includes(e.heard as string)))
      failures.push({ path: [...base, 'heard'], message: `The caller never heard "${e.heard}".`, expected: e.heard, actual: said.join(' | ') || 'nothing' });
  }
  return failures;
}

function requestMismatch(want: RequestExpectation, r: RequestEvent): string | undefined {
  const res = r.response;
  if (want.failure !== undefined && res?.failure !== want.failure)
    return `it ${res?.failure ? `failed (${res.failure})` : `got HTTP ${res?.status}`}, not ${want.failure}`;
  if (want.status !== undefined && res?.status !== want.status) return `HTTP ${res?.failure ?? res?.status}, not ${want.status}`;
  for (const [name, value] of Object.entries(want.params ?? {})) {
    const got = r.request.params.find(([k]) => k === name)?.[1];
    if (got !== value) return got === undefined ? `it has no ${name}` : `${name} is ${JSON.stringify(got)}, not ${JSON.stringify(value)}`;
  }
  return undefined;
}

function describe(r: RequestEvent): string {
  return `${r.request.method} ${r.request.url} → ${r.response?.failure ?? r.response?.status}`;
}

/**
 * Keys for the flow calls tests place. The sandbox asks for a call's keys (keysFor) while Calls/connect is still being
 * answered, before the runner knows the CallSid; so the runner announces the keys for a (From, app id) just before
 * placing the call, one call per (From, app id) at a time, and keysFor binds them to the call that arrives.
 */
export class FlowKeyRegistry {
  private readonly pending = new Map<string, KeyScript>();
  private readonly locks = new Map<string, Promise<void>>();

  /** Places one call (`place`) with these keys announced for it. */
  async place<T>(from: string, appId: string, keys: KeyScript | undefined, place: () => Promise<T>): Promise<T> {
    const key = `${nationalNumber(from)}|${appId}`;
    for (let lock = this.locks.get(key); lock; lock = this.locks.get(key)) await lock;
    let release!: () => void;
    this.locks.set(key, new Promise<void>(resolve => (release = resolve)));
    this.pending.set(key, keys ?? []);
    try {
      return await place();
    } finally {
      this.pending.delete(key);
      this.locks.delete(key);
      release();
    }
  }

  /** For the sandbox's keysFor: the announced keys of this call, or undefined if no test placed it. */
  keysFor(call: { appId: string; from: string }): KeyScript | undefined {
    const key = `${nationalNumber(call.from)}|${call.appId}`;
    const keys = this.pending.get(key);
    this.pending.delete(key);
    return keys;
  }
}
