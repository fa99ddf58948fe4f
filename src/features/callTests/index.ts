import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { COMMANDS } from '../../common/commandIds';
import { registerCommand } from '../../common/commands';
import { showInfo } from '../../common/notify';
import { Deps } from '../../deps';
import { FlowKeyRegistry } from '../../callTests';
import { SandboxControl } from '../../services/sandbox/sandboxControl';
import { runTests } from './runTests';
import { SuiteItems } from './suiteItems';

export interface CallTests {
  controller: vscode.TestController;
  items: SuiteItems;
  lastCalls: Map<string, string>;
  runProfile: vscode.TestRunProfile;
}

/** `*.exotel-tests.json` suites in the Test Explorer: discovery, Run / Run All, results at their lines. */
export function registerCallTests({ context, log, session }: Deps, sandbox: SandboxControl, flowKeys = new FlowKeyRegistry()): CallTests {
  const controller = vscode.tests.createTestController('exotel.callTests', t('Exotel call tests'));
  const items = new SuiteItems(controller);
  const lastCalls = new Map<string, string>();
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
  context.subscriptions.push(
    controller,
    items,
    registerCommand(log, COMMANDS.callTestsShowCall, (item?: vscode.TestItem) => {
      const sid = item && lastCalls.get(item.id);
      if (!sid) return void showInfo(t('This test has not placed a call yet: run it first.'));
      return vscode.commands.executeCommand(COMMANDS.showCallDetails, sid);
    }),
  );
  return { controller, items, lastCalls, runProfile };
}
