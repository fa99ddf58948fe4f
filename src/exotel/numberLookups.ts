// The one interface through which anything looks up number metadata: the editor's NumberInfoService
// (src/services/numbers: cached per account, one request per number) and the MCP server's host implement it; Connect
// Call's DND check, Call Stats, the hover, the number panel and the agent tools use it. Editor-free.
import type { PhoneNumberInfo } from '../phone';
import type { NumberMetadata } from './models';

export interface LookupOptions {
  /** Aborts this caller's wait; a shared request is aborted when every caller has gone. */
  signal?: AbortSignal;
  /** false: answer from the cache only (even with a stale DND), never send the number. Default true. */
  network?: boolean;
  /** Ask Exotel even when the cache is fresh (the number panel's Refresh). */
  refresh?: boolean;
}

/** A cached answer with what a caller needs to judge it. */
export interface NumberEntry {
  meta: NumberMetadata;
  /** Epoch milliseconds of the answer. */
  fetchedAt: number;
  /** Whether its DND flag may still be relied on (it ages faster than circle and operator). */
  dndFresh: boolean;
}

export interface NumberLookups {
  /** Whether lookups can be answered now: an account (the sandbox included) is signed in. */
  readonly signedIn: boolean;
  /** The cached answer within its time to live; never sends anything. */
  peek(e164: string): NumberMetadata | undefined;
  /** peek() with the answer's age and whether its DND is fresh. */
  entry(e164: string): NumberEntry | undefined;
  /**
   * The metadata of an Indian mobile or landline number: from the cache while fresh, else from Exotel. Undefined
   * when signed out, for other numbers, and (with network: false) when nothing is cached. Exotel's errors are thrown.
   */
  lookup(e164: string, opts?: LookupOptions): Promise<NumberMetadata | undefined>;
}

/** Exotel's metadata covers Indian mobile and landline numbers only; others are never sent. */
export function canLookUp(n: Pick<PhoneNumberInfo, 'isIndian' | 'kind'>): boolean {
  return n.isIndian && (n.kind === 'mobile' || n.kind === 'landline');
}
