// The deliveries the Callbacks view lists: in memory only, bounded (oldest dropped), one change signal.
import { Delivery } from './delivery';

export const MAX_DELIVERIES = 2000;

export class DeliveryStore {
  private readonly byId = new Map<string, Delivery>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly max = MAX_DELIVERIES) {}

  /** Adds a delivery, or replaces the one with its id (keeping its place). */
  upsert(d: Delivery): void {
    this.byId.set(d.id, d);
    for (const key of this.byId.keys()) {
      if (this.byId.size <= this.max) break;
      this.byId.delete(key);
    }
    this.changed();
  }

  get(id: string): Delivery | undefined {
    return this.byId.get(id);
  }

  /** Oldest first. */
  all(): Delivery[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every try of the same call and event (the retries, the resends), oldest first. */
  attemptsOf(d: Delivery): Delivery[] {
    if (!d.callSid) return [d];
    return this.all().filter(x => x.callSid === d.callSid && x.event === d.event);
  }

  clear(): void {
    this.byId.clear();
    this.changed();
  }

  onChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
