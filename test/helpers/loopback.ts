// A tiny HTTP server on 127.0.0.1 that answers with whatever a test scripts, and records what it received.
// Every tier's loopback servers (the client's fake Exotel, webhook receivers) are made here.
import * as http from 'http';
import { AddressInfo } from 'net';

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait before answering (for timeouts). */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  drop?: boolean;
  /** Never answer: the request stays open until the server is closed (for a peer that times out). */
  hang?: boolean;
}

export interface Loopback {
  baseUrl: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * `answer` may be async (a webhook that parses what it received before answering); it runs once the whole body
 * has arrived and the request is in `received`. An error thrown by it drops the request and is thrown again, uncaught,
 * so that the test fails instead of the peer seeing an answer.
 */
export async function startLoopback(answer: (req: Received, index: number) => Reply | Promise<Reply>, listenPort = 0): Promise<Loopback> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const reply = (reply: Reply) => {
        if (reply.hang) return;
        const send = () => {
          if (reply.drop) {
            req.socket.destroy();
            return;
          }
          res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json', ...reply.headers });
          res.end(reply.body ?? '');
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
        else send();
      };
      new Promise<Reply>(resolve => resolve(answer(r, received.length - 1))).then(reply, (err: unknown) => {
        req.socket.destroy();
        process.nextTick(() => {
          throw err;
        });
      });
    });
  });
  await new Promise<void>(resolve => server.listen(listenPort, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
