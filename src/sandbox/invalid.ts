// A 400 message for the caller, thrown while checking a request and caught at its edge.
export class Invalid extends Error {}

/** Runs a check; an Invalid becomes `{ ok: false, message }`, anything else is a bug and propagates. */
export function checked<T, R>(run: () => T, ok: (value: T) => R): R | { ok: false; message: string } {
  try {
    return ok(run());
  } catch (err) {
    if (err instanceof Invalid) {
      return { ok: false, message: err.message };
    }
    throw err;
  }
}
