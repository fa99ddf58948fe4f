// A burst of changes (retries, a bulk test, a flow's events) handled once: the first call starts a timer, the
// calls until it fires join it. Disposing cancels a pending run.

export interface Coalesced {
  (): void;
  dispose(): void;
}

/** `fn` runs once, `ms` after the first call of a burst. */
export function coalesce(fn: () => void, ms: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  }) as Coalesced;
  run.dispose = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return run;
}
