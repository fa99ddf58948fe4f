// The call history every feature shares: the calls placed from this editor (the bulk API lists only ended calls, so
// the Calls view and the number panel show these at once), followed until they end, and the recent calls of a
// number. Connect Call adds to it; the Calls view, the number panel and Call Stats read it.
import * as vscode from 'vscode';
import { Call, FILTER_LIMITS, isFinalStatus, newestFirst, NotFoundError } from '../../exotel';
import { Disposable } from '../../common/disposable';
import { sameNumber } from '../../phone';
import { Session } from '../../session/session';
import { mergeRecentCalls, RECENT_CALLS_MAX } from './recentCalls';

/** How often a placed call that has not ended is asked for again (the notification may have been closed). */
const FOLLOW_MS = 15_000;
/** A call still not ended after an hour of asking (or one Exotel no longer knows) is not asked for again. */
const FOLLOW_MAX_TRIES = 240;

/** The one interface features use. */
export interface CallHistory {
  /** Calls placed from this editor on the current account, newest first. */
  placed(): Call[];
  /** A call just placed here, or its newer state: shown at once, followed until it ends. */
  addPlaced(call: Call): void;
  /** Fires when a placed call is added, changes, or the account changes. */
  readonly onDidChangePlaced: vscode.Event<void>;
  /** The newest calls to or from a number (Exotel filters To and From separately: both, merged with those placed here). */
  callsWith(e164: string): Promise<Call[]>;
}

export class CallHistoryService extends Disposable implements CallHistory {
  private readonly placedCalls = new Map<string, Call>();
  /** How often each placed call has been asked for. */
  private readonly tries = new Map<string, number>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangePlaced = this.changed.event;
  private accountKey: string | undefined;
  private follow: NodeJS.Timeout | undefined;

  constructor(private readonly session: Session) {
    super();
    this.register({ dispose: () => clearTimeout(this.follow) });
    this.register(session.onDidChange(() => void this.noteAccount()));
    void this.noteAccount();
  }

  placed(): Call[] {
    return [...this.placedCalls.values()].sort(newestFirst);
  }

  addPlaced(call: Call): void {
    this.placedCalls.set(call.sid, call);
    this.changed.fire();
    this.scheduleFollow();
  }

  async callsWith(e164: string): Promise<Call[]> {
    const { client } = await this.session.require();
    const pageSize = Math.min(RECENT_CALLS_MAX, FILTER_LIMITS.pageSize);
    // details=true: Leg2Status tells a missed incoming call (Status completed) from an answered one.
    const [to, from] = await Promise.all([
      client.listCalls({ to: [e164], pageSize, details: true }),
      client.listCalls({ from: [e164], pageSize, details: true }),
    ]);
    // Calls placed here join them, matched by E.164: Exotel writes +919876543210 back as 09876543210.
    const mine = this.placed().filter(c => sameNumber(c.to, e164) || sameNumber(c.from, e164));
    return mergeRecentCalls([to.calls, from.calls, mine]);
  }

  private unfinished(): Call[] {
    return [...this.placedCalls.values()].filter(c => !isFinalStatus(c.status) && (this.tries.get(c.sid) ?? 0) < FOLLOW_MAX_TRIES);
  }

  /** Polls placed calls that have not ended, every 15 s until they do. */
  private scheduleFollow(): void {
    if (this.follow || this.isDisposed || !this.unfinished().length) return;
    this.follow = setTimeout(() => {
      this.follow = undefined;
      void this.followOnce().finally(() => this.scheduleFollow());
    }, FOLLOW_MS);
  }

  private async followOnce(): Promise<void> {
    const client = (await this.session.current().catch(() => undefined))?.client;
    for (const call of client ? this.unfinished() : []) {
      this.tries.set(call.sid, (this.tries.get(call.sid) ?? 0) + 1);
      try {
        this.placedCalls.set(call.sid, await client!.getCall(call.sid));
      } catch (err) {
        // Tried again next time (the row keeps its last known state), unless Exotel does not know the call.
        if (err instanceof NotFoundError) this.tries.set(call.sid, FOLLOW_MAX_TRIES);
      }
    }
    if (!this.isDisposed) this.changed.fire();
  }

  /** Another account: its placed calls do not belong to this one. */
  private async noteAccount(): Promise<void> {
    const c = await this.session.current();
    const key = c ? `${c.profile.id}/${c.client.accountSid}` : undefined;
    if (this.accountKey !== undefined && key !== this.accountKey && this.placedCalls.size) {
      this.placedCalls.clear();
      this.tries.clear();
      this.changed.fire();
    }
    this.accountKey = key;
  }
}
