// Runs a parsed suite against a client: places each call, polls its details until it has what the test expects
// (or the test's timeout), and compares. Editor-free: the Test Explorer and the CLI both drive it.
import { ConnectCallParams, ConnectToFlowParams } from '../exotel/connectParams';
import { CancelledError, ExotelError, NotFoundError, ValidationError } from '../exotel/errors';
import { Call, isFinalStatus } from '../exotel/models';
import { CallbackRecord, callbackWarnings, checkCall, checkCallback, checkError, Expectations, Failure, needsBilling, settledCallback } from './expectations';
import type { CallbackFaultKind } from '../sandbox/faults';
import { ParsedSuite, SuiteTest } from './parseSuite';
import { errorMessage } from '../base/errorMessage';
import type { SandboxFlows } from '../sandbox';
import type { FlowRun } from '../flows/runModel';
import { checkFlowRun, FlowKeyRegistry, FlowTestSpec } from './flowExpectations';
import type { FlowRef } from '../exotel/connectParams';

/** What the runner needs of an ExotelClient. */
export interface CallApi {
  connectCall(p: ConnectCallParams, opts?: { signal?: AbortSignal }): Promise<Call>;
  connectToFlow(p: ConnectToFlowParams, opts?: { signal?: AbortSignal }): Promise<Call>;
  getCall(sid: string, opts?: { details?: boolean; signal?: AbortSignal }): Promise<Call>;
}

export interface RunTarget {
  client: CallApi;
  /** StatusCallback deliveries, where they can be observed (the sandbox). */
  callbacks?: () => readonly CallbackRecord[];
  /** Why callback expectations cannot be checked here (tests with one are skipped, placing no call). */
  callbacksUnavailable?: string;
  /** Arms a fault for one StatusCallback of a placed call (the sandbox); tests with `callbackFault` need it. */
  armCallbackFault?: (callSid: string, kind: CallbackFaultKind, event: 'terminal' | 'answered') => void;
  /** Milliseconds between polls of a call's details (default 2000). */
  pollMs?: number;
  /** Used when a test sets no timeoutSeconds. */
  defaultTimeoutSeconds: number;
  now?: () => number;
  /** The sandbox's flow runs (flow expectations, incoming calls, keys); absent on an account. */
  flows?: FlowTarget;
}

export interface FlowTarget {
  sandbox: SandboxFlows;
  /** Give the sandbox `keysFor: c => keys.keysFor(c)` so that each test's keys reach its call. */
  keys: FlowKeyRegistry;
  /** The app id of a flow file named by a test (relative to the suite), or undefined if it cannot be read. */
  appIdOfFile(file: string): string | undefined;
}

export type TestOutcome = 'passed' | 'failed' | 'errored' | 'skipped' | 'cancelled';

export interface TestResult {
  index: number;
  name: string;
  outcome: TestOutcome;
  failures: Failure[];
  /** Why it errored, was skipped or cancelled. */
  message?: string;
  callSid?: string;
  /** The call as last seen. */
  call?: Call;
  /** The flow the call ran (sandbox, with a flow file for its app id): for the run panel. */
  flowRun?: FlowRun;
  /** What the sandbox flagged about the request (e.g. an undocumented StatusCallbackEvents spelling). */
  warnings?: string[];
  /** Wall time of the test: placing the call and waiting for it. */
  ms: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Indexes of the tests to run (default: all). */
  only?: readonly number[];
  /** Tests at once (default: the suite's `parallel`). */
  parallel?: number;
  onStart?(test: SuiteTest): void;
  onResult?(test: SuiteTest, result: TestResult): void;
}

export async function runSuite(suite: ParsedSuite, target: RunTarget, options: RunOptions = {}): Promise<TestResult[]> {
  const chosen = suite.tests.filter(t => !options.only || options.only.includes(t.index));
  const results: TestResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chosen.length) {
      const test = chosen[next++];
      const result = options.signal?.aborted
        ? {
            index: test.index,
            name: test.name,
            outcome: 'cancelled' as const,
            failures: [],
            message: 'Cancelled before it started; no call was placed.',
            ms: 0,
          }
        : (options.onStart?.(test), await runTest(test, target, options.signal));
      results.push(result);
      options.onResult?.(test, result);
    }
  };
  const width = Math.max(1, Math.min(options.parallel ?? suite.parallel, chosen.length));
  await Promise.all(Array.from({ length: width }, worker));
  return results.sort((a, b) => a.index - b.index);
}

export async function runTest(test: SuiteTest, target: RunTarget, signal?: AbortSignal): Promise<TestResult> {
  const now = target.now ?? Date.now;
  const started = now();
  const base = { index: test.index, name: test.name };
  const done = (r: Omit<TestResult, 'index' | 'name' | 'ms'>): TestResult => ({ ...base, ...r, ms: now() - started });
  const errors = test.problems.filter(p => p.severity === 'error');
  if (errors.length) return done({ outcome: 'errored', failures: [], message: `The test is not valid: ${errors[0].message}` });
  const spec = test.spec;
  if (spec.skip) return done({ outcome: 'skipped', failures: [], message: 'Marked "skip".' });
  if (spec.expect.callback && !target.callbacks) {
    return done({ outcome: 'skipped', failures: [], message: target.callbacksUnavailable ?? 'Callback expectations can only be checked on the sandbox.' });
  }
  if (spec.callbackFault && !target.armCallbackFault) {
    return done({ outcome: 'skipped', failures: [], message: 'callbackFault works on the sandbox only; no call was placed.' });
  }
  const deadline = started + (spec.timeoutSeconds ?? target.defaultTimeoutSeconds) * 1000;

  const flowSpec = spec.flow;
  const flowRef = flowSpec ? flowRefOf(flowSpec, target) : undefined;
  if (flowSpec && !flowRef) return done({ outcome: 'errored', failures: [], message: `Cannot read the flow file ${flowSpec.file}, or it has no appId.` });
  if ((flowSpec?.direction === 'incoming' || spec.expect.flow) && !target.flows) {
    return done({ outcome: 'skipped', failures: [], message: 'Flow runs are simulated on the sandbox only: this test was not run.' });
  }
  if (flowSpec?.direction === 'incoming') return runIncoming(test, target as RunTarget & { flows: FlowTarget }, deadline, done, signal);

  let placed: Call;
  try {
    placed = flowRef
      ? await placeFlowCall(target, { from: spec.from!, callerId: spec.callerId!, flow: flowRef, ...spec.options }, flowSpec?.keys, signal)
      : await target.client.connectCall({ from: spec.from!, to: spec.to!, callerId: spec.callerId!, ...spec.options }, { signal });
  } catch (err) {
    if (err instanceof CancelledError) {
      const message = err.mayHaveBeenSent
        ? 'Cancelled while placing the call: it may have been placed and is not undone (see the call log).'
        : 'Cancelled; no call was placed.';
      return done({ outcome: 'cancelled', failures: [], message });
    }
    if (err instanceof ValidationError) return done({ outcome: 'errored', failures: [], message: `Not sent: ${err.message}` });
    const failures = checkError(spec.expect, err);
    if (err instanceof ExotelError && err.mayHaveBeenSent)
      failures.push({ path: ['expect'], message: 'The call may have been placed all the same: look at the call log.' });
    return done({ outcome: failures.length ? 'failed' : 'passed', failures });
  }
  // Armed as soon as the SID is known: the sandbox's first callback comes a third of the call's time later.
  if (spec.callbackFault) target.armCallbackFault!(placed.sid, spec.callbackFault, spec.expect.callback?.event ?? 'terminal');
  if (spec.expect.error && !hasCallExpectations(spec.expect)) {
    return done({ outcome: 'failed', failures: checkCall(spec.expect, placed), callSid: placed.sid, call: placed });
  }

  // A dropped callback never comes: do not wait for it (the expectation then says it was not delivered).
  const waitFor = spec.callbackFault === 'drop' ? { ...spec.expect, callback: undefined } : spec.expect;
  const waited = await waitForCall(placed, waitFor, target, deadline, signal);
  const call = waited.call;
  if (waited.cancelled) {
    return done({
      outcome: 'cancelled',
      failures: [],
      callSid: placed.sid,
      call,
      message: `Cancelled while waiting; call ${placed.sid} was placed and is not undone.`,
    });
  }
  if (!isFinalStatus(call.status)) {
    const seconds = Math.round((deadline - started) / 1000);
    const why = waited.lastError ? ` (last poll: ${waited.lastError})` : '';
    return done({
      outcome: 'failed',
      callSid: placed.sid,
      call,
      failures: [{ path: ['expect'], message: `The call was still ${call.status} after ${seconds} s${why}.`, expected: 'a final status', actual: call.status }],
    });
  }
  const failures = checkCall(spec.expect, call);
  if (spec.expect.callback) {
    const url = spec.expect.callback.url ?? spec.options.statusCallback;
    failures.push(...checkCallback(spec.expect.callback, settledCallback(target.callbacks!(), placed.sid, spec.expect.callback), url));
  }
  const flowRun = flowSpec && target.flows ? await target.flows.sandbox.finished(placed.sid) : undefined;
  if (spec.expect.flow) {
    const why = `No flow ran: no flow file has app id ${'appId' in (flowRef ?? {}) ? (flowRef as { appId: string }).appId : '(from the URL)'}, or From did not answer (its last digit).`;
    failures.push(...checkFlowRun(spec.expect.flow, flowRun, why));
  }
  const warnings = callbackWarnings(target.callbacks?.() ?? [], placed.sid);
  return done({ outcome: failures.length ? 'failed' : 'passed', failures, callSid: placed.sid, call, flowRun, ...(warnings.length ? { warnings } : {}) });
}

function flowRefOf(flow: FlowTestSpec, target: RunTarget): FlowRef | undefined {
  if (flow.appId) return { appId: flow.appId };
  if (flow.url) return { url: flow.url };
  const appId = flow.file ? target.flows?.appIdOfFile(flow.file) : undefined;
  return appId ? { appId } : undefined;
}

/** Places a connect-to-flow call with the test's keys announced for it (sandbox), or plainly (account). */
async function placeFlowCall(
  target: RunTarget,
  params: Parameters<CallApi['connectToFlow']>[0],
  keys: FlowTestSpec['keys'],
  signal?: AbortSignal,
): Promise<Call> {
  const place = (): Promise<Call> => target.client.connectToFlow(params, { signal });
  const flow = params.flow;
  const appId = 'appId' in flow ? flow.appId : (/\/exoml\/start(?:_voice)?\/(\d+)/.exec(flow.url)?.[1] ?? '');
  return target.flows ? target.flows.keys.place(params.from, appId, keys, place) : place();
}

/** From calls the ExoPhone (callerId): the sandbox runs the flow mapped to it, and the call is checked like any. */
async function runIncoming(
  test: SuiteTest,
  target: RunTarget & { flows: FlowTarget },
  deadline: number,
  done: (r: Omit<TestResult, 'index' | 'name' | 'ms'>) => TestResult,
  signal?: AbortSignal,
): Promise<TestResult> {
  const spec = test.spec;
  let flowRun: FlowRun;
  try {
    flowRun = await target.flows.sandbox.simulateIncoming({ from: spec.from!, exoPhone: spec.callerId!, keys: spec.flow?.keys, signal });
  } catch (err) {
    return done({ outcome: 'errored', failures: [], message: errorMessage(err) });
  }
  const callSid = flowRun.callSid;
  if (signal?.aborted) return done({ outcome: 'cancelled', failures: [], callSid, flowRun, message: 'Cancelled while the flow ran.' });
  let call: Call;
  try {
    call = await target.client.getCall(callSid, { details: true, signal });
  } catch (err) {
    return done({ outcome: 'errored', failures: [], callSid, flowRun, message: errorMessage(err) });
  }
  const waited = needsBilling(spec.expect) ? await waitForCall(call, spec.expect, target, deadline, signal) : { call, cancelled: false };
  const failures = [...checkCall({ ...spec.expect, flow: undefined, callback: undefined }, waited.call)];
  if (spec.expect.flow) failures.push(...checkFlowRun(spec.expect.flow, flowRun));
  return done({ outcome: failures.length ? 'failed' : 'passed', failures, callSid, call: waited.call, flowRun });
}

function hasCallExpectations(e: Expectations): boolean {
  return Object.keys(e).some(k => k !== 'error');
}

interface Waited {
  call: Call;
  cancelled: boolean;
  lastError?: string;
}

/** Polls the call until it is final and has what the test looks at (billing, a callback), or the deadline. */
async function waitForCall(placed: Call, e: Expectations, target: RunTarget, deadline: number, signal?: AbortSignal): Promise<Waited> {
  const now = target.now ?? Date.now;
  const pollMs = target.pollMs ?? 2000;
  let call = placed;
  let lastError: string | undefined;
  for (;;) {
    const left = deadline - now();
    if (left <= 0) return { call, cancelled: false, lastError };
    if (!(await sleep(Math.min(pollMs, left), signal))) return { call, cancelled: true };
    try {
      call = await target.client.getCall(placed.sid, { details: true, signal });
      lastError = undefined;
    } catch (err) {
      if (err instanceof CancelledError) return { call, cancelled: true };
      // Exotel may not list a call for a moment after placing it; anything else is retried until the deadline too.
      lastError = err instanceof NotFoundError ? 'not found yet' : errorMessage(err);
      continue;
    }
    if (!isFinalStatus(call.status)) continue;
    const billed = !needsBilling(e) || ((e.duration === undefined || call.duration !== undefined) && (e.price === undefined || call.price !== undefined));
    const called = !e.callback || settledCallback(target.callbacks?.() ?? [], placed.sid, e.callback) !== undefined;
    if (billed && called) return { call, cancelled: false };
  }
}

/** Resolves true after ms, or false as soon as the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise(resolve => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
