// Speed of the phone module on editor-like text. No assertions: it returns figures for `npm run bench`.
// "cold" timings clear the module's answer cache first; "warm" ones re-scan text it has already seen,
// which is what a hover over the same line does.
import { clearPhoneCache, findPhoneNumbers, parsePhone } from '../../src/phone';

/** Deterministic pseudo-random numbers, so every run scans the same text. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

type Template = (r: () => number) => string;

// Lines with phone numbers: about one number per 80 characters, most of them distinct.
const WITH_NUMBERS: Template[] = [
  r => `const to = '9${digits(r, 9)}'; // customer ${Math.floor(r() * 1000)}`,
  r =>
    `{"Sid":"${hex(r, 31)}k","DateCreated":"2020-02-20 18:42:19","To":"+91${7 + Math.floor(r() * 3)}${digits(r, 9)}","From":"0${8 + Math.floor(r() * 2)}${digits(r, 9)}","PhoneNumberSid":"+60327712799","Price":"1.500"}`,
  r => `${digits(r, 4)},09052161119,Completed,2024-01-15,${Math.floor(r() * 600)},₹ 2,345.00,${hex(r, 32)}`,
  r => `[2024-01-15 18:42:${digits(r, 2)}] INFO call ${hex(r, 32)} to 080-3075-2400 from 192.168.10.${Math.floor(r() * 255)} took ${r().toFixed(3)}s`,
  r => `Support: 1800 123 4567 or (080) 3075 2400; mobile +91 98765 ${digits(r, 5)}; UK +44 20 7183 8750`,
];

// Lines with look-alikes only: versions, timestamps, ids, UUIDs, IPs, amounts, masked numbers, code.
const WITHOUT_NUMBERS: Template[] = [
  r => `node v20.20.2, vscode 1.95.0, ts 4.100.3; built 1700000000123 (1700000000) id=${digits(r, 20)}`,
  r => `uuid ${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)} on 15/01/2024 at 10.0.0.1, masked 0XXXXXX4890`,
  r => `    if (retries > 3) { await sleep(${Math.floor(r() * 5000)}); return fetchCall(sid, { timeout: 30000 }); }`,
  r =>
    `[2020-02-20 18:42:${digits(r, 2)}] DEBUG ${hex(r, 32)} price=₹ ${digits(r, 4)}.${digits(r, 2)} at ${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.0.1`,
];

function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

function hex(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 16).toString(16);
  return s;
}

function lines(templates: Template[], totalChars: number, seed: number): string[] {
  const r = lcg(seed);
  const out: string[] = [];
  for (let size = 0; size < totalChars;) {
    const line = templates[Math.floor(r() * templates.length)](r);
    out.push(line);
    size += line.length + 1;
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (x: number, places = 3): number => Number(x.toFixed(places));

/**
 * MB/s of findPhoneNumbers over `text` by wall clock and by this process's CPU time (the second is steadier
 * when other work shares the machine), and how many numbers it found.
 */
function throughput(text: string[]): { wall: number; cpu: number; matches: number } {
  const mb = Buffer.byteLength(text.join('\n'), 'utf8') / 1e6;
  let matches = 0;
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (const line of text) matches += findPhoneNumbers(line).length;
  const wallMs = performance.now() - t;
  const { user, system } = process.cpuUsage(cpu);
  return { wall: round(mb / (wallMs / 1000), 2), cpu: round(mb / ((user + system) / 1e6), 2), matches };
}

/** Median ms to scan one 10,000-character line (like a minified bundle or one-line JSON). */
function longLine(seed: number): string {
  return lines([...WITH_NUMBERS, ...WITHOUT_NUMBERS], 12_000, seed)
    .join(' ')
    .slice(0, 10_000);
}

function longLineMs(cold: boolean): number {
  const times: number[] = [];
  const same = longLine(7);
  for (let i = 0; i < 200; i++) {
    const line = cold ? longLine(100 + i) : same;
    if (cold) clearPhoneCache();
    const t = performance.now();
    findPhoneNumbers(line);
    times.push(performance.now() - t);
  }
  return round(median(times));
}

export async function benchPhone(): Promise<Record<string, string | number>> {
  const mixed = lines([...WITH_NUMBERS, ...WITHOUT_NUMBERS], 1_000_000, 42);
  const lookAlikes = lines(WITHOUT_NUMBERS, 1_000_000, 43);
  for (const line of lines([...WITH_NUMBERS, ...WITHOUT_NUMBERS], 50_000, 1)) findPhoneNumbers(line); // JIT warm-up

  clearPhoneCache();
  const cold = throughput(mixed);
  const warm = throughput(mixed);
  clearPhoneCache();
  const none = throughput(lookAlikes);

  const inputs = ['+919876543210', '09052161119', '080-3075-2400', '1800 123 4567', '+442071838750', '12345', '0XXXXX30240', '1700000000'];
  const calls = 20_000;
  for (let i = 0; i < 1000; i++) parsePhone(inputs[i % inputs.length]);
  const t = performance.now();
  for (let i = 0; i < calls; i++) parsePhone(inputs[i % inputs.length]);
  const parseMs = performance.now() - t;

  return {
    'phone.find MB/s, 1 MB mixed text, cold': cold.wall,
    'phone.find MB/s, 1 MB mixed text, cold, CPU time': cold.cpu,
    'phone.find MB/s, same text again (warm)': warm.wall,
    'phone.find numbers found in the 1 MB': cold.matches,
    'phone.find MB/s, 1 MB of look-alikes only': none.wall,
    'phone.find MB/s, 1 MB of look-alikes only, CPU time': none.cpu,
    'phone.find false positives in the look-alikes': none.matches,
    'phone.find ms per 10,000-char line, cold (median)': longLineMs(true),
    'phone.find ms per 10,000-char line, warm (median)': longLineMs(false),
    'phone.find numbers in that 10,000-char line': findPhoneNumbers(longLine(7)).length,
    'phone.parsePhone µs per call': round((parseMs * 1000) / calls, 2),
  };
}
