import * as vscode from 'vscode';
import { CALL_DIRECTIONS, CALL_SID_PATTERN, CALL_STATUSES, Call, ValidationError } from '../../exotel';
import { ArgCheck, checkOne, date, expectation, listOf, number, oneOf, shape, text } from '../../common/commandArgs';
import { registerCommand } from '../../common/commands';
import { PanelRegistry } from '../../common/webview/panel';
import { Deps } from '../../deps';
import { CallDetailsPanel, RECORDING_VALIDITY_MINUTES } from './callDetailsPanel';
import { CallHistory } from '../../services/calls/callHistory';
import { otherParty } from '../../common/callText/callFormat';
import { CallLog } from './callLog';
import { CallLogFilter } from './callLogFilter';
import { CallNode } from './callTreeItems';
import { exportCalls, ExportArgs, maskedNote } from './exportCalls';
import { callForExport } from '../../common/callText/callFormat';
import { promptFilter } from './filterPrompt';
import { CallView } from '../../webview-ui/protocol';
import { downloadRecording, DownloadRecordingArgs } from './downloadRecording';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';

/** A command from the tree gets a node; from code, a call (at least its 32-character Sid); anything else is refused. */
function callOf(command: string, arg: unknown): Call | undefined {
  if (arg === undefined) return undefined;
  const isCall = (v: unknown): v is Call =>
    typeof v === 'object' && v !== null && typeof (v as Call).sid === 'string' && CALL_SID_PATTERN.test((v as Call).sid);
  const node = arg as CallNode;
  if (typeof arg === 'object' && arg !== null && 'kind' in arg) return node.kind === 'call' && isCall(node.call) ? node.call : undefined;
  return checkOne(command, 'call', arg, v => {
    if (!isCall(v)) throw expectation('a call from the Calls view or from exotel.* commands (an object with its 32-character sid)');
    return v;
  }) as Call;
}

const range = shape({ gte: number(0), eq: number(0), lte: number(0) });
/** What exotel.callLog.filter takes from code, as the filter prompt builds it. */
const FILTER: ArgCheck = shape({
  statuses: listOf(CALL_STATUSES),
  direction: oneOf(CALL_DIRECTIONS),
  date: shape({ preset: oneOf(['today', 'yesterday', 'last7', 'last31', 'custom']), from: date, to: date }),
  number: text('a phone number'),
  duration: range,
  price: range,
});
const EXPORT: ArgCheck = shape({
  format: oneOf(['csv', 'json']),
  uri: v => {
    if (!(v instanceof vscode.Uri)) throw expectation('a vscode.Uri of the file to write');
    return v;
  },
});

/** Access to the open call details panels (for the in-host tests). */
export interface CallDetailsPanels {
  /** What the panel for `sid` shows, or undefined when it is not open or still loading. */
  view(sid: string): CallView | undefined;
  /** What the panel's Refresh button does. */
  refresh(sid: string): Promise<void> | undefined;
  /** Runs a page message on the call's open panel, checked as the page's would be. */
  perform(sid: string, message: unknown): Promise<void>;
  /** The temporary folder holding the panel's copy of a private recording, if any. */
  recordingCopy(sid: string): string | undefined;
}

/** The Calls view, its commands, the call details panel and export. */
export function registerCallLog({ context, log, session }: Deps, history: CallHistory): { callLog: CallLog; callDetails: CallDetailsPanels } {
  const callLog = new CallLog(session, history);
  const details = {
    fetch: async (sid: string) => (await session.require()).client.getCall(sid, { details: true, recordingUrlValidity: RECORDING_VALIDITY_MINUTES }),
    client: async () => (await session.require()).client,
  };
  const panels = new PanelRegistry<CallDetailsPanel>();
  const showDetails = (sid: string, known?: Call) => panels.show(sid, () => new CallDetailsPanel(context.extensionUri, log, details, sid, known));
  context.subscriptions.push(
    callLog,
    { dispose: () => panels.disposeAll() },
    registerCommand(log, COMMANDS.callLogRefresh, () => callLog.refresh()),
    registerCommand(log, COMMANDS.callLogLoadMore, () => callLog.model.loadMore()),
    registerCommand(log, COMMANDS.callLogFilter, async (arg?: unknown) => {
      const filter = checkOne(COMMANDS.callLogFilter, 'filter', arg, FILTER, 'The filter was not changed.') as CallLogFilter | undefined;
      const next = filter ?? (await promptFilter(callLog.currentFilter));
      if (next) callLog.setFilter(next);
      return next;
    }),
    registerCommand(log, COMMANDS.callLogClearFilter, () => callLog.setFilter({})),
    registerCommand(log, COMMANDS.callLogShowDetails, (arg?: unknown) => {
      const call = callOf(COMMANDS.callLogShowDetails, arg);
      return call ? showDetails(call.sid, call).sid : undefined;
    }),
    registerCommand(log, COMMANDS.showCallDetails, async (arg?: unknown) => {
      const sid = checkOne(COMMANDS.showCallDetails, 'sid', arg, v => {
        if (typeof v !== 'string' || !CALL_SID_PATTERN.test(v.trim())) throw expectation('a Call SID (32 lowercase letters and digits)');
        return v.trim();
      }) as string | undefined;
      const value =
        sid ??
        (await vscode.window.showInputBox({
          title: t('Exotel: Show Call Details'),
          prompt: t('The Call SID (32 letters and digits)'),
          ignoreFocusOut: true,
          validateInput: v => (CALL_SID_PATTERN.test(v.trim()) ? undefined : t('A Call SID is 32 lowercase letters and digits.')),
        }));
      return value ? showDetails(value.trim()).sid : undefined;
    }),
    registerCommand(log, COMMANDS.callLogCopySid, async (arg?: unknown) => {
      const call = callOf(COMMANDS.callLogCopySid, arg);
      if (call) await vscode.env.clipboard.writeText(call.sid);
    }),
    registerCommand(log, COMMANDS.callLogCopyJson, async (arg?: unknown) => {
      const call = callOf(COMMANDS.callLogCopyJson, arg);
      if (!call) return;
      await vscode.env.clipboard.writeText(JSON.stringify(callForExport(call), null, 2));
      vscode.window.setStatusBarMessage(`${t('Copied the call as JSON.')} ${maskedNote()}`, 5000);
    }),
    registerCommand(log, COMMANDS.callLogCallAgain, (arg?: unknown) => {
      const call = callOf(COMMANDS.callLogCallAgain, arg);
      if (!call?.from || !call.to) throw new ValidationError('call', t('This call has no From and To to call again.'));
      // Always through the review step: a click on a row never dials by itself.
      return vscode.commands.executeCommand(COMMANDS.connectCall, { from: call.from, to: call.to, callerId: call.phoneNumberSid, review: true });
    }),
    registerCommand(log, COMMANDS.callLogLookUpNumber, (arg?: unknown) => {
      const call = callOf(COMMANDS.callLogLookUpNumber, arg);
      const number = call && otherParty(call);
      return number ? vscode.commands.executeCommand(COMMANDS.lookUpNumber, number) : undefined;
    }),
    registerCommand(log, COMMANDS.callLogDownloadRecording, async (arg?: unknown, args?: DownloadRecordingArgs) => {
      const call = callOf(COMMANDS.callLogDownloadRecording, arg);
      return call ? downloadRecording((await session.require()).client, call, args ?? {}) : undefined;
    }),
    registerCommand(log, COMMANDS.exportCalls, async (arg?: unknown) => {
      const args = (checkOne(COMMANDS.exportCalls, 'arguments', arg, EXPORT) ?? {}) as ExportArgs;
      return exportCalls((await session.require()).client, callLog.requests(), args);
    }),
  );
  return {
    callLog,
    callDetails: {
      view: sid => panels.get(sid)?.lastView,
      refresh: sid => panels.get(sid)?.refresh(),
      perform: async (sid, message) => panels.get(sid)?.perform(message),
      recordingCopy: sid => panels.get(sid)?.recordingCopy,
    },
  };
}
