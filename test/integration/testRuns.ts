// Runs Test Explorer items through the call-test controller's own run profile and records what the run reported
// (the Testing API gives extensions no way to read results back).
import * as vscode from 'vscode';
import { api } from './helpers';

export interface Recorded {
  passed: string[];
  failed: Array<{ id: string; messages: vscode.TestMessage[] }>;
  errored: Array<{ id: string; messages: vscode.TestMessage[] }>;
  skipped: string[];
  ended: boolean;
}

/** Runs items through the controller's own run profile, recording what the run reported. */
export async function runItems(items: readonly vscode.TestItem[], onStarted?: (id: string, cancel: () => void) => void): Promise<Recorded> {
  const { callTests } = await api();
  const rec: Recorded = { passed: [], failed: [], errored: [], skipped: [], ended: false };
  const tokens = new vscode.CancellationTokenSource();
  const controller = callTests.controller;
  const create = controller.createTestRun;
  controller.createTestRun = (request, name, persist) => {
    const run = create.call(controller, request, name, persist);
    const list = (m: vscode.TestMessage | readonly vscode.TestMessage[]) => (Array.isArray(m) ? [...m] : [m as vscode.TestMessage]);
    return Object.assign(Object.create(run), {
      started: (i: vscode.TestItem) => {
        run.started(i);
        onStarted?.(i.id, () => tokens.cancel());
      },
      passed: (i: vscode.TestItem, d?: number) => {
        rec.passed.push(i.id);
        run.passed(i, d);
      },
      failed: (i: vscode.TestItem, m: vscode.TestMessage | readonly vscode.TestMessage[], d?: number) => {
        rec.failed.push({ id: i.id, messages: list(m) });
        run.failed(i, m, d);
      },
      errored: (i: vscode.TestItem, m: vscode.TestMessage | readonly vscode.TestMessage[], d?: number) => {
        rec.errored.push({ id: i.id, messages: list(m) });
        run.errored(i, m, d);
      },
      skipped: (i: vscode.TestItem) => {
        rec.skipped.push(i.id);
        run.skipped(i);
      },
      end: () => {
        rec.ended = true;
        run.end();
      },
    }) as vscode.TestRun;
  };
  try {
    await callTests.runProfile.runHandler(new vscode.TestRunRequest(items), tokens.token);
  } finally {
    controller.createTestRun = create;
  }
  return rec;
}
