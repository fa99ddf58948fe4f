import * as vscode from 'vscode';
import { curlCommand } from '../../callbacks';
import { t } from '../../common/callText/translate';
import { checkArgs, expectation, text } from '../../common/commandArgs';
import { COMMANDS, VIEWS } from '../../common/commandIds';
import { registerCommand } from '../../common/commands';
import { showInfo } from '../../common/notify';
import { affects, setting } from '../../common/settings';
import { PanelRegistry } from '../../common/webview/panel';
import { Deps } from '../../deps';
import { FlowRun, KeyInput, nationalNumber } from '../../flows';
import { parsePhone } from '../../phone';
import { SandboxControl } from '../../services/sandbox/sandboxControl';
import { sendRequest } from '../../webhooks';
import { FlowRunMessage } from '../../webview-ui/messages';
import { FlowRunView } from '../../webview-ui/protocol';
import { FlowRunPanel } from './flowRunPanel';
import { FlowRunsProvider, FlowRunStore } from './flowRunsView';
import { flowRunView } from './flowRunViewModel';
import { flowFileName, flowTemplate } from './flowTemplate';
import { FlowWorkspace } from './flowWorkspace';
import { KeyPrompts } from './keyPrompts';
import { ValidationError } from '../../exotel';
import { coalesce } from '../../base/coalesce';

const RESEND_TIMEOUT_MS = 15_000;

/** What the in-host tests use (and the Test Explorer, through the composition root). */
export interface FlowsFeature {
  workspace: Pick<FlowWorkspace, 'flows' | 'diagnosticsOf' | 'refresh' | 'ready'>;
  runs: Pick<FlowRunStore, 'all' | 'get'>;
  rows: FlowRunsProvider['snapshot'];
  /** What the open panel of a run shows now, if it is open. */
  panelView(runId: string): FlowRunView | undefined;
  /** What a run's Gather waits for (the keypad shows it). */
  waitingFor: KeyPrompts['waitingFor'];
  /** The keypad's answer, as if typed in the panel. */
  pressKeys(runId: string, keys: string): boolean;
  /** Shows a run (from a call test, which the sandbox did not list): adds it to the view, opens its panel. */
  showRun(run: FlowRun): void;
}

/** The keys call tests announce for the calls they place (src/callTests FlowKeyRegistry, shared through extension.ts). */
export interface TestKeys {
  keysFor(call: { appId: string; from: string }): KeyInput | undefined;
}

/** `*.exotel-flow.json` support, Simulate Incoming Call, the Flow Runs view and the run panel. */
export function registerFlows({ context, log }: Deps, sandbox: SandboxControl, testKeys?: TestKeys): FlowsFeature {
  const workspace = new FlowWorkspace(log);
  const store = new FlowRunStore();
  const prompts = new KeyPrompts();
  const provider = new FlowRunsProvider(store);
  const tree = vscode.window.createTreeView(VIEWS.flowRuns, { treeDataProvider: provider });
  const panels = new PanelRegistry<FlowRunPanel>();

  const flowOf = (run: FlowRun) => (run.file ? workspace.byFile(run.file) : undefined) ?? workspace.byAppId(run.appId);
  const viewOf = (runId: string): FlowRunView | undefined => {
    const run = store.get(runId);
    if (!run) return undefined;
    const p = prompts.waitingFor(runId);
    const keys = p && {
      prompt: p.text ?? (p.audioUrls?.length ? p.audioUrls.join(', ') : t('(no prompt)')),
      maxDigits: p.maxDigits,
      finishOnKey: p.finishKey || undefined,
    };
    const flow = flowOf(run);
    return flowRunView(run, flow?.flow, keys, Boolean(flow?.file));
  };
  const show = (runId: string): FlowRunPanel => panels.show(runId, () => new FlowRunPanel(context.extensionUri, log, { view: viewOf, act }, runId));

  // An open panel follows its run live; a burst of events renders once.
  const dirty = new Set<string>();
  const renderDirty = coalesce(() => {
    for (const id of dirty) panels.get(id)?.render();
    dirty.clear();
  }, 50);
  const later = (runId: string) => {
    if (!panels.get(runId)) return;
    dirty.add(runId);
    renderDirty();
  };

  // Runs the user started (Connect Call to Flow, Simulate Incoming Call) open their panel; a call test's runs only
  // join the view (a suite of 100 flows must not open 100 panels), their failures link the panel.
  const interactiveCalls = new Set<string>();
  let simulating = 0;
  const started = (run: FlowRun) => {
    store.add(run);
    const interactive = interactiveCalls.delete(run.callSid) || (simulating > 0 && run.direction === 'incoming');
    if (interactive && setting('flows.openRunPanel')) show(run.id);
  };
  sandbox.useFlows({
    flows: () => workspace.flows(),
    settings: () => ({ appletTimeoutMs: setting('flows.appletTimeoutMs'), maxApplets: setting('flows.maxApplets') }),
    keysFor: call => {
      const scripted = testKeys?.keysFor(call);
      if (scripted) return scripted;
      interactiveCalls.add(call.callSid);
      return prompts.ask;
    },
    onRun: run => started(run),
    onEvent: (_e, run) => {
      store.touched(run);
      later(run.id);
    },
  });

  const requestOf = (runId: string, seq: string | undefined) => {
    const run = store.get(runId);
    const e = run?.events.find(x => x.kind === 'request' && String(x.seq) === seq);
    if (!e || e.kind !== 'request') throw new ValidationError('request', t('That request is no longer in the run.'));
    return e;
  };

  async function act(runId: string, m: FlowRunMessage): Promise<void> {
    switch (m.action) {
      case 'pressKeys':
        // Keys that do not fit the waiting Gather throw a ValidationError: the panel reports it like a command's.
        prompts.answer(runId, m.keys);
        return;
      case 'resendRequest':
        return void (await vscode.commands.executeCommand(COMMANDS.flowsResendRequest, runId, m.request));
      case 'copyCurlRequest':
        return void (await vscode.commands.executeCommand(COMMANDS.flowsCopyCurl, runId, m.request));
      case 'openFlow':
        return void (await vscode.commands.executeCommand(COMMANDS.flowsOpenFile, runId));
    }
  }

  const simulate = async (raw?: unknown) => {
    const args = checkArgs<{ from?: string; exoPhone?: string; keys?: KeyInput }>(
      {
        command: COMMANDS.flowsSimulateIncomingCall,
        consequence: 'No call was simulated.',
        checks: { from: text('a phone number'), exoPhone: text('an ExoPhone'), keys: keysArg },
      },
      raw,
    );
    await workspace.ready;
    const mapped = workspace.exoPhones();
    if (!mapped.length)
      throw new ValidationError(
        'exoPhone',
        t('No flow file in this workspace answers an ExoPhone: add "exoPhone" to a *.exotel-flow.json (Exotel: New Call Flow writes one).'),
      );
    let exoPhone = args.exoPhone;
    if (!exoPhone) {
      const pick =
        mapped.length === 1
          ? { exoPhone: mapped[0].exoPhone }
          : await vscode.window.showQuickPick(
              mapped.map(m => ({
                label: m.exoPhone,
                description: m.flow.flow.name ?? t('flow {0}', m.flow.flow.appId),
                detail: m.flow.file,
                exoPhone: m.exoPhone,
              })),
              { title: t('Simulate Incoming Call — the ExoPhone called'), ignoreFocusOut: true },
            );
      if (!pick) return undefined;
      exoPhone = pick.exoPhone;
    }
    let from = args.from;
    if (from === undefined) {
      from = await vscode.window.showInputBox({
        title: t('Simulate Incoming Call — the caller'),
        prompt: t('The number calling {0}; the sandbox rules apply to it (see the README).', exoPhone),
        value: context.workspaceState.get<string>('exotel.flows.lastCaller', '09876543210'),
        ignoreFocusOut: true,
        validateInput: s => {
          const p = parsePhone(s.trim());
          return p.ok ? undefined : p.reason;
        },
      });
      if (!from) return undefined;
    }
    const parsed = parsePhone(from);
    if (!parsed.ok) throw new ValidationError('from', t('{0} cannot call: {1}', from, parsed.reason));
    await context.workspaceState.update('exotel.flows.lastCaller', from);
    if (!sandbox.handle) await vscode.commands.executeCommand(COMMANDS.startSandbox);
    const flows = sandbox.handle?.flows;
    if (!flows) throw new ValidationError('sandbox', t('The sandbox is not running.'));
    simulating++;
    let run: FlowRun;
    try {
      run = await flows.simulateIncoming({ from: nationalNumber(parsed.number.e164), exoPhone, keys: args.keys ?? prompts.ask });
    } finally {
      simulating--;
    }
    store.add(run);
    later(run.id);
    return run.id;
  };

  context.subscriptions.push(
    workspace,
    store,
    prompts,
    provider,
    tree,
    { dispose: () => panels.disposeAll() },
    renderDirty,
    prompts.onDidChange(runId => {
      // A Gather waiting for the user: its keypad must be in sight.
      if (prompts.waitingFor(runId) && !panels.get(runId) && store.get(runId) && setting('flows.openRunPanel')) show(runId);
      later(runId);
    }),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (affects(e, 'flows.appletTimeoutMs') || affects(e, 'flows.maxApplets')) log.info('Flow settings changed: the next flow run uses them.');
    }),
    registerCommand(log, COMMANDS.flowsSimulateIncomingCall, simulate),
    registerCommand(log, COMMANDS.flowsShowRun, (arg?: string | FlowRun) => {
      const run = typeof arg === 'object' && arg ? arg : store.get(String(arg ?? store.all()[0]?.id ?? ''));
      if (!run) throw new ValidationError('run', t('There is no flow run to show yet: run Exotel: Simulate Incoming Call.'));
      if (!store.get(run.id)) store.add(run);
      return show(run.id).runId;
    }),
    registerCommand(log, COMMANDS.flowsClearRuns, () => store.clear()),
    registerCommand(log, COMMANDS.flowsResendRequest, async (runId: string, seq: string) => {
      const e = requestOf(runId, seq);
      const result = await sendRequest(
        { method: e.request.method, url: e.request.url, headers: e.request.headers, body: '' },
        { timeoutMs: RESEND_TIMEOUT_MS },
      );
      const answer =
        result.status !== undefined ? `HTTP ${result.status} in ${Math.round(result.latencyMs)} ms` : (result.error ?? result.failure ?? 'no answer');
      log.info(`Resent ${e.request.method} ${e.request.url} → ${answer}`);
      void showInfo(t('Resent to {0}: {1}', new URL(e.request.url).pathname, answer));
      return result;
    }),
    registerCommand(log, COMMANDS.flowsCopyCurl, async (runId: string, seq: string) => {
      const e = requestOf(runId, seq);
      const command = curlCommand({ method: e.request.method, url: e.request.url, headers: e.request.headers, body: '' });
      await vscode.env.clipboard.writeText(command);
      void showInfo(t('Copied the request as cURL.'));
      return command;
    }),
    registerCommand(log, COMMANDS.flowsOpenFile, async (runId: string) => {
      const run = store.get(runId);
      const file = run && flowOf(run)?.file;
      if (!file) throw new ValidationError('file', t('This run has no flow file in the workspace.'));
      await vscode.window.showTextDocument(vscode.Uri.file(file));
    }),
    registerCommand(log, COMMANDS.flowsNewCallFlow, async (raw?: unknown) => {
      const args = checkArgs<{ name?: string; uri?: string }>(
        { command: COMMANDS.flowsNewCallFlow, consequence: 'No flow file was written.', checks: { name: text('a name'), uri: text('a file URI') } },
        raw,
      );
      const name =
        args.name ??
        (await vscode.window.showInputBox({
          title: t('New Call Flow — its name'),
          value: t('Support line'),
          ignoreFocusOut: true,
          validateInput: s => (s.trim() ? undefined : t('Give the flow a name.')),
        }));
      if (!name) return undefined;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const uri = args.uri
        ? vscode.Uri.parse(args.uri)
        : await vscode.window.showSaveDialog({
            title: t('New Call Flow'),
            defaultUri: folder && vscode.Uri.joinPath(folder, flowFileName(name)),
            filters: { [t('Exotel call flow')]: ['json'] },
          });
      if (!uri) return undefined;
      const appId = String(100000 + Math.floor(Math.random() * 900000));
      const exoPhone = nationalNumber(sandboxExoPhone());
      await vscode.workspace.fs.writeFile(uri, Buffer.from(flowTemplate(name.trim(), appId, exoPhone), 'utf8'));
      await vscode.window.showTextDocument(uri);
      return uri.toString();
    }),
  );

  // Closures only: nothing reachable from the test handle leads to the log or the context.
  return {
    workspace: {
      flows: () => workspace.flows(),
      diagnosticsOf: uri => workspace.diagnosticsOf(uri),
      refresh: doc => workspace.refresh(doc),
      get ready() {
        return workspace.ready;
      },
    },
    runs: { all: () => store.all(), get: id => store.get(id) },
    rows: () => provider.snapshot(),
    panelView: runId => panels.get(runId)?.lastView,
    waitingFor: runId => prompts.waitingFor(runId),
    pressKeys: (runId, keys) => prompts.answer(runId, keys),
    showRun: run => void vscode.commands.executeCommand(COMMANDS.flowsShowRun, run),
  };
}

/** The sandbox's first ExoPhone: a new flow answers it, so Simulate Incoming Call runs it at once. */
function sandboxExoPhone(): string {
  return '08047112345';
}

/** Scripted keys from a command's arguments: a list (null = nothing pressed) or lists per Gather id. */
function keysArg(v: unknown): KeyInput {
  const isList = (x: unknown) => Array.isArray(x) && x.every(k => k === null || (typeof k === 'string' && /^[0-9*#]*$/.test(k)));
  if (isList(v)) return v as KeyInput;
  if (v && typeof v === 'object' && Object.values(v).every(isList)) return v as KeyInput;
  throw expectation('a list of keys ("1", "42#", null for none) or such lists by Gather id');
}
