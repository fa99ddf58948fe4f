// The five agent tools by name, for hosts that receive a name and raw arguments (the MCP server): the input is
// checked against the tool's schema first, then the tool runs with its own guards. Editor-free.
import { callStats } from './callStats';
import { getCall } from './getCall';
import { schemaProblem } from './inputCheck';
import { listCalls } from './listCalls';
import { lookupNumber } from './lookupNumber';
import { PlaceTestCall } from './placeTestCall';
import { dataBlock } from './toolData';
import { ConfirmCall, ToolConnection, ToolHost } from './toolHost';
import { CallStatsInput, GetCallInput, ListCallsInput, LookupNumberInput, PlaceTestCallInput, TOOL, TOOL_SPECS } from './toolManifest';
import { refusal, ToolAnswer } from './toolResult';

export class AgentTools<C extends ToolConnection = ToolConnection> {
  readonly testCalls: PlaceTestCall<C>;

  constructor(
    private readonly host: ToolHost<C>,
    now?: () => number,
  ) {
    this.testCalls = new PlaceTestCall(host, now);
  }

  /** Runs one tool; anything wrong with the name or the input is an answer that says what, and nothing is sent. */
  async run(name: string, args: unknown, signal: AbortSignal, confirm: ConfirmCall): Promise<ToolAnswer> {
    const spec = TOOL_SPECS.find(s => s.name === name);
    if (!spec) {
      return refusal(`There is no tool by that name; nothing was sent. The tools are ${TOOL_SPECS.map(s => s.name).join(', ')}.`, dataBlock([['name', name]]));
    }
    const input = args ?? {};
    const problem = schemaProblem(spec.inputSchema, input);
    if (problem) return refusal(`The input does not fit ${name}'s input schema; nothing was sent.`, dataBlock([['problem', problem]]));
    switch (spec.name) {
      case TOOL.lookupNumber:
        return lookupNumber(this.host, input as LookupNumberInput, signal);
      case TOOL.listCalls:
        return listCalls(this.host, input as ListCallsInput, signal);
      case TOOL.getCall:
        return getCall(this.host, input as GetCallInput, signal);
      case TOOL.callStats:
        return callStats(this.host, input as CallStatsInput, signal);
      case TOOL.placeTestCall:
        return this.testCalls.place(input as PlaceTestCallInput, signal, confirm);
    }
    return refusal(`${name} is listed but not implemented.`);
  }
}
