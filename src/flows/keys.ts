// How a Gather gets its keys: asked interactively (an input box or the run panel's keypad), or from a script
// (a call test's list, or a command's arguments). Either way the engine asks once per Gather attempt.

/** What the Gather is asking, for the UI to show. */
export interface KeyPrompt {
  runId: string;
  appletId: string;
  /** What the caller just heard. */
  text?: string;
  audioUrls?: string[];
  maxDigits: number;
  /** '' when there is none. */
  finishKey: string;
  inputTimeoutSeconds: number;
  /** 1 for the first play, then 2… for repeats. */
  attempt: number;
  attempts: number;
}

/**
 * The keys pressed, as typed (e.g. "12#"): the engine stops at the finish key or at maxDigits, as Exotel does.
 * null or '' means nothing was pressed before the input timeout.
 */
export type KeyAnswer = string | null;

/** Interactive: called for every Gather attempt; should resolve when the user answers (or give null on cancel). */
export type KeyCallback = (prompt: KeyPrompt, signal: AbortSignal) => Promise<KeyAnswer>;

/**
 * Scripted: a list consumed in order by every Gather attempt of the run; or per Gather id, each list consumed by
 * that Gather's attempts. An attempt with nothing left in its list gets no input.
 */
export type KeyScript = readonly KeyAnswer[] | Readonly<Record<string, readonly KeyAnswer[]>>;

export type KeyInput = KeyCallback | KeyScript;

/** One function for both kinds, keeping the script's position. */
export function keySource(input: KeyInput | undefined): KeyCallback {
  if (input === undefined) return async () => null;
  if (typeof input === 'function') return input;
  if (Array.isArray(input)) {
    let i = 0;
    const list = input as readonly KeyAnswer[];
    return async () => (i < list.length ? list[i++] : null);
  }
  const byApplet = input as Readonly<Record<string, readonly KeyAnswer[]>>;
  const positions = new Map<string, number>();
  return async prompt => {
    const list = byApplet[prompt.appletId] ?? [];
    const i = positions.get(prompt.appletId) ?? 0;
    positions.set(prompt.appletId, i + 1);
    return i < list.length ? list[i] : null;
  };
}

/** What was pressed, cut the way Exotel cuts it: at the finish key (not included) or after maxDigits. */
export function takeDigits(
  answer: KeyAnswer,
  maxDigits: number,
  finishKey: string,
): { digits: string; finishedBy: 'finish-key' | 'max-digits' | 'timeout' | 'none' } {
  const pressed = (answer ?? '').replace(/[^0-9*#]/g, '');
  if (!pressed) return { digits: '', finishedBy: 'none' };
  let digits = '';
  for (const key of pressed) {
    if (finishKey && key === finishKey) return { digits, finishedBy: 'finish-key' };
    digits += key;
    if (digits.length >= maxDigits) return { digits, finishedBy: 'max-digits' };
  }
  return { digits, finishedBy: 'timeout' };
}
