import * as vscode from 'vscode';
import { showInfo } from '../../common/notify';
import { Call, ConnectCallParams, ConnectToFlowParams, ExotelClient } from '../../exotel';
import { t } from '../../common/callText/translate';

/**
 * Sends connect requests, one at a time: while one is in flight, another invocation (a double Enter,
 * a second click) gets the same answer instead of placing a second call. Nothing here retries.
 */
export class CallPlacer {
  private inFlight: Promise<Call> | undefined;
  /** The last call placed and when: the same request again within a moment is a repeat keypress, not a wish. */
  private last: { key: string; at: number; call: Call } | undefined;
  static readonly REPEAT_WINDOW_MS = 3000;

  /** `now`: the clock of the repeat window (the in-host tests hand in one they can move; otherwise the real one). */
  constructor(private readonly now: () => number = Date.now) {}

  /** A connect is on its way: the language-model tool refuses rather than wait for it. */
  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  /** `deliberate`: the user has just answered a question for this very call (Repeat Last Call's), so it is no keypress echo. */
  place(client: ExotelClient, params: ConnectCallParams | ConnectToFlowParams, sandbox: boolean, deliberate = false): Promise<Call> {
    if (this.inFlight) {
      void showInfo(t('A call is already being placed; it was not placed twice.'));
      return this.inFlight;
    }
    const key = JSON.stringify(params);
    if (!deliberate && this.last && this.last.key === key && this.now() - this.last.at < CallPlacer.REPEAT_WINDOW_MS) {
      void showInfo(t('This call was placed a moment ago; it was not placed twice.'));
      return Promise.resolve(this.last.call);
    }
    const sending = Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: sandbox ? t('Placing a sandbox call (no real phone rings)…') : t('Placing the call…') },
        () => {
          return 'flow' in params ? client.connectToFlow(params) : client.connectCall(params);
        },
      ),
    )
      .then(call => {
        this.last = { key, at: this.now(), call };
        return call;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    this.inFlight = sending;
    return sending;
  }
}
