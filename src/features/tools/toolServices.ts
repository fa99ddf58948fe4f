// What the tools use of other features, typed here and handed in by the composition root (src/extension.ts):
// a feature never imports another feature.
import type { StatsFiguresPort } from '../../agentTools';
import { Call, ConnectCallParams, ConnectToFlowParams, NumberLookups } from '../../exotel';
import { Connection } from '../../session/session';

export type { StatsFiguresPort } from '../../agentTools';

/** Connect Call's one placer and its place-and-follow. */
export interface TestCallPlacer {
  readonly placer: { readonly busy: boolean };
  placeAndFollow(conn: Connection, params: ConnectCallParams | ConnectToFlowParams): Promise<Call>;
}

export interface ToolServices {
  /** The numbers feature's metadata service (cache, privacy, one request per number). */
  numbers: NumberLookups;
  calls: TestCallPlacer;
  /** Call Stats' headline figures over a range (its cache and computation). */
  stats: StatsFiguresPort;
}
