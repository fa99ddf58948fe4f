// The caller's keys for a Gather, asked of the user: an input box with what the caller just heard, and the run panel's
// keypad, whichever answers first (the other is closed). Escape in the input box is "pressed nothing".
import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { Disposable } from '../../common/disposable';
import { KeyAnswer, KeyCallback, KeyPrompt } from '../../flows';
import { ValidationError } from '../../exotel';

/** Why typed keys are not what a phone can send for this Gather, or undefined when they are. */
export function keysProblem(keys: string, prompt: Pick<KeyPrompt, 'maxDigits' | 'finishKey'>): string | undefined {
  if (!/^[0-9*#]*$/.test(keys)) return t('Only the keys of a phone: 0–9, * and #.');
  const digits = prompt.finishKey && keys.endsWith(prompt.finishKey) ? keys.length - 1 : keys.length;
  if (digits > prompt.maxDigits) return t('This Gather takes at most {0} digits.', prompt.maxDigits);
  return undefined;
}

interface Waiting {
  prompt: KeyPrompt;
  finish: (answer: KeyAnswer) => void;
}

export class KeyPrompts extends Disposable {
  private readonly waiting = new Map<string, Waiting>();
  private readonly changed = this.register(new vscode.EventEmitter<string>());
  /** A run started or stopped waiting for keys (its id). */
  readonly onDidChange = this.changed.event;

  /** What a run's Gather waits for, if it waits. */
  waitingFor(runId: string): KeyPrompt | undefined {
    return this.waiting.get(runId)?.prompt;
  }

  /** Keys from the keypad (or a test): false if the run waits for none. Throws if they are not keys a phone sends. */
  answer(runId: string, keys: string): boolean {
    const w = this.waiting.get(runId);
    if (!w) return false;
    const problem = keysProblem(keys, w.prompt);
    if (problem) throw new ValidationError('keys', problem);
    w.finish(keys);
    return true;
  }

  /** The engine's KeyCallback: asks once per Gather attempt. */
  readonly ask: KeyCallback = (prompt, signal) =>
    new Promise<KeyAnswer>(resolve => {
      const box = new vscode.CancellationTokenSource();
      let done = false;
      const finish = (answer: KeyAnswer) => {
        if (done) return;
        done = true;
        box.cancel();
        box.dispose();
        this.waiting.delete(prompt.runId);
        this.changed.fire(prompt.runId);
        resolve(answer === '' ? null : answer);
      };
      this.waiting.get(prompt.runId)?.finish(null); // an older question of the same run is over
      this.waiting.set(prompt.runId, { prompt, finish });
      this.changed.fire(prompt.runId);
      signal.addEventListener('abort', () => finish(null), { once: true });
      const heard = prompt.text ?? (prompt.audioUrls?.length ? t('(an audio prompt)') : t('(no prompt)'));
      const finishKey = prompt.finishKey ? t(', then {0}', prompt.finishKey) : '';
      void vscode.window
        .showInputBox(
          {
            title:
              prompt.attempts > 1
                ? t('The caller presses keys — {0} (attempt {1} of {2})', prompt.appletId, prompt.attempt, prompt.attempts)
                : t('The caller presses keys — {0}', prompt.appletId),
            prompt:
              prompt.maxDigits === 1
                ? t('The caller hears: “{0}”. One digit{1}; Escape or empty = presses nothing.', heard, finishKey)
                : t('The caller hears: “{0}”. Up to {1} digits{2}; Escape or empty = presses nothing.', heard, prompt.maxDigits, finishKey),
            placeHolder: t('e.g. 1'),
            ignoreFocusOut: true,
            validateInput: s => keysProblem(s.trim(), prompt),
          },
          box.token,
        )
        .then(
          value => finish(value === undefined ? null : value.trim()),
          () => finish(null),
        );
    });
}
