import * as vscode from 'vscode';
import { callStats, CallStatsInput, getCall, GetCallInput, listCalls, ListCallsInput, lookupNumber, LookupNumberInput, TOOL } from '../../agentTools';
import { t } from '../../common/callText/translate';
import { Deps } from '../../deps';
import { editorHost } from './editorHost';
import { ReadTool } from './readTool';
import { PlaceTestCallTool } from './placeTestCallTool';
import { ToolServices } from './toolServices';

export { TOOL } from '../../agentTools';
export type { ToolServices } from './toolServices';

/** The tools' objects, for the in-host tests (prepareInvocation cannot be reached through vscode.lm). */
export interface Tools {
  lookupNumber: ReadTool<LookupNumberInput>;
  listCalls: ReadTool<ListCallsInput>;
  getCall: ReadTool<GetCallInput>;
  callStats: ReadTool<CallStatsInput>;
  placeTestCall: PlaceTestCallTool;
}

/**
 * Language-model tools for agent mode and other extensions: number lookups, the call log, call details, call stats and one
 * confirmed test call. The tools themselves live in src/agentTools (shared with the MCP server); this is their VS Code
 * side. The numbers, calls and stats features are handed in by the composition root.
 */
export function registerTools({ context, log, session }: Deps, services: ToolServices): Tools {
  const host = editorHost(session, services, log);
  const tools: Tools = {
    lookupNumber: new ReadTool(host, lookupNumber, input => t('Looking up {0} with Exotel', String(input?.number ?? '').slice(0, 40))),
    listCalls: new ReadTool(host, listCalls, () => t('Reading the Exotel call log')),
    getCall: new ReadTool(host, getCall, () => t('Reading an Exotel call')),
    callStats: new ReadTool(host, callStats, () => t('Computing Exotel call stats')),
    placeTestCall: new PlaceTestCallTool(host),
  };
  // Older hosts without the language-model API keep the rest of the extension working.
  if (typeof vscode.lm?.registerTool !== 'function') return tools;
  context.subscriptions.push(
    vscode.lm.registerTool(TOOL.lookupNumber, tools.lookupNumber),
    vscode.lm.registerTool(TOOL.listCalls, tools.listCalls),
    vscode.lm.registerTool(TOOL.getCall, tools.getCall),
    vscode.lm.registerTool(TOOL.callStats, tools.callStats),
    vscode.lm.registerTool(TOOL.placeTestCall, tools.placeTestCall),
  );
  return tools;
}
