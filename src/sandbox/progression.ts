// Moves live calls along: in-progress at creation → leg 1 (the agent, From) answers at a third of progressMs
// → leg 2 (the customer, To) answers at two thirds, for calls where each does → terminal status after progressMs
// → Duration/Price/EndTime after a further postCallLagMs (Exotel fills those minutes later).
// `answered` fires per leg, as real Exotel does (docs/exotel-api-notes.md, StatusCallback: frappe/crm's Exotel UI
// expects two). All timers are unref'd and cleared on close.
import { wholeSeconds } from './clock';
import { planDuration, priceFor } from './outcomes';
import { AnsweredLeg, CallRecord } from './types';

export interface ProgressionOptions {
  progressMs: number;
  postCallLagMs: number;
  now: () => Date;
  /** A leg picked up: 1 = From (the agent), 2 = To (the customer). */
  onAnswered: (call: CallRecord, leg: AnsweredLeg) => void;
  onTerminal: (call: CallRecord) => void;
}

interface Step {
  timer: NodeJS.Timeout;
  run: () => void;
}

export class Progression {
  private readonly pending = new Map<string, Step[]>();

  constructor(private readonly options: ProgressionOptions) {}

  start(call: CallRecord): void {
    const { progressMs, postCallLagMs } = this.options;
    const legs = call.plan?.legs ?? [];
    // A leg "answers" when it was picked up: its final status is completed (leg 1 stays completed on a busy customer).
    if (legs[0]?.status === 'completed') {
      this.schedule(call.sid, Math.floor(progressMs / 3), () => this.options.onAnswered(call, 1));
    }
    if (legs[1]?.status === 'completed') {
      this.schedule(call.sid, Math.floor((progressMs * 2) / 3), () => this.options.onAnswered(call, 2));
    }
    this.schedule(call.sid, progressMs, () => {
      endCall(call, this.nowMs());
      this.options.onTerminal(call);
    });
    this.schedule(call.sid, progressMs + postCallLagMs, () => fillBilling(call, this.nowMs()));
  }

  /** Runs every pending step now (of one call, or of all), in order. */
  fastForward(sid?: string): void {
    const sids = sid === undefined ? [...this.pending.keys()] : [sid];
    for (const key of sids) {
      const steps = this.pending.get(key) ?? [];
      this.pending.delete(key);
      for (const step of steps) {
        clearTimeout(step.timer);
        step.run();
      }
    }
  }

  get activeCalls(): number {
    return this.pending.size;
  }

  close(): void {
    for (const steps of this.pending.values()) {
      steps.forEach(s => clearTimeout(s.timer));
    }
    this.pending.clear();
  }

  private nowMs(): number {
    return wholeSeconds(this.options.now().getTime());
  }

  private schedule(sid: string, delayMs: number, run: () => void): void {
    const steps = this.pending.get(sid) ?? [];
    const step: Step = {
      run,
      timer: setTimeout(() => {
        const left = (this.pending.get(sid) ?? []).filter(s => s !== step);
        if (left.length) {
          this.pending.set(sid, left);
        } else {
          this.pending.delete(sid);
        }
        run();
      }, delayMs),
    };
    step.timer.unref();
    steps.push(step);
    this.pending.set(sid, steps);
  }
}

/** The call has ended: status, legs and recording are known; billing is not yet. */
export function endCall(call: CallRecord, nowMs: number): void {
  const plan = call.plan;
  if (!plan) {
    return;
  }
  call.status = plan.status;
  call.legs = plan.legs.map(leg => ({ ...leg }));
  call.conversationDuration = plan.talk;
  call.answeredBy = plan.status === 'completed' ? 'human' : null;
  call.updatedAt = Math.max(nowMs, call.updatedAt);
}

export function fillBilling(call: CallRecord, nowMs: number): void {
  const plan = call.plan;
  if (!plan || call.startTime === null) {
    return;
  }
  const duration = planDuration(plan);
  call.duration = duration;
  call.endTime = call.startTime + duration * 1000;
  call.price = priceFor(plan.legs);
  // Calls play faster than their Duration here; Exotel never shows an EndTime after DateUpdated.
  call.updatedAt = Math.max(nowMs, call.updatedAt, call.endTime);
}
