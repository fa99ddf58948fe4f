// Keeps the Test Explorer's tree in step with the `*.exotel-tests.json` files: one item per file, one child per
// test at its place, re-read on every edit (open documents) or save (files on disk), with diagnostics.
import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { lineColumn, ParsedSuite, parseSuite, SUITE_FILE_SUFFIX, TextRange } from '../../callTests';
import { Disposable } from '../../common/disposable';

export const SUITE_GLOB = `**/*${SUITE_FILE_SUFFIX}`;

export interface SuiteEntry {
  uri: vscode.Uri;
  suite: ParsedSuite;
  item: vscode.TestItem;
  /** Test items by the test's index in the file. */
  tests: Map<number, vscode.TestItem>;
}

export function toRange(text: string, r: TextRange): vscode.Range {
  const a = lineColumn(text, r.offset);
  const b = lineColumn(text, r.offset + r.length);
  return new vscode.Range(a.line, a.column, b.line, b.column);
}

export function isSuiteUri(uri: vscode.Uri): boolean {
  return uri.path.endsWith(SUITE_FILE_SUFFIX);
}

export class SuiteItems extends Disposable {
  private readonly entries = new Map<string, SuiteEntry>();
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('exotel.callTests'));
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  private readonly timers = new Map<string, NodeJS.Timeout>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly controller: vscode.TestController) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(SUITE_GLOB));
    this.register(watcher.onDidCreate(uri => void this.readFile(uri)));
    this.register(
      watcher.onDidChange(uri => {
        if (!openDocument(uri)) void this.readFile(uri);
      }),
    );
    this.register(watcher.onDidDelete(uri => this.remove(uri)));
    this.register(
      vscode.workspace.onDidOpenTextDocument(doc => {
        if (isSuiteUri(doc.uri)) this.update(doc.uri, doc.getText());
      }),
    );
    // An event without content changes is only the dirty flag (a save, a deleted file): nothing to re-read.
    this.register(
      vscode.workspace.onDidChangeTextDocument(e => {
        if (isSuiteUri(e.document.uri) && e.contentChanges.length) this.later(e.document);
      }),
    );
    this.register({ dispose: () => this.timers.forEach(clearTimeout) });
    // Closing without saving: the file on disk is the truth again.
    this.register(
      vscode.workspace.onDidCloseTextDocument(doc => {
        if (isSuiteUri(doc.uri)) void this.readFile(doc.uri);
      }),
    );
  }

  /** Finds every suite in the workspace (the controller's resolveHandler calls it once). */
  async discover(): Promise<void> {
    const uris = await vscode.workspace.findFiles(SUITE_GLOB, '**/node_modules/**');
    await Promise.all(uris.map(uri => this.readFile(uri)));
  }

  get(uri: vscode.Uri): SuiteEntry | undefined {
    return this.entries.get(uri.toString());
  }

  all(): SuiteEntry[] {
    return [...this.entries.values()];
  }

  /** The entry and test index of a test item, or the entry of a file item. */
  locate(item: vscode.TestItem): { entry: SuiteEntry; index?: number } | undefined {
    for (const entry of this.entries.values()) {
      if (entry.item === item) return { entry };
      for (const [index, child] of entry.tests) if (child === item) return { entry, index };
    }
    return undefined;
  }

  /** The current text: the open (maybe unsaved) document, else the file. */
  async text(uri: vscode.Uri): Promise<string> {
    const doc = openDocument(uri);
    if (doc) return doc.getText();
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  async readFile(uri: vscode.Uri): Promise<SuiteEntry | undefined> {
    try {
      return this.update(uri, await this.text(uri));
    } catch {
      this.remove(uri);
      return undefined;
    }
  }

  /** Re-reads a document a moment after typing stops: a big suite takes a while to check. */
  private later(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed) this.update(doc.uri, doc.getText());
      }, 150),
    );
  }

  update(uri: vscode.Uri, text: string): SuiteEntry {
    const key = uri.toString();
    let entry = this.entries.get(key);
    clearTimeout(this.timers.get(key));
    if (entry && entry.suite.text === text) return entry;
    const suite = parseSuite(text);
    if (!entry) {
      const item = this.controller.createTestItem(key, vscode.workspace.asRelativePath(uri), uri);
      this.controller.items.add(item);
      entry = { uri, suite, item, tests: new Map() };
      this.entries.set(key, entry);
    }
    entry.suite = suite;
    entry.item.description = suite.isSandbox ? t('sandbox') : t('profile {0}', suite.profile);
    entry.item.error = suite.suiteProblems.length ? suite.suiteProblems[0].message : undefined;
    entry.item.range = new vscode.Range(0, 0, 0, 0);
    // Ids by name, so that results and expansion follow a test when tests above it are added or removed.
    const children: vscode.TestItem[] = [];
    const seen = new Set<string>();
    entry.tests.clear();
    for (const test of suite.tests) {
      let id = `${key}#${test.name}`;
      if (seen.has(id)) id = `${id}#${test.index}`;
      seen.add(id);
      const child = entry.item.children.get(id) ?? this.controller.createTestItem(id, test.name, uri);
      child.label = test.name;
      child.range = toRange(text, test.range);
      const invalid = test.problems.find(p => p.severity === 'error');
      child.error = invalid ? invalid.message : undefined;
      child.description = test.spec.skip ? t('skipped') : test.spec.flow ? t('flow') : test.spec.to;
      entry.tests.set(test.index, child);
      children.push(child);
    }
    entry.item.children.replace(children);
    // The editor's JSON validation already reports syntax and schema problems in open files; ours add the rules.
    const shown = suite.problems.filter(p => p.kind === 'rule' || !openDocument(uri));
    this.diagnostics.set(
      uri,
      shown.map(p => {
        const d = new vscode.Diagnostic(
          toRange(text, p),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = t('Exotel call tests');
        return d;
      }),
    );
    this.changed.fire();
    return entry;
  }

  remove(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!this.entries.delete(key)) return;
    this.controller.items.delete(key);
    this.diagnostics.delete(uri);
    this.changed.fire();
  }
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
}
