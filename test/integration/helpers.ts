// Shared by the in-host suites: the extension's test handle, the sandbox, and waiting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExotelExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'exotel-vscode.exotel-vscode';
export const CANARY = 'canary-9c1f0e7d2b6a4e83';

export async function api(): Promise<ExotelExtensionApi> {
  const ext = vscode.extensions.getExtension<ExotelExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** Starts the in-extension sandbox with short call timings and returns its handle. */
export async function sandbox() {
  const a = await api();
  await vscode.commands.executeCommand('exotel.startSandbox', { progressMs: 600, postCallLagMs: 300 });
  const handle = a.sandbox.handle;
  assert.ok(handle, 'the sandbox did not start');
  return handle;
}

export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}
