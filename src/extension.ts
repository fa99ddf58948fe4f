import * as vscode from 'vscode';
import { useTranslator } from './common/callText/translate';
import { Log } from './common/log';
import { Deps } from './deps';
import { registerAccounts } from './features/accounts';
import { AccountStatusBar } from './features/accounts/statusBar';
import { ProfileStore } from './session/profileStore';
import { Session } from './session/session';
import { CallDetailsPanels, registerCallLog } from './features/callLog';
import { CallLog } from './features/callLog/callLog';
import { CallService, registerCalls } from './features/calls';
import { registerCallStats } from './features/callStats';
import { registerNumbers } from './features/numbers';
import { dndMeaning } from './features/numbers/numberText';
import { registerSandbox } from './features/sandbox';
import { registerTools, Tools } from './features/tools';

/** What activate() returns: a handle for the in-host tests, not a public API. */
export interface ExotelExtensionApi {
  activationMs: number;
  deps: Deps;
  statusBar: AccountStatusBar;
  sandbox: ReturnType<typeof registerSandbox>;
  callLog: CallLog;
  callDetails: CallDetailsPanels;
  placer: CallService['placer'];
  numbers: ReturnType<typeof registerNumbers>;
  tools: Tools;
  callStats: ReturnType<typeof registerCallStats>;
}

// The composition root: create the shared parts, hand them to each feature, which owns its registrations.
export function activate(context: vscode.ExtensionContext): ExotelExtensionApi {
  const started = performance.now();
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
  const deps: Deps = { context, log, session };

  const statusBar = timed('accounts', () => registerAccounts(deps));
  const sandbox = timed('sandbox', () => registerSandbox(deps));
  const { callLog, callDetails } = timed('callLog', () => registerCallLog(deps));
  const numbers = timed('numbers', () => registerNumbers(deps));
  const calls = timed('calls', () => registerCalls(deps, numbers, call => callLog.showPlaced(call)));
  const tools = timed('tools', () => registerTools(deps, { numbers, dndMeaning, calls }));
  const callStats = timed('callStats', () => registerCallStats(deps, callLog, numbers));

  void session.init();
  const activationMs = performance.now() - started;
  log.info(`Exotel activated in ${activationMs.toFixed(1)} ms (${phases.join(', ')})`);
  return { activationMs, deps, statusBar, sandbox, callLog, callDetails, placer: calls.placer, numbers, tools, callStats };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions, disposed by VS Code.
}
