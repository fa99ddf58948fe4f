// What the tools use of other features, typed here and handed in by the composition root (src/extension.ts):
// a feature never imports another feature.
import { Call, ConnectCallParams, ConnectToFlowParams, NumberMetadata } from '../../exotel';
import { Connection } from '../../session/session';
import { RangeChoice } from '../../stats';

/** The numbers feature's metadata service (cache, privacy, one request per number). */
export interface NumberLookup {
  lookup(e164: string, opts?: { signal?: AbortSignal; network?: boolean }): Promise<NumberMetadata | undefined>;
  entry(e164: string): { fetchedAt: number; dndFresh: boolean } | undefined;
}

/** Connect Call's one placer and its place-and-follow. */
export interface TestCallPlacer {
  readonly placer: { readonly busy: boolean };
  placeAndFollow(conn: Connection, params: ConnectCallParams | ConnectToFlowParams): Promise<Call>;
}

/** Call Stats' headline figures over a range (its cache and computation); undefined when cancelled. */
export interface StatsFiguresPort {
  figures(
    choice: RangeChoice,
    opts: { refresh?: boolean; signal: AbortSignal },
  ): Promise<
    | {
        profileName: string;
        fromDay: string;
        toDay: string;
        headline: Array<{ label: string; value: string; hint?: string }>;
        notes: string[];
        fetchedAt: Date;
        fromCache: boolean;
      }
    | undefined
  >;
}

export interface ToolServices {
  numbers: NumberLookup;
  /** Exotel's DND rule for a number's DND flag, in words. */
  dndMeaning(dnd: string | undefined): string;
  calls: TestCallPlacer;
  stats: StatsFiguresPort;
}
