// JSON-RPC 2.0 over MCP's stdio transport: one JSON message a line, each way. Requests from the client go to their
// handler (with an AbortSignal that the client's notifications/cancelled aborts); the server's own requests (the
// confirmation of a call) wait for their answer. Editor-free, Node only.
import type { Readable, Writable } from 'stream';

/** JSON-RPC's error codes (the ones this server sends). */
export const RPC_ERROR = { parse: -32700, invalidRequest: -32600, methodNotFound: -32601, invalidParams: -32602, internal: -32603 } as const;

/** A request refused with a JSON-RPC error (thrown by a handler). */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

type Id = string | number;
type Params = Record<string, unknown> | undefined;
export type RequestHandler = (params: Params, signal: AbortSignal) => Promise<unknown> | unknown;

interface Message {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: unknown;
  result?: unknown;
  error?: { code?: unknown; message?: unknown };
}

const isId = (v: unknown): v is Id => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const isParams = (v: unknown): v is Params => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v));

export class RpcPeer {
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly notifications = new Map<string, (params: Params) => void>();
  private readonly running = new Map<Id, AbortController>();
  private readonly waiting = new Map<Id, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 1;
  private buffer = '';
  private closed = false;
  private output: Writable | undefined;
  /** Called once when the input ends or close() is called. */
  onclose: (() => void) | undefined;

  constructor(private readonly log: (line: string) => void) {
    this.onNotification('notifications/cancelled', p => {
      if (isId(p?.requestId)) this.running.get(p.requestId)?.abort();
    });
  }

  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  onNotification(method: string, handler: (params: Params) => void): void {
    this.notifications.set(method, handler);
  }

  /** Starts reading `input` and writing to `output`. */
  connect(input: Readable, output: Writable): void {
    this.output = output;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => this.read(chunk));
    input.on('end', () => this.close());
    input.on('error', () => this.close());
  }

  /** Sends a request to the client and waits for its answer; an abort withdraws it (notifications/cancelled). */
  request(method: string, params: Params, signal?: AbortSignal): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the connection is closed'));
    if (signal?.aborted) return Promise.reject(new Error('cancelled')); // never sent: nothing to withdraw
    const id = `s${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(id);
        this.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason: 'the request was withdrawn' } });
        reject(new Error('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(id, {
        resolve: v => (signal?.removeEventListener('abort', onAbort), resolve(v)),
        reject: e => (signal?.removeEventListener('abort', onAbort), reject(e)),
      });
      this.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.running.values()) c.abort();
    for (const w of this.waiting.values()) w.reject(new Error('the connection closed'));
    this.waiting.clear();
    this.onclose?.();
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      if (line.trim()) this.receive(line);
    }
  }

  private receive(line: string): void {
    let m: Message;
    try {
      m = JSON.parse(line) as Message;
    } catch {
      return this.send({ jsonrpc: '2.0', id: null, error: { code: RPC_ERROR.parse, message: 'Parse error' } });
    }
    if (typeof m !== 'object' || m === null || Array.isArray(m)) {
      return this.send({ jsonrpc: '2.0', id: null, error: { code: RPC_ERROR.invalidRequest, message: 'Invalid request' } });
    }
    if (typeof m.method === 'string') {
      if (!isParams(m.params)) return isId(m.id) ? this.fail(m.id, RPC_ERROR.invalidParams, 'params must be an object') : undefined;
      if (m.id === undefined) return this.notifications.get(m.method)?.(m.params);
      if (!isId(m.id)) return this.send({ jsonrpc: '2.0', id: null, error: { code: RPC_ERROR.invalidRequest, message: 'Invalid request id' } });
      return void this.handle(m.id, m.method, m.params);
    }
    // An answer to one of ours.
    const w = isId(m.id) ? this.waiting.get(m.id) : undefined;
    if (!w) return;
    this.waiting.delete(m.id as Id);
    if (m.error) w.reject(new RpcError(typeof m.error.code === 'number' ? m.error.code : RPC_ERROR.internal, String(m.error.message ?? 'error')));
    else w.resolve(m.result);
  }

  private async handle(id: Id, method: string, params: Params): Promise<void> {
    const handler = this.handlers.get(method);
    if (!handler) return this.fail(id, RPC_ERROR.methodNotFound, `Method not found: ${method.slice(0, 60)}`);
    const controller = new AbortController();
    this.running.set(id, controller);
    try {
      const result = await handler(params, controller.signal);
      // A request the client cancelled gets no answer (the MCP spec).
      if (!controller.signal.aborted) this.send({ jsonrpc: '2.0', id, result: result ?? {} });
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err instanceof RpcError) return this.fail(id, err.code, err.message);
      this.log(`${method.slice(0, 60)} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      this.fail(id, RPC_ERROR.internal, 'Internal error');
    } finally {
      this.running.delete(id);
    }
  }

  private fail(id: Id, code: number, message: string): void {
    this.send({ jsonrpc: '2.0', id, error: { code, message } });
  }

  private send(message: object): void {
    if (this.closed || !this.output) return;
    this.output.write(`${JSON.stringify(message)}\n`);
  }
}
