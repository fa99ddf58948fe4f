// An input box's validateInput from the same check a command runs: what the user is told while typing is the
// ValidationError the request would throw.
import { ValidationError } from '../exotel';

/** Runs the check; the problem in words, or undefined when it passes. */
export function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (e) {
    return e instanceof ValidationError ? e.message : String(e);
  }
}
