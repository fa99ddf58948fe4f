// The HTTP front: log the request, apply an armed fault, route, authenticate, rate-limit, answer.
import * as http from 'http';
import { authenticate } from './auth';
import { BodyError, parseBody, ParsedBody, readRaw } from './body';
import { connectCall } from './connect';
import { FLOWS_INCOMING_PATH } from './flowCalls';
import { SandboxContext } from './context';
import { faultReply, Faults } from './faults';
import { getCall, getNumber, getRecording, listCalls } from './readEndpoints';
import { SlidingWindowLimiter } from './rateLimit';
import { Reply, restException } from './render';
import { pushBounded, RecordedRequest, recordRequest } from './requestLog';
import { formatOf, route } from './router';
import { errorMessage } from '../base/errorMessage';

export interface ServerDeps {
  ctx: SandboxContext;
  faults: Faults;
  limiter: SlidingWindowLimiter;
  requests: RecordedRequest[];
  maxLoggedRequests: number;
  acceptSidAuth: boolean;
}

export interface SandboxServer {
  server: http.Server;
  close(): Promise<void>;
}

export function createServer(deps: ServerDeps): SandboxServer {
  const delays = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    handle(deps, req, res, delays).catch((err: Error) => {
      deps.ctx.log(`internal error: ${err.stack ?? err.message}`);
      if (!res.headersSent && !res.destroyed) {
        send(res, restException('json', 500, 'Internal Server Error'));
      }
    });
  });
  return {
    server,
    close: () =>
      new Promise<void>(resolve => {
        delays.forEach(clearTimeout);
        delays.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(deps: ServerDeps, req: http.IncomingMessage, res: http.ServerResponse, delays: Set<NodeJS.Timeout>): Promise<void> {
  const { ctx } = deps;
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const format = formatOf(url.pathname, req.headers.accept);
  let raw: Buffer = Buffer.alloc(0);
  let body: ParsedBody;
  let bodyError: BodyError | undefined;
  try {
    raw = await readRaw(req);
    body = await parseBody(raw, req.headers['content-type']);
  } catch (err) {
    if (!(err instanceof BodyError)) {
      throw err;
    }
    // Keep what arrived in the log even when it cannot be parsed.
    bodyError = err;
    body = { raw, fields: [], kind: 'other' };
  }
  const record = recordRequest(method, url, req.headers, body, new Date(ctx.nowMs()));
  pushBounded(deps.requests, record, deps.maxLoggedRequests);
  const reply = (r: Reply): void => {
    record.status = r.status;
    if (r.warnings?.length) record.warnings = r.warnings;
    ctx.log(`${method} ${record.url} → ${r.status}${record.fault ? ` (fault: ${record.fault})` : ''}`);
    send(res, r);
  };

  const fault = deps.faults.take(method, url.pathname);
  if (fault) {
    record.fault = fault.kind;
    if (fault.kind === 'drop') {
      ctx.log(`${method} ${record.url} → socket dropped (fault)`);
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'delay') {
      await new Promise<void>(resolve => {
        const timer = setTimeout(() => {
          delays.delete(timer);
          resolve();
        }, fault.ms);
        timer.unref();
        delays.add(timer);
      });
    } else {
      reply(faultReply(fault, format) as Reply);
      return;
    }
  }
  if (bodyError) {
    reply(restException(format, bodyError.status, bodyError.message));
    return;
  }
  if (url.pathname === FLOWS_INCOMING_PATH) {
    reply(await simulateIncoming(deps, method, req.headers.authorization, raw));
    return;
  }
  reply(answer(deps, { method, url, accept: req.headers.accept, authorization: req.headers.authorization }, body));
}

/** The sandbox's own control endpoint for an incoming call (Basic auth as for the API): answers when the flow has ended. */
async function simulateIncoming(deps: ServerDeps, method: string, authorization: string | undefined, raw: Buffer): Promise<Reply> {
  const { ctx } = deps;
  if (method !== 'POST') return restException('json', 405, 'Method not allowed', undefined, { Allow: 'POST' });
  if (authenticate(authorization, ctx.creds, ctx.creds.accountSid, deps.acceptSidAuth) !== 'ok') {
    return restException('json', 401, 'Authentication failed', undefined, { 'WWW-Authenticate': 'Basic realm="Exotel"' });
  }
  let input: { from?: unknown; exoPhone?: unknown; keys?: unknown };
  try {
    input = JSON.parse(raw.toString('utf8')) as typeof input;
  } catch {
    return restException('json', 400, 'Send JSON: {"from": "<caller>", "exoPhone": "<ExoPhone>", "keys": ["1"]}');
  }
  const keys = Array.isArray(input.keys) ? input.keys.map(k => (k === null ? null : String(k))) : undefined;
  if (typeof input.from !== 'string' || typeof input.exoPhone !== 'string') {
    return restException('json', 400, '"from" and "exoPhone" are required strings');
  }
  try {
    const run = await ctx.flows?.simulateIncoming({ from: input.from, exoPhone: input.exoPhone, keys });
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ run }) };
  } catch (err) {
    return restException('json', 400, errorMessage(err));
  }
}

interface Incoming {
  method: string;
  url: URL;
  accept: string | undefined;
  authorization: string | undefined;
}

function answer(deps: ServerDeps, req: Incoming, body: ParsedBody): Reply {
  const { ctx } = deps;
  const { route: r, method: allowed } = route(req.url.pathname, req.accept);
  if (r.name === 'recording') {
    return req.method === 'GET' || req.method === 'HEAD'
      ? getRecording(ctx, r, req.url.searchParams, req.authorization)
      : restException('json', 405, 'Method not allowed');
  }
  if (r.name === 'inbox') {
    // Unauthenticated, like any webhook: Exotel signs nothing it POSTs.
    return req.method === 'POST'
      ? { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"received":true}' }
      : restException('json', 405, 'Method not allowed', undefined, { Allow: 'POST' });
  }
  if (r.name === 'not-found') {
    return restException(r.format, 404, `The requested resource ${req.url.pathname} was not found`);
  }
  if (req.method !== allowed) {
    return restException(r.format, 405, `Method ${req.method} is not allowed on ${req.url.pathname}; use ${allowed}`, undefined, { Allow: allowed });
  }
  const auth = authenticate(req.authorization, ctx.creds, r.accountSid, deps.acceptSidAuth);
  if (auth !== 'ok') {
    if (auth === 'wrong-account') {
      ctx.log(`401: the credentials are valid for account ${ctx.creds.accountSid}, but the path names ${r.accountSid}`);
    }
    return restException(r.format, 401, 'Authentication failed', undefined, { 'WWW-Authenticate': 'Basic realm="Exotel"' });
  }
  const admitted = deps.limiter.take();
  if (!admitted.ok) {
    return restException(r.format, 429, 'Too Many Requests', undefined, { 'Retry-After': String(admitted.retryAfterSeconds) });
  }
  switch (r.name) {
    case 'connect':
      if (body.kind === 'other') {
        return restException(r.format, 400, 'Calls/connect takes form parameters: send application/x-www-form-urlencoded or multipart/form-data');
      }
      return connectCall(ctx, body.fields, r.format);
    case 'list':
      return listCalls(ctx, req.url.searchParams, r.format);
    case 'call':
      return getCall(ctx, r.callSid, req.url.searchParams, r.format);
    case 'number':
      return getNumber(r.number, r.format);
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed) {
    return;
  }
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  res.end(body);
}
