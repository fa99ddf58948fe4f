// Runs what the user picked in the Test Explorer: file by file, each test's result at its place in the file,
// with expected against actual, the Call SID, a link to its details panel, and how long the call took.
import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import * as path from 'path';
import { Failure, FlowKeyRegistry, RunningHandler, runSuite, startHandler, TestResult } from '../../callTests';
import { COMMANDS } from '../../common/commandIds';
import { Log } from '../../common/log';
import { Session } from '../../session/session';
import { SandboxControl } from '../../services/sandbox/sandboxControl';
import { SuiteEntry, SuiteItems, toRange } from './suiteItems';
import { suiteTarget } from './suiteTarget';
import { errorMessage } from '../../base/errorMessage';

export interface RunDeps {
  controller: vscode.TestController;
  items: SuiteItems;
  session: Session;
  sandbox: SandboxControl;
  log: Log;
  /** The Call SID each test placed last, for "Show Call Details". */
  lastCalls: Map<string, string>;
  /** Where flow tests announce their keys (the sandbox reads it). */
  flowKeys?: FlowKeyRegistry;
}

export async function runTests(deps: RunDeps, request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
  const run = deps.controller.createTestRun(request);
  const abort = new AbortController();
  const cancel = token.onCancellationRequested(() => abort.abort());
  try {
    const picked = collect(deps.items, request);
    for (const [entry, indexes] of picked) {
      if (token.isCancellationRequested) break;
      await runEntry(deps, run, entry, indexes, abort.signal);
    }
  } finally {
    cancel.dispose();
    run.end();
  }
}

/** Files and the test indexes picked in each (all, for a file item or Run All), minus excluded ones. */
function collect(items: SuiteItems, request: vscode.TestRunRequest): Map<SuiteEntry, Set<number>> {
  const picked = new Map<SuiteEntry, Set<number>>();
  const add = (entry: SuiteEntry, index?: number) => {
    const set = picked.get(entry) ?? new Set<number>();
    if (index === undefined) entry.tests.forEach((_, i) => set.add(i));
    else set.add(index);
    picked.set(entry, set);
  };
  if (request.include) {
    for (const item of request.include) {
      const found = items.locate(item);
      if (found) add(found.entry, found.index);
    }
  } else {
    items.all().forEach(e => add(e));
  }
  for (const item of request.exclude ?? []) {
    const found = items.locate(item);
    if (found?.index !== undefined) picked.get(found.entry)?.delete(found.index);
    else if (found) picked.delete(found.entry);
  }
  return picked;
}

async function runEntry(deps: RunDeps, run: vscode.TestRun, stale: SuiteEntry, indexes: Set<number>, signal: AbortSignal): Promise<void> {
  // Run what the file says now, unsaved edits included.
  const entry = deps.items.update(stale.uri, await deps.items.text(stale.uri));
  const { suite, uri } = entry;
  const text = suite.text;
  const tests = suite.tests.filter(x => indexes.has(x.index) || indexes.size === 0);
  const itemOf = (index: number) => entry.tests.get(index);
  for (const test of tests) {
    const item = itemOf(test.index);
    if (item) run.enqueued(item);
  }
  const errorAll = (message: string) => {
    for (const test of tests) {
      const item = itemOf(test.index);
      if (item) run.errored(item, new vscode.TestMessage(message));
    }
  };
  if (suite.suiteProblems.length) {
    const p = suite.suiteProblems[0];
    const m = new vscode.TestMessage(t('The suite cannot run: {0}', p.message));
    m.location = new vscode.Location(uri, toRange(text, p));
    for (const test of tests) {
      const item = itemOf(test.index);
      if (item) run.errored(item, m);
    }
    return;
  }
  let chosen;
  try {
    chosen = await suiteTarget(suite, tests, deps.session, deps.sandbox, uri.scheme === 'file' ? uri.fsPath : undefined, deps.flowKeys);
  } catch (err) {
    deps.log.error('Call tests', err);
    errorAll(errorMessage(err));
    return;
  }
  if ('refused' in chosen) {
    errorAll(chosen.refused);
    return;
  }
  // The suite's own handler (the developer's flow URLs), started for the run and stopped after it.
  let handler: RunningHandler | undefined;
  if (suite.handler && uri.scheme === 'file') {
    try {
      handler = await startHandler(suite.handler, path.dirname(uri.fsPath));
      run.appendOutput(
        handler.started
          ? t('Started the handler: {0}', suite.handler.command) + '\r\n'
          : t('A handler already answers at {0}: using it', suite.handler.ready) + '\r\n',
      );
    } catch (err) {
      errorAll(err instanceof Error ? err.message : String(err));
      return;
    }
  }
  try {
    await runSuite(suite, chosen.target, {
      signal,
      only: tests.map(x => x.index),
      onStart: test => {
        const item = itemOf(test.index);
        if (item) run.started(item);
      },
      onResult: (test, result) => {
        const item = itemOf(test.index);
        if (!item) return;
        if (result.callSid) deps.lastCalls.set(item.id, result.callSid);
        report(run, item, result, entry, test.range);
      },
    });
  } finally {
    await handler?.stop();
  }
}

function report(run: vscode.TestRun, item: vscode.TestItem, r: TestResult, entry: SuiteEntry, testRange: { offset: number; length: number }): void {
  const text = entry.suite.text;
  const where = (path: Failure['path']) => {
    const range = entry.suite.locate(['tests', r.index, ...path]) ?? testRange;
    return new vscode.Location(entry.uri, toRange(text, range));
  };
  const seconds = (r.ms / 1000).toFixed(1);
  const sid = r.callSid ? ` · CallSid ${r.callSid}` : '';
  run.appendOutput(
    `${r.outcome === 'passed' ? '✓' : r.outcome === 'failed' ? '✗' : '-'} ${r.name} (${seconds} s${sid})${r.message ? ` — ${r.message}` : ''}\r\n` +
      (r.warnings ?? []).map(w => `  ⚠ ${w}\r\n`).join(''),
    undefined,
    item,
  );
  switch (r.outcome) {
    case 'passed':
      run.passed(item, r.ms);
      return;
    case 'skipped':
      run.skipped(item);
      return;
    case 'errored':
    case 'cancelled': {
      const m = new vscode.TestMessage(r.message ?? r.outcome);
      m.location = new vscode.Location(entry.uri, toRange(text, testRange));
      // A cancelled test that placed nothing is simply skipped; one whose call is out there says so.
      if (r.outcome === 'cancelled' && !r.callSid) run.skipped(item);
      else run.errored(item, m, r.ms);
      return;
    }
    case 'failed':
      run.failed(
        item,
        r.failures.map(f => message(f, r, where(f.path))),
        r.ms,
      );
  }
}

function message(f: Failure, r: TestResult, location: vscode.Location): vscode.TestMessage {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendText(f.message);
  if (r.callSid) {
    md.appendMarkdown(
      `\n\n${t('Call')} \`${r.callSid}\` · [${t('Show call details')}](command:${COMMANDS.showCallDetails}?${encodeURIComponent(JSON.stringify([r.callSid]))}) · ${t('{0} s', (r.ms / 1000).toFixed(1))}`,
    );
  }
  if (r.flowRun) {
    // The run's panel: the graph with the path the call took, every request and answer.
    md.appendMarkdown(` · [${t('Show flow run')}](command:${COMMANDS.flowsShowRun}?${encodeURIComponent(JSON.stringify([r.flowRun.id]))})`);
  }
  md.isTrusted = { enabledCommands: [COMMANDS.showCallDetails, COMMANDS.flowsShowRun] };
  const m = f.expected !== undefined && f.actual !== undefined ? vscode.TestMessage.diff(md, f.expected, f.actual) : new vscode.TestMessage(md);
  m.location = location;
  return m;
}
