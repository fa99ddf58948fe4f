import * as vscode from 'vscode';
import { Call, CALL_SID_PATTERN } from '../../exotel';
import { registerCommand } from '../../common/commands';
import { PanelRegistry } from '../../common/webview/panel';
import { Deps } from '../../deps';
import { CallDetailsPanel, RECORDING_VALIDITY_MINUTES } from './callDetailsPanel';
import { otherParty } from '../../common/callText/callFormat';
import { CallLog } from './callLog';
import { CallLogFilter } from './callLogFilter';
import { CallNode } from './callTreeItems';
import { exportCalls, ExportArgs } from './exportCalls';
import { promptFilter } from './filterPrompt';
import { CallView } from '../../webview-ui/protocol';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';

/** A command from the tree gets a node; from code, a call. */
function callOf(arg: Call | CallNode | undefined): Call | undefined {
  if (!arg) return undefined;
  return 'kind' in arg ? (arg.kind === 'call' ? arg.call : undefined) : arg;
}

/** Read-only access to the open call details panels (for the in-host tests). */
export interface CallDetailsPanels {
  /** What the panel for `sid` shows, or undefined when it is not open or still loading. */
  view(sid: string): CallView | undefined;
}

/** The Calls view, its commands, the call details panel and export. */
export function registerCallLog({ context, log, session }: Deps): { callLog: CallLog; callDetails: CallDetailsPanels } {
  const callLog = new CallLog(session);
  const details = { fetch: async (sid: string) => (await session.require()).client.getCall(sid, { details: true, recordingUrlValidity: RECORDING_VALIDITY_MINUTES }) };
  const panels = new PanelRegistry<CallDetailsPanel>();
  const showDetails = (sid: string, known?: Call) => panels.show(sid, () => new CallDetailsPanel(context.extensionUri, details, sid, known));
  context.subscriptions.push(
    callLog,
    { dispose: () => panels.disposeAll() },
    registerCommand(log, COMMANDS.callLogRefresh, () => callLog.refresh()),
    registerCommand(log, COMMANDS.callLogLoadMore, () => callLog.model.loadMore()),
    registerCommand(log, COMMANDS.callLogFilter, async (filter?: CallLogFilter) => {
      const next = filter ?? await promptFilter(callLog.currentFilter);
      if (next) callLog.setFilter(next);
      return next;
    }),
    registerCommand(log, COMMANDS.callLogClearFilter, () => callLog.setFilter({})),
    registerCommand(log, COMMANDS.callLogShowDetails, (arg?: Call | CallNode) => {
      const call = callOf(arg);
      return call ? showDetails(call.sid, call).sid : undefined;
    }),
    registerCommand(log, COMMANDS.showCallDetails, async (sid?: string) => {
      const value = sid ?? await vscode.window.showInputBox({
        title: t('Exotel: Show Call Details'), prompt: t('The Call SID (32 letters and digits)'), ignoreFocusOut: true,
        validateInput: v => (CALL_SID_PATTERN.test(v.trim()) ? undefined : t('A Call SID is 32 lowercase letters and digits.')),
      });
      return value ? showDetails(value.trim()).sid : undefined;
    }),
    registerCommand(log, COMMANDS.callLogCopySid, async (arg?: Call | CallNode) => {
      const call = callOf(arg);
      if (call) await vscode.env.clipboard.writeText(call.sid);
    }),
    registerCommand(log, COMMANDS.callLogCopyJson, async (arg?: Call | CallNode) => {
      const call = callOf(arg);
      if (call) await vscode.env.clipboard.writeText(JSON.stringify(call, null, 2));
    }),
    registerCommand(log, COMMANDS.callLogCallAgain, (arg?: Call | CallNode) => {
      const call = callOf(arg);
      if (!call?.from || !call.to) throw new Error(t('This call has no From and To to call again.'));
      // Always through the review step: a click on a row never dials by itself.
      return vscode.commands.executeCommand(COMMANDS.connectCall, { from: call.from, to: call.to, callerId: call.phoneNumberSid, review: true });
    }),
    registerCommand(log, COMMANDS.callLogLookUpNumber, (arg?: Call | CallNode) => {
      const call = callOf(arg);
      const number = call && otherParty(call);
      return number ? vscode.commands.executeCommand(COMMANDS.lookUpNumber, number) : undefined;
    }),
    registerCommand(log, COMMANDS.exportCalls, async (args?: ExportArgs) =>
      exportCalls((await session.require()).client, callLog.requests(), args ?? {})),
  );
  return { callLog, callDetails: { view: sid => panels.get(sid)?.lastView } };
}
