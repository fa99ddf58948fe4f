// The flow handler a suite names (`"handler": { "command", "ready" }`): started before its tests, in the suite's
// folder, and stopped after them. If something already answers at `ready`, that one is used and left alone.
import { ChildProcess, spawn } from 'child_process';
import { sendRequest } from '../webhooks/httpSend';

export interface HandlerSpec {
  command: string;
  ready: string;
  readyTimeoutSeconds?: number;
  env?: Record<string, string>;
}

export interface RunningHandler {
  /** False when an already running handler answered at `ready`. */
  started: boolean;
  /** The command's output so far (the last 200 lines), for a failure message. */
  output: string[];
  stop(): Promise<void>;
}

const POLL_MS = 100;

async function answers(url: string): Promise<boolean> {
  const r = await sendRequest({ method: 'GET', url, headers: {}, body: '' }, { timeoutMs: 1000, maxAnswerBytes: 1024 });
  return r.status !== undefined;
}

/** Starts the handler and waits until `ready` answers; rejects (having stopped it) if it exits or does not answer in time. */
export async function startHandler(spec: HandlerSpec, cwd: string): Promise<RunningHandler> {
  if (await answers(spec.ready)) return { started: false, output: [], stop: async () => undefined };
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(...chunk.toString('utf8').split(/\r?\n/).filter(Boolean));
    output.splice(0, Math.max(0, output.length - 200));
  };
  // Its own process group, so that stopping it also stops what the shell started.
  const child: ChildProcess = spawn(spec.command, {
    cwd,
    shell: true,
    detached: process.platform !== 'win32',
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>(resolve => child.once('exit', code => ((exited = code), resolve())));
  child.once('error', err => output.push(err.message));
  const stop = async (): Promise<void> => {
    const pid = child.pid;
    if (pid === undefined) return;
    const group = process.platform === 'win32' ? undefined : -pid;
    try {
      if (group === undefined) child.kill();
      else process.kill(group, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await Promise.race([exit, new Promise(resolve => setTimeout(resolve, 3000).unref())]);
    // The shell may exit before what it started: wait (up to 3 s) until the whole group is gone.
    for (const deadline = Date.now() + 3000; group !== undefined && Date.now() < deadline;) {
      try {
        process.kill(group, 0);
      } catch {
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  };
  const deadline = Date.now() + (spec.readyTimeoutSeconds ?? 15) * 1000;
  while (Date.now() < deadline) {
    if (exited !== undefined)
      throw new Error(`The handler "${spec.command}" exited (${exited}) before ${spec.ready} answered: ${output.slice(-5).join(' | ')}`);
    if (await answers(spec.ready)) return { started: true, output, stop };
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
  await stop();
  throw new Error(`The handler "${spec.command}" did not answer at ${spec.ready} within ${spec.readyTimeoutSeconds ?? 15} s: ${output.slice(-5).join(' | ')}`);
}
