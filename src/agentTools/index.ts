// The agent tools, once for every host: the table (names, schemas, descriptions), the tools, their answers and
// their guards. The editor's language-model tools (src/features/tools) and the MCP server (src/mcp) adapt them.
// Editor-free (lint enforces it).
export { AgentTools } from './agentTools';
export { callStats } from './callStats';
export { getCall } from './getCall';
export { schemaProblem } from './inputCheck';
export { listCalls } from './listCalls';
export { lookupNumber } from './lookupNumber';
export { callTitle, PlaceTestCall } from './placeTestCall';
export type { CheckedCall } from './placeTestCall';
export { factsMarkdown, profileLine, TOOL_CALLS_MAX, TOOL_CALLS_WINDOW_MS, ToolCallBudget } from './testCallPlan';
export type { ProfileFacts, ProfileKind } from './testCallPlan';
export { DATA_CLOSE, DATA_NOTE, DATA_OPEN } from './toolData';
export type { ConfirmCall, StatsFiguresAnswer, StatsFiguresPort, TestCallPlacer, ToolConnection, ToolHost } from './toolHost';
export { TOOL, TOOL_SPECS } from './toolManifest';
export type { CallStatsInput, GetCallInput, ListCallsInput, LookupNumberInput, PlaceTestCallInput, ToolSpec } from './toolManifest';
export { answer, errorAnswer, NOT_SIGNED_IN, refusal } from './toolResult';
export type { ToolAnswer } from './toolResult';
