// The workspace's `*.exotel-flow.json` files, kept parsed and validated: what the sandbox runs (read at every call) and
// the Problems view's diagnostics, at the positions the validator gives. An open document counts as typed, not as saved.
import * as vscode from 'vscode';
import { Disposable } from '../../common/disposable';
import { Log } from '../../common/log';
import { exoPhonesOf, FLOW_FILE_SUFFIX, FlowDiagnostic, LoadedFlow, validateFlow } from '../../flows';

/** How long typing must pause before a flow is validated again. */
export const DIAGNOSTICS_DEBOUNCE_MS = 250;
const GLOB = `**/*${FLOW_FILE_SUFFIX}`;

interface Entry {
  uri: vscode.Uri;
  loaded?: LoadedFlow;
  diagnostics: FlowDiagnostic[];
}

export class FlowWorkspace extends Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('exotel-flows'));
  /** Resolves once the first scan of the workspace is done. */
  readonly ready: Promise<void>;

  constructor(private readonly log: Log) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(GLOB));
    this.register(watcher.onDidCreate(uri => void this.readFile(uri)));
    this.register(watcher.onDidChange(uri => (this.isOpen(uri) ? undefined : void this.readFile(uri))));
    this.register(
      watcher.onDidDelete(uri => {
        this.entries.delete(uri.toString());
        this.diagnostics.delete(uri);
        this.changed.fire();
      }),
    );
    this.register(vscode.workspace.onDidOpenTextDocument(doc => this.isFlow(doc.uri) && this.update(doc.uri, doc.getText())));
    this.register(
      vscode.workspace.onDidChangeTextDocument(e => {
        if (!this.isFlow(e.document.uri) || !e.contentChanges.length) return;
        const key = e.document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(
          key,
          setTimeout(() => {
            this.timers.delete(key);
            this.update(e.document.uri, e.document.getText());
          }, DIAGNOSTICS_DEBOUNCE_MS),
        );
      }),
    );
    // Closed without saving: the file on disk is the flow again.
    this.register(vscode.workspace.onDidCloseTextDocument(doc => this.isFlow(doc.uri) && doc.uri.scheme === 'file' && void this.readFile(doc.uri)));
    this.register({ dispose: () => this.timers.forEach(clearTimeout) });
    // Off the activation path: the open flows are validated and the workspace scanned a moment later.
    this.ready = new Promise<void>(resolve => setTimeout(resolve)).then(() => {
      if (this.isDisposed) return;
      for (const doc of vscode.workspace.textDocuments) if (this.isFlow(doc.uri)) this.update(doc.uri, doc.getText());
      return this.scan();
    });
  }

  /** Every flow that parsed (the engine refuses to run one with errors, and says why). */
  flows(): LoadedFlow[] {
    return [...this.entries.values()].flatMap(e => (e.loaded ? [e.loaded] : []));
  }

  /** The flow of a file (its fsPath, as runs name it). */
  byFile(file: string): LoadedFlow | undefined {
    return this.flows().find(f => f.file === file);
  }

  byAppId(appId: string): LoadedFlow | undefined {
    return this.flows().find(f => String(f.flow.appId) === appId);
  }

  /** The ExoPhones the flows answer, each with its flow. */
  exoPhones(): Array<{ exoPhone: string; flow: LoadedFlow }> {
    return this.flows().flatMap(flow => exoPhonesOf(flow.flow).map(exoPhone => ({ exoPhone, flow })));
  }

  /** The validator's findings for a file, as last computed. */
  diagnosticsOf(uri: vscode.Uri): FlowDiagnostic[] {
    return this.entries.get(uri.toString())?.diagnostics ?? [];
  }

  /** Validates a document now (tests, and a command that must not wait for the debounce). */
  refresh(doc: vscode.TextDocument): void {
    this.update(doc.uri, doc.getText());
  }

  private isFlow(uri: vscode.Uri): boolean {
    return uri.path.endsWith(FLOW_FILE_SUFFIX);
  }

  private isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString() && d.isDirty);
  }

  private async scan(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(GLOB, '**/node_modules/**', 500);
      await Promise.all(uris.map(uri => this.readFile(uri)));
    } catch (err) {
      this.log.error('Reading the workspace flow files', err);
    }
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (open) return this.update(uri, open.getText());
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      this.update(uri, Buffer.from(bytes).toString('utf8'));
    } catch (err) {
      this.log.error(`Reading ${uri.fsPath}`, err);
    }
  }

  private update(uri: vscode.Uri, text: string): void {
    const v = validateFlow(text);
    const file = uri.scheme === 'file' ? uri.fsPath : uri.toString();
    this.entries.set(uri.toString(), {
      uri,
      diagnostics: v.diagnostics,
      loaded: v.flow && typeof v.flow === 'object' ? { flow: v.flow, file, text } : undefined,
    });
    this.diagnostics.set(uri, v.diagnostics.map(toDiagnostic));
    this.changed.fire();
  }
}

function toDiagnostic(d: FlowDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.start.line, d.start.character, d.end.line, d.end.character);
  const out = new vscode.Diagnostic(range, d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  out.source = 'Exotel flow';
  out.code = d.code;
  return out;
}
