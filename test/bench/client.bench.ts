// Client overhead against raw node:http on the same sandbox, and paging a 10,000-call history.
// Figures only, no assertions: compare ratios measured in one run, on one machine.
import * as http from 'http';
import fetch from 'node-fetch';
import { Call, ExotelClient, FetchLike, RateLimiter } from '../../src/exotel';
import { credentialSecrets, redact } from '../../src/exotel/redact';
import { startSandbox } from '../../src/sandbox';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function rawGet(agent: http.Agent, url: string, authorization: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { Authorization: authorization, Accept: 'application/json' } }, res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', c => (body += c));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

/** redact() on a 1.2 MB body with an @ every 601 characters: the shape that would be quadratic in a naive scanner. */
function benchRedact(): string {
  const body = `${'a:'.repeat(300)}@`.repeat(2000);
  const secrets = credentialSecrets('f3a9c1e7b5d20486a1c3e5f7b9d1a3c5', '7e5c3a1f9d7b5e3c1a9f7d5b3e1c9a7f');
  const times = [1, 2, 3, 4, 5].map(() => {
    const t0 = performance.now();
    redact(body, secrets);
    return performance.now() - t0;
  });
  return `${median(times).toFixed(1)} ms median of 5 (${(body.length / 1e6).toFixed(1)} MB)`;
}

export async function benchClient(): Promise<Record<string, string | number>> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 0, seed: { count: 10_000, days: 30 } });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const client = new ExotelClient({
    baseUrl: sandbox.baseUrl,
    accountSid: sandbox.accountSid,
    apiKey: sandbox.apiKey,
    apiToken: sandbox.apiToken,
    fetch: fetch as unknown as FetchLike,
    agent,
    limiter: new RateLimiter({ perMinute: 1_000_000 }),
  });
  try {
    const sid = sandbox.calls.all().at(-1)!.sid;
    const url = `${sandbox.baseUrl}/v1/Accounts/${sandbox.accountSid}/Calls/${sid}.json`;
    const rounds = 15;
    const perRound = 200;
    for (let i = 0; i < 300; i++) {
      // Warm-up: JIT and sockets, so the rounds compare steady states.
      await rawGet(agent, url, sandbox.authorization);
      await client.getCall(sid);
    }
    const raw: number[] = [];
    const viaClient: number[] = [];
    const viaNodeFetch: number[] = [];
    // node-fetch alone, with the client's headers: separates node-fetch's own cost from the client's.
    const nodeFetchGet = async () =>
      JSON.parse(await (await fetch(url, { agent, headers: { Authorization: sandbox.authorization, Accept: 'application/json' } })).text());
    for (let r = 0; r < rounds; r++) {
      // Interleaved rounds, so drift on a noisy machine hits both sides alike.
      let t = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) JSON.parse(await rawGet(agent, url, sandbox.authorization));
      raw.push(Number(process.hrtime.bigint() - t) / 1e6 / perRound);
      t = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) await client.getCall(sid);
      viaClient.push(Number(process.hrtime.bigint() - t) / 1e6 / perRound);
      t = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) await nodeFetchGet();
      viaNodeFetch.push(Number(process.hrtime.bigint() - t) / 1e6 / perRound);
    }

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const kept: Call[] = [];
    const pageTimes: number[] = [];
    let requests = 0;
    const t0 = Date.now();
    let t = Date.now();
    for await (const page of client.pages({ pageSize: 100 })) {
      pageTimes.push(Date.now() - t);
      requests++;
      kept.push(...page.calls); // what the call log holds after paging everything in
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      t = Date.now();
    }
    const listMs = Date.now() - t0;
    global.gc?.();
    const withCalls = process.memoryUsage().heapUsed;
    const held = kept.length;
    kept.length = 0;
    global.gc?.();
    const retained = withCalls - process.memoryUsage().heapUsed;
    return {
      'client GET, ms/request (median of rounds)': median(viaClient).toFixed(3),
      'raw node:http keep-alive GET, ms/request': median(raw).toFixed(3),
      'client / raw ratio, median of per-round ratios (goal ≤ 1.1)': median(viaClient.map((c, i) => c / raw[i])).toFixed(2),
      'client / raw ratio, best rounds': (Math.min(...viaClient) / Math.min(...raw)).toFixed(2),
      'node-fetch alone, ms/request': median(viaNodeFetch).toFixed(3),
      "client / node-fetch alone (the client's own share)": median(viaClient.map((c, i) => c / viaNodeFetch[i])).toFixed(2),
      'list 10,000 calls: calls listed': held,
      'list 10,000 calls: requests': requests,
      'list 10,000 calls: total ms': listMs,
      'list 10,000 calls: ms per page (median)': median(pageTimes),
      'list 10,000 calls: peak heap growth MB (goal ≤ 50)': ((peak - heapBefore) / 1048576).toFixed(1),
      'list 10,000 calls: retained decoded calls MB': (retained / 1048576).toFixed(1),
      'list 10,000 calls: calls held when measured': held,
      'redact, hostile body (an @ every 601 characters)': benchRedact(),
    };
  } finally {
    agent.destroy();
    await sandbox.close();
  }
}
