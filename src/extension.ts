import * as vscode from 'vscode';
import { useTranslator } from './common/callText/translate';
import { Log } from './common/log';
import { useNotificationMask } from './common/notify';
import { Deps } from './deps';
import { registerAccounts } from './features/accounts';
import { ProfileStore } from './session/profileStore';
import { Session } from './session/session';
import { registerCallLog } from './features/callLog';
import { registerCallbacks } from './features/callbacks';
import { registerCallStats } from './features/callStats';
import { registerCallTests } from './features/callTests';
import { registerCalls } from './features/calls';
import { registerFlows } from './features/flows';
import { FlowKeyRegistry } from './callTests';
import { registerNumbers } from './features/numbers';
import { registerPrivacy } from './features/privacy';
import { registerSandbox } from './features/sandbox';
import { registerTools } from './features/tools';
import { createServices } from './services';
import { registerMcpServer } from './features/mcp';
import { ExotelTestHandle, testClock, testHandle } from './testHandle';

// For the in-host test that checks no handle is given outside ExtensionMode.Test (module exports, not the API).
export { testHandle };

/** What activate() returns: nothing, except a narrow handle with no secret in it for the in-host tests. */
export type ExotelExtensionApi = ExotelTestHandle;

// The composition root: create the shared parts, hand them to each feature, which owns its registrations.
export function activate(context: vscode.ExtensionContext): ExotelExtensionApi | undefined {
  const started = performance.now();
  const cpuStarted = process.cpuUsage(); // CPU time too: on a loaded machine the wall time counts time not running
  const phases: string[] = [];
  // Each feature's share of activation, in the log: the budget is 10 ms for all of them.
  const timed = <T>(name: string, register: () => T): T => {
    const t = performance.now();
    const result = register();
    phases.push(`${name} ${(performance.now() - t).toFixed(1)}`);
    return result;
  };
  useTranslator(vscode.l10n.t); // editor-free text (call summaries, labels) in the user's language
  const log = new Log();
  const profiles = new ProfileStore(context, log);
  const session = new Session(profiles, log);
  context.subscriptions.push(log, profiles, session);
  useNotificationMask(text => log.mask(text));
  const deps: Deps = { context, log, session };

  const maskingNumbers = timed('privacy', () => registerPrivacy(deps)); // first: every view asks it how to show numbers
  const statusBar = timed('accounts', () => registerAccounts(deps));
  const { numbers, calls: history, sandbox } = timed('services', () => createServices(deps));
  timed('sandbox', () => registerSandbox(deps, sandbox));
  const { callLog, callDetails } = timed('callLog', () => registerCallLog(deps, history));
  timed('numbers', () => registerNumbers(deps, numbers, history));
  const callbacks = timed('callbacks', () => registerCallbacks(deps, sandbox));
  const clock = testClock(context); // ExtensionMode.Test only: a clock the in-host tests can move
  const calls = timed('calls', () => registerCalls(deps, numbers, history, callbacks.inboxUrl, clock?.now));
  const callStats = timed('callStats', () => registerCallStats(deps, callLog, numbers));
  const tools = timed('tools', () => registerTools(deps, { numbers, calls, stats: callStats }));
  // The keys each call test announces for its flow call, read by the sandbox the flows feature feeds.
  const flowKeys = new FlowKeyRegistry();
  const callTests = timed('callTests', () => registerCallTests(deps, sandbox, flowKeys));
  const flows = timed('flows', () => registerFlows(deps, sandbox, flowKeys));
  const mcp = timed('mcp', () => registerMcpServer(deps));

  void session.init();
  const activationMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  log.info(`Exotel activated in ${activationMs.toFixed(1)} ms, ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms of CPU (${phases.join(', ')})`);
  // Other extensions get nothing: the session and the context would hand them this extension's secrets.
  return testHandle({
    context,
    log,
    session,
    activationMs,
    statusBar,
    sandbox,
    callLog,
    callDetails,
    placer: calls.placer,
    clock,
    numbers,
    maskingNumbers,
    tools,
    mcp,
    callTests,
    callbacks,
    callStats,
    flows,
  });
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions, disposed by VS Code.
}
