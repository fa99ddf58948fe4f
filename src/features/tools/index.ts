import * as vscode from 'vscode';
import { Deps } from '../../deps';
import { CallStatsTool } from './callStatsTool';
import { GetCallTool } from './getCallTool';
import { ListCallsTool } from './listCallsTool';
import { LookupNumberTool } from './lookupNumberTool';
import { PlaceTestCallTool } from './placeTestCallTool';
import { ToolServices } from './toolServices';
import { TOOL } from './toolManifest';

export { TOOL } from './toolManifest';
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
 * confirmed test call. The numbers and calls features are handed in by the composition root.
 */
export function registerTools({ context, log, session }: Deps, services: ToolServices): Tools {
  const tools: Tools = {
    lookupNumber: new LookupNumberTool(session, services),
    listCalls: new ListCallsTool(session),
    getCall: new GetCallTool(session),
    callStats: new CallStatsTool(session, services),
    placeTestCall: new PlaceTestCallTool(session, services, log),
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
