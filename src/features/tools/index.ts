import * as vscode from 'vscode';
import { TOOL } from '../../agentTools';
import { Deps } from '../../deps';
import { CallStatsTool } from './callStatsTool';
import { editorHost } from './editorHost';
import { GetCallTool } from './getCallTool';
import { ListCallsTool } from './listCallsTool';
import { LookupNumberTool } from './lookupNumberTool';
import { PlaceTestCallTool } from './placeTestCallTool';
import { ToolServices } from './toolServices';

export { TOOL } from '../../agentTools';
export type { ToolServices } from './toolServices';

/** The tools' objects, for the in-host tests (prepareInvocation cannot be reached through vscode.lm). */
export interface Tools {
  lookupNumber: LookupNumberTool;
  listCalls: ListCallsTool;
  getCall: GetCallTool;
  callStats: CallStatsTool;
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
    lookupNumber: new LookupNumberTool(host),
    listCalls: new ListCallsTool(host),
    getCall: new GetCallTool(host),
    callStats: new CallStatsTool(host),
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
