import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { COMMANDS } from '../../common/commandIds';
import { registerCommand } from '../../common/commands';
import { showInfo } from '../../common/notify';
import { Deps } from '../../deps';
import { FlowKeyRegistry } from '../../callTests';
import { SandboxControl } from '../../services/sandbox/sandboxControl';
import { runTests } from './runTests';
import { isSuiteUri, SUITE_GLOB, SuiteItems } from './suiteItems';

/** What the in-host tests use; reading controller, items or runProfile creates the controller. */
export interface CallTests {
  readonly controller: vscode.TestController;
  readonly items: SuiteItems;
  lastCalls: Map<string, string>;
  readonly runProfile: vscode.TestRunProfile;
}

/**
 * `*.exotel-tests.json` suites in the Test Explorer: discovery, Run / Run All, results at their lines. The controller
 * (and its watcher) is created when first needed, off the activation path: once the workspace is found to hold a
 * suite, a suite file is created or opened, or something asks for it.
 */
export function registerCallTests({ context, log, session }: Deps, sandbox: SandboxControl, flowKeys = new FlowKeyRegistry()): CallTests {
  const lastCalls = new Map<string, string>();
  let made: Omit<CallTests, 'lastCalls'> | undefined;
  // What waits for the first suite; once the controller exists, its own watcher takes over.
  const watcher = vscode.workspace.createFileSystemWatcher(SUITE_GLOB, false, true, true);
  const triggers = vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(uri => needed(uri)),
    vscode.workspace.onDidOpenTextDocument(doc => needed(doc.uri)),
  );
  const ensure = () => {
    if (!made) {
      made = createController({ context, log, session }, sandbox, flowKeys, lastCalls);
      triggers.dispose();
    }
    return made;
  };
  const needed = (uri: vscode.Uri) => {
    if (isSuiteUri(uri)) ensure();
  };
  context.subscriptions.push(
    triggers,
    registerCommand(log, COMMANDS.callTestsShowCall, (item?: vscode.TestItem) => {
      const sid = item && lastCalls.get(item.id);
      if (!sid) return void showInfo(t('This test has not placed a call yet: run it first.'));
      return vscode.commands.executeCommand(COMMANDS.showCallDetails, sid);
    }),
  );
  // After activation: one file is enough to know the Test Explorer is wanted here.
  setTimeout(() => {
    if (!made)
      void vscode.workspace.findFiles(SUITE_GLOB, '**/node_modules/**', 1).then(
        found => {
          if (found.length) ensure();
        },
        () => undefined,
      );
  });
  return {
    lastCalls,
    get controller() {
      return ensure().controller;
    },
    get items() {
      return ensure().items;
    },
    get runProfile() {
      return ensure().runProfile;
    },
  };
}

function createController({ context, log, session }: Deps, sandbox: SandboxControl, flowKeys: FlowKeyRegistry, lastCalls: Map<string, string>) {
  const controller = vscode.tests.createTestController('exotel.callTests', t('Exotel call tests'));
  const items = new SuiteItems(controller);
  controller.resolveHandler = async item => {
    if (!item) await items.discover();
  };
  controller.refreshHandler = () => items.discover();
  const runProfile = controller.createRunProfile(
    t('Run'),
    vscode.TestRunProfileKind.Run,
    (request, token) => runTests({ controller, items, session, sandbox, log, lastCalls, flowKeys }, request, token),
    true,
  );
  context.subscriptions.push(controller, items);
  return { controller, items, runProfile };
}
