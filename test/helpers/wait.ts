// Waiting, shared by every tier (unit, sandbox, in-host). Editor-free. Timeouts are generous: the machine may be loaded.

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns something other than undefined, null or false, and returns that. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15000): Promise<Exclude<T, undefined | null | false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value as Exclude<T, undefined | null | false>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
