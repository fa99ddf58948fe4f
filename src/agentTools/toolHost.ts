// What the agent tools need from where they run, typed here and given by each host: the editor (src/features/tools,
// through the composition root) and the MCP server (src/mcp). The tools themselves, their words and their guards
// live once, in this folder. Editor-free.
import type { Call, ConnectCallParams, ConnectToFlowParams, ExotelClient, NumberLookups } from '../exotel';
import type { HeadlineItem, RangeChoice } from '../stats';
import type { ProfileFacts } from './testCallPlan';

/** The account the tools talk to: what a confirmation says about it, and its client. */
export interface ToolConnection {
  profile: ProfileFacts;
  client: ExotelClient;
}

/** Places one checked call; `busy` while any call (the tools' or the host's own) is being placed. */
export interface TestCallPlacer<C extends ToolConnection = ToolConnection> {
  readonly busy: boolean;
  place(conn: C, params: ConnectCallParams | ConnectToFlowParams): Promise<Call>;
}

export interface StatsFiguresAnswer {
  profileName: string;
  fromDay: string;
  toDay: string;
  headline: HeadlineItem[];
  notes: string[];
  fetchedAt: Date;
  /** Taken from calls fetched a moment before, not fetched now. */
  fromCache: boolean;
}

/** Call Stats' headline figures over a range; undefined when cancelled; a RangeError (in words) for an impossible range. */
export interface StatsFiguresPort {
  figures(choice: RangeChoice, opts: { refresh?: boolean; signal: AbortSignal }): Promise<StatsFiguresAnswer | undefined>;
}

export interface ToolHost<C extends ToolConnection = ToolConnection> {
  /** The active account; undefined when signed out. */
  connection(): Promise<C | undefined>;
  /** Number metadata with its cache (one request per number; `network: false` answers from the cache only). */
  numbers: NumberLookups;
  /** False when the user has turned number lookups off: numbers are then never sent (the cache may answer). */
  lookupsAllowed(): boolean;
  calls: TestCallPlacer<C>;
  stats: StatsFiguresPort;
  /** Whether calls on a real (non-sandbox) account are allowed at all; otherwise the tool refuses them. */
  realCallsAllowed(): boolean;
  /** How the user allows them, for the refusal: a setting in the editor, an environment variable for MCP. */
  realCallsHow: string;
  /** A CallerId the host's settings give when neither the input nor the profile has one. */
  defaultCallerId(): string | undefined;
  /** What happens to a placed call, after its SID (the editor follows it; an MCP client asks exotel_getCall). */
  afterPlacing: string;
  log: { info(line: string): void; warn(line: string): void };
}

/** Asks the user about one call: undefined to place it, or the answer to give instead (declined, cannot ask). */
export type ConfirmCall = (request: { title: string; facts: Array<[string, string]>; profile: ProfileFacts }) => Promise<string | undefined>;
