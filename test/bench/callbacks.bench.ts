// The Callbacks view with 1,000 recorded deliveries: the memory they hold and the time to build the list as the
// tree does (group by call, then every row's label, description, icon and tooltip). No assertions: figures only.
import { CallbackAttempt } from '../../src/sandbox/callbacks';
import { callbackFields } from '../../src/sandbox/callbackPayload';
import { asMultipart } from '../../src/webhooks/wireFormat';
import { newCallRecord } from '../../src/sandbox/callRecord';
import { Delivery, DeliveryStore, deliveryRow, fromAttempt, groupDeliveries, jsonLine } from '../../src/callbacks';

const N = 1000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** 500 calls, each with a failed first attempt (500) and an accepted retry: extended multipart bodies as the sandbox sends. */
function attempts(): CallbackAttempt[] {
  const out: CallbackAttempt[] = [];
  const t0 = Date.UTC(2026, 11, 2, 8, 0, 0);
  for (let i = 0; i < N / 2; i++) {
    const sid = `${i.toString(36).padStart(6, '0')}${'a'.repeat(25)}1`;
    const call = newCallRecord({
      sid,
      accountSid: 'bench',
      createdAt: t0 + i * 1000,
      to: { echo: `0987654${String(i).padStart(4, '0')}`, e164: `+91987654${String(i).padStart(4, '0')}` },
      from: { echo: '09845012340', e164: '+919845012340' },
      exophone: { echo: '08047112345', e164: '+918047112345' },
      direction: 'outbound-api',
      recorded: false,
    });
    call.status = 'completed';
    const boundary = `----ExotelSandbox${i.toString(16).padStart(16, '0')}`;
    const body = asMultipart(
      callbackFields(call, 'terminal', true, {
        baseUrl: 'http://127.0.0.1:1',
        accountSid: 'bench',
        nowMs: t0 + i * 1000 + 6000,
        signed: false,
        secret: 'bench',
      }),
      boundary,
    );
    for (const attempt of [1, 2]) {
      out.push({
        callSid: sid,
        event: 'terminal',
        url: 'http://localhost:3000/exotel/status',
        attempt,
        contentType: `multipart/form-data; boundary=${boundary}`,
        body,
        at: new Date(t0 + i * 1000 + attempt * 1000),
        ok: attempt === 2,
        status: attempt === 1 ? 500 : 200,
        method: 'POST',
        requestHeaders: {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(body.length),
          'User-Agent': 'Exotel-Sandbox/1.0',
        },
        maxAttempts: 3,
        done: true,
        responseHeaders: { 'Content-Type': 'application/json', 'Content-Length': '16' },
        responseBody: attempt === 1 ? '{"error":"database unavailable"}' : '{"ok":true}',
        latencyMs: 12 + (i % 40),
      });
    }
  }
  return out;
}

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

export function benchCallbacks(): Record<string, string | number> {
  const start = heap();
  const raw = attempts();
  const before = heap();
  const store = new DeliveryStore();
  raw.forEach((a, i) => store.upsert(fromAttempt(a, `s${i}`)));
  const held = heap() - before;
  const formatTime = (at: Date) => at.toISOString().slice(11, 19);
  const render = (): number => {
    const t = performance.now();
    const groups = groupDeliveries(store.all());
    let chars = 0;
    for (const g of groups) for (const d of g.deliveries) chars += deliveryRow(d, formatTime).description.length;
    if (!chars) throw new Error('nothing rendered');
    return performance.now() - t;
  };
  const cold = render(); // the first build parses every To number for display
  const times = Array.from({ length: 15 }, render);
  const all: Delivery[] = store.all();
  const t = performance.now();
  const exported = all.map(jsonLine).join('\n');
  const exportMs = performance.now() - t;
  return {
    deliveries: store.size,
    'calls (groups)': groupDeliveries(all).length,
    'memory: the sandbox attempts (bodies, answers)': `${((before - start) / 1024 / 1024).toFixed(2)} MB`,
    "memory: the view's 1,000 deliveries on top (bodies shared)": `${(held / 1024 / 1024).toFixed(2)} MB`,
    'build the whole list, first time (numbers parsed for display)': `${cold.toFixed(1)} ms`,
    'build the whole list (group + every row), median of 15': `${median(times).toFixed(1)} ms`,
    'build the whole list, slowest of 15': `${Math.max(...times).toFixed(1)} ms`,
    'Export… of all 1,000 (JSON Lines, masked)': `${exportMs.toFixed(1)} ms, ${(exported.length / 1024).toFixed(0)} KB`,
  };
}
