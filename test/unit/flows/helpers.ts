// A developer's handler on loopback, answering per path, and small builders for flows and runs.
import { Loopback, Received, Reply, startLoopback } from '../../helpers/loopback';
import { FlowEvent, FlowFile, FlowRun, RunFlowOptions, runFlow } from '../../../src/flows';

export type Routes = Record<string, Reply | ((req: Received, query: URLSearchParams) => Reply)>;

export interface Handler extends Loopback {
  url(path: string): string;
  /** Requests to a path, with their query parsed. */
  to(path: string): Array<Received & { query: URLSearchParams; path: string }>;
}

export async function handler(routes: Routes): Promise<Handler> {
  const lb = await startLoopback(req => {
    const u = new URL(req.url, 'http://x');
    const route = routes[u.pathname];
    if (!route) return { status: 404, body: 'no route', headers: { 'Content-Type': 'text/plain' } };
    return typeof route === 'function' ? route(req, u.searchParams) : route;
  });
  return {
    ...lb,
    url: path => `${lb.baseUrl}${path}`,
    to: path =>
      lb.received
        .map(r => {
          const u = new URL(r.url, 'http://x');
          return { ...r, query: u.searchParams, path: u.pathname };
        })
        .filter(r => r.path === path),
  };
}

export const text = (body: string, status = 200): Reply => ({ status, body, headers: { 'Content-Type': 'text/plain' } });
export const json = (body: unknown, status = 200): Reply => ({ status, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

export function flow(applets: FlowFile['applets'], extra: Partial<FlowFile> = {}): FlowFile {
  return { appId: '236711', exoPhone: '08047112345', applets, ...extra };
}

export const INCOMING: RunFlowOptions['call'] = { direction: 'incoming', from: '+919876543210', exoPhone: '08047112345' };

export function run(f: FlowFile | string, options: Partial<RunFlowOptions> = {}): Promise<FlowRun> {
  return runFlow(f, { call: INCOMING, ...options, settings: { appletTimeoutMs: 2000, ...options.settings } });
}

export function events<K extends FlowEvent['kind']>(r: FlowRun, kind: K): Array<Extract<FlowEvent, { kind: K }>> {
  return r.events.filter((e): e is Extract<FlowEvent, { kind: K }> => e.kind === kind);
}

export function pathOf(r: FlowRun): string[] {
  return r.path.map(s => (s.branch ? `${s.appletId}:${s.branch}` : s.appletId));
}
