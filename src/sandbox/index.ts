// A faithful local Exotel v1 Voice API ("the sandbox"): real HTTP on 127.0.0.1, no phones ring.
// Editor-free: never import 'vscode' here. See outcomes.ts for the number → outcome rules.
// It imports nothing from src/exotel either, and keeps its own copy of facts the client also knows (the call-SID
// shape, the 5–60 minute recording validity, field names): an independent fake written from Exotel's
// documentation catches the client's mistakes; one sharing the client's constants would repeat them.
import { AddressInfo } from 'net';
import { basicHeader } from './auth';
import { CallbackAttempt, CallbackDispatcher } from './callbacks';
import { CallStore } from './calls';
import { SandboxContext } from './context';
import { Faults } from './faults';
import { CallbackRetrySchedule, retryDelaysOf } from './callbackRetries';
import { SandboxCalls, sandboxCalls } from './directCalls';
import { onAnswered, onTerminal } from './callbackTriggers';
import { Progression } from './progression';
import { cryptoRandom, randomHex } from './random';
import { SlidingWindowLimiter } from './rateLimit';
import { RecordedRequest } from './requestLog';
import { SeedOptions } from './seed';
import { createServer } from './server';
import { FieldStyle, PhoneEcho } from './types';
import type { NumberEcho } from './context';
import { toEcho } from './phoneEcho';
import { SEED_EXOPHONES } from './seed';
import { flowHost, SandboxFlowOptions, SandboxFlows } from './flowCalls';

export interface SandboxOptions {
  /** 0 (default) picks a free port. The host is always 127.0.0.1. */
  port?: number;
  accountSid?: string;
  apiKey?: string;
  apiToken?: string;
  /** Real milliseconds from creation to the terminal status (default 6000). */
  progressMs?: number;
  /** Further milliseconds before Duration, Price and EndTime are filled (default 4000). */
  postCallLagMs?: number;
  /** Requests per sliding 60 s window before 429 (default 200; 0 = unlimited). */
  rateLimitPerMinute?: number;
  /** A seeded call history: true (300 calls, seed 1), a seed number, or full options. */
  seed?: boolean | number | SeedOptions;
  /** Deliver every StatusCallback here instead (for testing a local webhook handler). */
  statusCallbackOverride?: string;
  now?: () => Date;
  log?: (line: string) => void;
  /** Accept the historic account-SID:token Basic auth as well as key:token (default true). */
  acceptSidAuth?: boolean;
  /**
   * When a failed StatusCallback is tried again: 'exotel' (default: 5 min, then 15 min after that, as Exotel's newer
   * docs say), 'none' (Exotel's older reference: no retry) or 'fast' (1 s, 3 s: for tests, NOT Exotel's).
   */
  callbackRetries?: CallbackRetrySchedule;
  /** Exact delays before each retry (its length is the number of retries); wins over callbackRetries. For unit tests. */
  callbackRetryDelaysMs?: number[];
  /** Per-delivery timeout (default 15000, as Exotel documents). */
  callbackTimeoutMs?: number;
  fieldStyle?: Partial<FieldStyle>;
  /** Request log size (default 1000, newest kept). */
  maxLoggedRequests?: number;
  /** Told of every StatusCallback attempt when it starts and when it ends (the same object, updated). */
  onCallback?: (attempt: CallbackAttempt) => void;
  /**
   * The "signed URLs" account feature: calls carry PreSignedRecordingUrl (no credentials, expires after
   * RecordingUrlValidity minutes, 5 by default). Default false, like an account without it; RecordingUrl is private either way.
   */
  signedRecordingUrls?: boolean;
  /** How numbers come back: 'national' (default, as Exotel does: 0-prefixed) or 'as-sent' (E.164 stays E.164). */
  numberEcho?: NumberEcho;
  /**
   * The bulk listing (GET Calls) ignores `details=true`, as Exotel's docs imply (they document it for one call's details
   * only): listed calls carry no Details/legs. Default false (the listing honours it).
   */
  bulkIgnoresDetails?: boolean;
  /** The account's ExoPhones (default SEED_EXOPHONES): Calls/connect refuses any other CallerId with a 400. */
  exoPhones?: readonly string[];
  /** Call flows the sandbox runs (Calls/connect to …/exoml/start_voice/<app id>, and simulated incoming calls). */
  flows?: SandboxFlowOptions;
}

export interface Sandbox {
  readonly baseUrl: string;
  readonly port: number;
  readonly accountSid: string;
  readonly apiKey: string;
  readonly apiToken: string;
  /** `Basic base64(apiKey:apiToken)`, ready for an Authorization header. */
  readonly authorization: string;
  readonly calls: SandboxCalls;
  readonly faults: Faults;
  /** Requests received, oldest first. */
  readonly requests: RecordedRequest[];
  /** StatusCallback delivery attempts, oldest first. */
  readonly callbacks: CallbackAttempt[];
  /** Mutable: how Duration/Price and empty values are written from now on. */
  readonly style: FieldStyle;
  /** The account's ExoPhones as Exotel writes them (0-prefixed), e.g. for a CallerId picker. */
  readonly exoPhones: readonly string[];
  /** Whether calls carry PreSignedRecordingUrl now. */
  readonly signedRecordingUrls: boolean;
  /** Turns the "signed URLs" account feature on or off. */
  setSignedRecordingUrls(on: boolean): void;
  /** Whether the bulk listing ignores `details=true` now. */
  readonly bulkIgnoresDetails: boolean;
  setBulkIgnoresDetails(on: boolean): void;
  /** The retry schedule for callbacks that fail from now on. */
  setCallbackRetries(schedule: CallbackRetrySchedule): void;
  /** Drops the StatusCallback retries that are waiting; returns how many. */
  cancelCallbackRetries(): number;
  /**
   * True when no call is progressing and no StatusCallback is on the wire or waiting to be retried: nothing more happens
   * until a new request. Tests wait for it instead of sleeping to show that nothing else arrives.
   */
  readonly idle: boolean;
  /** Flow runs: simulate an incoming call, list the runs. */
  readonly flows: SandboxFlows;
  lastRequest(): RecordedRequest | undefined;
  clearLogs(): void;
  setRateLimit(perMinute: number): void;
  setStatusCallbackOverride(url: string | undefined): void;
  close(): Promise<void>;
}

/** Exotel's documented default: 200 API requests a minute per account (past it, 429). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 200;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? (() => new Date());
  const nowMs = (): number => now().getTime();
  const log = options.log ?? (() => undefined);
  checkOverride(options.statusCallbackOverride);
  const requests: RecordedRequest[] = [];
  const attempts: CallbackAttempt[] = [];
  // The hooks read `ctx` only when a call progresses, by which time it exists.
  const progression = new Progression({
    progressMs: options.progressMs ?? 6000,
    postCallLagMs: options.postCallLagMs ?? 4000,
    now,
    onAnswered: (call, leg) => onAnswered(ctx, call, leg),
    onTerminal: call => onTerminal(ctx, call),
  });
  const ctx: SandboxContext = {
    creds: {
      accountSid: options.accountSid ?? `sandbox${randomHex(6)}`,
      apiKey: options.apiKey ?? randomHex(40),
      apiToken: options.apiToken ?? randomHex(40),
    },
    baseUrl: '',
    secret: randomHex(32, cryptoRandom),
    style: { durationPrice: 'string', empty: 'null', ...options.fieldStyle },
    signedRecordingUrls: options.signedRecordingUrls ?? false,
    exoPhones: exoPhonesOf(options.exoPhones),
    numberEcho: options.numberEcho ?? 'national',
    acceptSidAuth: options.acceptSidAuth ?? true,
    bulkIgnoresDetails: options.bulkIgnoresDetails ?? false,
    store: new CallStore(),
    progression,
    dispatcher: new CallbackDispatcher({
      timeoutMs: options.callbackTimeoutMs ?? 15_000,
      retryDelaysMs: options.callbackRetryDelaysMs ?? retryDelaysOf(options.callbackRetries),
      now,
      log,
      attempts,
      onAttempt: options.onCallback,
    }),
    faults: new Faults(),
    statusCallbackOverride: options.statusCallbackOverride,
    nowMs,
    log,
  };
  ctx.flows = flowHost(ctx, options.flows, options.postCallLagMs ?? 4000);
  const flows = ctx.flows;
  const faults = ctx.faults;
  const limiter = new SlidingWindowLimiter(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE, nowMs);
  const front = createServer({ ctx, faults, limiter, requests, maxLoggedRequests: options.maxLoggedRequests ?? 1000, acceptSidAuth: ctx.acceptSidAuth });
  await new Promise<void>((resolve, reject) => {
    front.server.once('error', reject);
    front.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (front.server.address() as AddressInfo).port;
  ctx.baseUrl = `http://127.0.0.1:${port}`;
  const calls = sandboxCalls(ctx);
  if (options.seed !== undefined && options.seed !== false) {
    calls.seed(options.seed === true ? {} : typeof options.seed === 'number' ? { seed: options.seed } : options.seed);
  }
  log(`Exotel sandbox listening on ${ctx.baseUrl} (account ${ctx.creds.accountSid})`);
  return {
    baseUrl: ctx.baseUrl,
    port,
    accountSid: ctx.creds.accountSid,
    apiKey: ctx.creds.apiKey,
    apiToken: ctx.creds.apiToken,
    authorization: basicHeader(ctx.creds.apiKey, ctx.creds.apiToken),
    calls,
    flows,
    faults,
    requests,
    callbacks: attempts,
    style: ctx.style,
    exoPhones: ctx.exoPhones.map(p => p.echo),
    get signedRecordingUrls() {
      return ctx.signedRecordingUrls;
    },
    setSignedRecordingUrls: on => {
      ctx.signedRecordingUrls = on;
    },
    get bulkIgnoresDetails() {
      return ctx.bulkIgnoresDetails;
    },
    setBulkIgnoresDetails: on => {
      ctx.bulkIgnoresDetails = on;
    },
    setCallbackRetries: schedule => ctx.dispatcher.setRetryDelays(retryDelaysOf(schedule)),
    cancelCallbackRetries: () => ctx.dispatcher.cancelRetries(),
    get idle() {
      return ctx.progression.activeCalls === 0 && flows.active === 0 && !ctx.dispatcher.busy;
    },
    lastRequest: () => requests[requests.length - 1],
    clearLogs: () => {
      requests.length = 0;
      attempts.length = 0;
    },
    setRateLimit: perMinute => {
      limiter.limit = perMinute;
      limiter.reset();
    },
    setStatusCallbackOverride: url => {
      checkOverride(url);
      ctx.statusCallbackOverride = url;
    },
    close: async () => {
      ctx.progression.close();
      flows.close();
      ctx.dispatcher.close();
      await front.close();
    },
  };
}

function exoPhonesOf(numbers: readonly string[] | undefined): PhoneEcho[] {
  if (numbers === undefined) {
    return [...SEED_EXOPHONES];
  }
  return numbers.map(n => {
    const echo = toEcho(n);
    if (!echo) {
      throw new Error(`exoPhones: '${n}' is not a phone number`);
    }
    return echo;
  });
}

function checkOverride(url: string | undefined): void {
  if (url !== undefined && !/^https?:\/\/[^/]+/i.test(url)) {
    throw new Error(`statusCallbackOverride must be an http:// or https:// URL (got '${url}')`);
  }
}

export { OUTCOME_RULES, INBOUND_OUTCOMES, RESERVED_SERIES, DND_MESSAGE, KYC_MESSAGE, NOT_EXOPHONE_MESSAGE, describeRules } from './outcomes';
export { CALLBACK_INBOX_PATH } from './router';
export type { NumberEcho } from './context';
export { SEED_EXOPHONES, SEED_AGENTS } from './seed';
export type { SeedOptions } from './seed';
export type { Fault, FaultMatch, CallbackFault, CallbackFaultMatch, CallbackFaultKind } from './faults';
export { CALLBACK_FAULT_KINDS } from './faults';
export { CALLBACK_RETRY_SCHEDULES, CALLBACK_RETRY_SCHEDULE_NAMES, DEFAULT_CALLBACK_RETRIES } from './callbackRetries';
export type { CallbackRetrySchedule } from './callbackRetries';
export { CallbackDispatcher, DEFAULT_LATE_MS } from './callbacks';
export type { CallbackJob, DispatcherOptions } from './callbacks';
export type { RecordedRequest } from './requestLog';
export type { CallbackAttempt } from './callbacks';
export type { SandboxCalls, AddCallInit } from './directCalls';
export type { CallRecord, CallStatus, Direction, FieldStyle, TerminalStatus } from './types';
export type { SandboxFlowOptions, SandboxFlows, IncomingCallInit } from './flowCalls';
