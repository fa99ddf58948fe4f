// What the tools use of other features, typed here and handed in by the composition root (src/extension.ts):
// a feature never imports another feature.
import type { NumberLookup, StatsFiguresPort } from '../../agentTools';
import { Call, ConnectCallParams, ConnectToFlowParams } from '../../exotel';
import { Connection } from '../../session/session';

export type { NumberLookup, StatsFiguresPort } from '../../agentTools';

/** Connect Call's one placer and its place-and-follow. */
export interface TestCallPlacer {
  readonly placer: { readonly busy: boolean };
  placeAndFollow(conn: Connection, params: ConnectCallParams | ConnectToFlowParams): Promise<Call>;
}

export interface ToolServices {
  /** The numbers feature's metadata service (cache, privacy, one request per number). */
  numbers: NumberLookup;
  calls: TestCallPlacer;
  /** Call Stats' headline figures over a range (its cache and computation). */
  stats: StatsFiguresPort;
}
