// What activate() returns to the in-host tests, and only to them (ExtensionMode.Test): narrow views of the
// features, made of closures, so that nothing reachable from the handle leads to the session, the
// ExtensionContext or a profile's key and token. Another extension calling activate() gets undefined.
import * as vscode from 'vscode';
import { Log } from './common/log';
import { AccountStatusBar } from './features/accounts/statusBar';
import { Profile } from './session/profile';
import { Session } from './session/session';
import { CallDetailsPanels } from './features/callLog';
import { CallLog } from './features/callLog/callLog';
import { CallPlacer } from './features/calls/callPlacer';
import { LocalSandbox } from './services/sandbox/localSandbox';
import { NumberInfoService } from './services/numbers/numberInfoService';
import { CallbacksFeature } from './features/callbacks';
import { CallTests } from './features/callTests';
import { Tools } from './features/tools';
import { McpFeature } from './features/mcp';
import { CallStatsPanel } from './features/callStats/callStatsPanel';
import { FlowsFeature } from './features/flows';

/**
 * A view of `target` with only the named members: methods bound, properties as getters. The target itself is
 * held by the closures only, so walking the view's properties never reaches it.
 */
export function narrow<T extends object, K extends keyof T>(target: T, keys: readonly K[]): Pick<T, K> {
  const view = {} as Pick<T, K>;
  for (const key of keys) {
    const value = target[key];
    if (typeof value === 'function') {
      const call = (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args);
      Object.defineProperty(call, 'length', { value: value.length }); // as many parameters as the method it calls
      Object.defineProperty(view, key, { enumerable: true, value: call });
    } else {
      Object.defineProperty(view, key, { enumerable: true, get: () => target[key] });
    }
  }
  return Object.freeze(view);
}

/**
 * A clock the in-host tests can stop and move on, so that a time window (Repeat Last Call's) is tested without
 * waiting it out or racing it. Made only in ExtensionMode.Test (see testClock); otherwise the real clock is used.
 */
export class TestClock {
  private stoppedAt: number | undefined;
  /** The time the features read: the real time, or the moment the clock was stopped at (moved on by `advance`). */
  readonly now = (): number => this.stoppedAt ?? Date.now();
  /** Stops the clock at the present moment. */
  stop(): void {
    this.stoppedAt = Date.now();
  }
  /** Moves the stopped clock on by `ms`. */
  advance(ms: number): void {
    if (this.stoppedAt === undefined) throw new Error('the test clock is running: stop it before moving it');
    this.stoppedAt += ms;
  }
  /** Back to the real time. */
  resume(): void {
    this.stoppedAt = undefined;
  }
}

/** A test clock in ExtensionMode.Test, undefined in every other mode (the features then read Date.now). */
export function testClock(context: vscode.ExtensionContext): TestClock | undefined {
  return context.extensionMode === vscode.ExtensionMode.Test ? new TestClock() : undefined;
}

/** A profile as tests see it: everything but the credentials (which never leave SecretStorage). */
export type ProfileView = Readonly<Profile>;

const STATS_PANEL_KEYS = [
  'figures',
  'lastView',
  'lastStats',
  'configure',
  'refresh',
  'showCalls',
  'select',
  'exportCsv',
  'saveImage',
  'lookUpUnknown',
] as const;
type StatsPanelView = Pick<CallStatsPanel, (typeof STATS_PANEL_KEYS)[number]>;

export interface ExotelTestHandle {
  activationMs: number;
  log: Pick<Log, 'recent' | 'shown' | 'info'>;
  /** Who is signed in, without the client (which holds the key and token). */
  account: {
    current(): Promise<ProfileView | undefined>;
    list(): ProfileView[];
    setActive(id: string | undefined): Promise<void>;
    remove(id: string): Promise<void>;
  };
  /** The extension's global state (no secrets live there), for tests that check what it keeps. */
  globalState: Pick<vscode.Memento, 'get' | 'update'>;
  /** SecretStorage, write and compare only: a test can check what was stored without reading it back. */
  secrets: {
    store(key: string, value: string): Promise<void>;
    has(key: string): Promise<boolean>;
    holds(key: string, value: string): Promise<boolean>;
  };
  statusBar: { readonly text: string };
  sandbox: Pick<LocalSandbox, 'handle' | 'baseUrl'>;
  callLog: {
    model: Pick<CallLog['model'], 'state' | 'hasMore' | 'pagesFetched' | 'ensureLoaded' | 'loadMore' | 'reset' | 'reload'>;
    provider: Pick<CallLog['provider'], 'getChildren' | 'getTreeItem'>;
    view: Pick<CallLog['view'], 'description' | 'message'>;
    restart(): void;
    readonly currentFilter: CallLog['currentFilter'];
  };
  callDetails: CallDetailsPanels;
  /** Repeat Last Call's window, and the clock it is measured on (stop it, move it on, resume it). */
  placer: { readonly repeatWindowMs: number; clock: Pick<TestClock, 'stop' | 'advance' | 'resume'> };
  numbers: Pick<NumberInfoService, 'requestCount' | 'signedIn' | 'size' | 'lookup' | 'peek' | 'entry' | 'clear' | 'saveNow'>;
  /** Whether exotel.privacy.maskNumbers is in effect. */
  maskingNumbers(): boolean;
  tools: { placeTestCall: Pick<Tools['placeTestCall'], 'prepareInvocation' | 'invoke' | 'budget'> };
  /** The MCP server definitions offered to VS Code (1.101+); resolved ones show no key or token. */
  mcp: McpFeature;
  /** The Test Explorer's controller and suites (they hold no session). */
  callTests: CallTests;
  /** The open Call Stats panel, narrowed to what the tests drive and read (the panel's source holds the session). */
  callStats: { panel(): StatsPanelView | undefined };
  callbacks: {
    store: Pick<CallbacksFeature['store'], 'get' | 'all' | 'size'>;
    receiver: Pick<CallbacksFeature['receiver'], 'current'>;
    rows: CallbacksFeature['rows'];
    countingDown: CallbacksFeature['countingDown'];
    panelView: CallbacksFeature['panelView'];
  };
  /** Flow files, runs, the run panel and the keys a Gather waits for. */
  flows: FlowsFeature;
}

export interface HandleParts {
  context: vscode.ExtensionContext;
  log: Log;
  session: Session;
  activationMs: number;
  statusBar: AccountStatusBar;
  sandbox: LocalSandbox;
  callLog: CallLog;
  callDetails: CallDetailsPanels;
  placer: CallPlacer;
  /** From testClock(): defined whenever the handle is (both in ExtensionMode.Test only). */
  clock: TestClock | undefined;
  numbers: NumberInfoService;
  maskingNumbers: () => boolean;
  tools: Tools;
  mcp: McpFeature;
  callTests: CallTests;
  callbacks: CallbacksFeature;
  callStats: { panel(): CallStatsPanel | undefined };
  flows: FlowsFeature;
}

/** The handle for ExtensionMode.Test; undefined in every other mode. */
export function testHandle(p: HandleParts): ExotelTestHandle | undefined {
  if (p.context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  const { context, session } = p;
  const plain = (profile: Profile | undefined) => (profile ? Object.freeze({ ...profile }) : undefined);
  return Object.freeze({
    activationMs: p.activationMs,
    log: narrow(p.log, ['recent', 'shown', 'info']),
    account: Object.freeze({
      current: async () => plain((await session.current())?.profile),
      list: () => session.profiles.list().map(profile => plain(profile)!),
      setActive: (id: string | undefined) => session.profiles.setActive(id),
      remove: (id: string) => session.profiles.remove(id),
    }),
    globalState: narrow(context.globalState, ['get', 'update']),
    secrets: Object.freeze({
      store: (key: string, value: string) => Promise.resolve(context.secrets.store(key, value)),
      has: async (key: string) => (await context.secrets.get(key)) !== undefined,
      holds: async (key: string, value: string) => (await context.secrets.get(key)) === value,
    }),
    statusBar: narrow(p.statusBar, ['text']),
    sandbox: narrow(p.sandbox, ['handle', 'baseUrl']),
    callLog: Object.freeze({
      model: narrow(p.callLog.model, ['state', 'hasMore', 'pagesFetched', 'ensureLoaded', 'loadMore', 'reset', 'reload']),
      provider: narrow(p.callLog.provider, ['getChildren', 'getTreeItem']),
      view: narrow(p.callLog.view, ['description', 'message']),
      restart: () => p.callLog.restart(),
      get currentFilter() {
        return p.callLog.currentFilter;
      },
    }),
    callDetails: narrow(p.callDetails, ['view', 'refresh', 'perform', 'recordingCopy']),
    placer: Object.freeze({ repeatWindowMs: CallPlacer.REPEAT_WINDOW_MS, clock: narrow(p.clock!, ['stop', 'advance', 'resume']) }),
    numbers: narrow(p.numbers, ['requestCount', 'signedIn', 'size', 'lookup', 'peek', 'entry', 'clear', 'saveNow']),
    maskingNumbers: () => p.maskingNumbers(),
    tools: Object.freeze({ placeTestCall: narrow(p.tools.placeTestCall, ['prepareInvocation', 'invoke', 'budget']) }),
    mcp: narrow(p.mcp, ['registered', 'offered', 'resolvedForTest']),
    callTests: p.callTests,
    callStats: Object.freeze({
      panel: () => {
        const panel = p.callStats.panel();
        return panel && narrow(panel, STATS_PANEL_KEYS);
      },
    }),
    callbacks: Object.freeze({
      store: narrow(p.callbacks.store, ['get', 'all', 'size']),
      receiver: narrow(p.callbacks.receiver, ['current']),
      rows: () => p.callbacks.rows(),
      countingDown: () => p.callbacks.countingDown(),
      panelView: () => p.callbacks.panelView(),
    }),
    flows: Object.freeze({
      // Each part narrowed like the others: the feature's own objects (workspace, store) hold the log and more.
      workspace: narrow(p.flows.workspace, ['flows', 'diagnosticsOf', 'refresh', 'ready']),
      runs: narrow(p.flows.runs, ['all', 'get']),
      rows: () => p.flows.rows(),
      panelView: (runId: string) => p.flows.panelView(runId),
      waitingFor: (runId: string) => p.flows.waitingFor(runId),
      pressKeys: (runId: string, keys: string) => p.flows.pressKeys(runId, keys),
      showRun: (run: Parameters<FlowsFeature['showRun']>[0]) => p.flows.showRun(run),
    }),
  });
}
