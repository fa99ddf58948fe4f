// Speed of the number hover's editor-free path, as provideHover runs it on a cache hit: find the number under the
// pointer, read the cache, build the Markdown. No assertions: it returns figures for `npm run bench`.
// (The in-host suite measures the same through vscode.executeHoverProvider, RPC included.)
import type { NumberMetadata } from '../../src/exotel';
import { hoverMarkdown } from '../../src/features/numbers/hoverMarkdown';
import { numberAt } from '../../src/features/numbers/hoverTarget';
import { DAY_MS, HOUR_MS } from '../../src/exotel';
import { cacheKey, NumberCache } from '../../src/services/numbers/numberCache';
import { SharedRequests } from '../../src/services/numbers/sharedRequests';
import { clearPhoneCache } from '../../src/phone';

const ACCOUNT = 'exotel1';
const META: NumberMetadata = {
  phoneNumber: '09876543210',
  circle: 'DL',
  circleName: 'Delhi Metro Telecom Circle (includes NCR, Faridabad, Ghaziabad, Gurgaon & Noida)',
  type: 'Mobile',
  operator: 'V',
  operatorName: 'Vodafone',
  dnd: 'Yes',
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const µs = (ms: number) => Math.round(ms * 1000 * 10) / 10;

export async function benchHover(): Promise<Record<string, number | string>> {
  const cache = new NumberCache({ ttlMs: 7 * DAY_MS, dndTtlMs: 24 * HOUR_MS, maxEntries: 5000 });
  for (let i = 0; i < 5000; i++)
    cache.set(cacheKey(ACCOUNT, `+91987${String(i).padStart(7, '0')}`), { ...META, phoneNumber: `0987${String(i).padStart(7, '0')}` });
  cache.set(cacheKey(ACCOUNT, '+919876543210'), META);
  const requests = new SharedRequests<NumberMetadata>();
  const fetchMeta = async () => META; // never reached on a hit

  /** One hover as NumberHover.provideHover does it, minus the editor's types. */
  const hoverOnce = async (line: string, ch: number): Promise<string | undefined> => {
    const m = numberAt(line, ch);
    if (!m) return undefined;
    const key = cacheKey(ACCOUNT, m.number.e164);
    let entry = cache.get(key);
    if (!entry || !cache.isDndFresh(entry)) {
      await requests.run(key, fetchMeta);
      entry = cache.get(key);
    }
    return hoverMarkdown({ number: m.number, meta: entry?.meta, age: entry && Date.now() - entry.fetchedAt });
  };

  const line = '{"Sid":"b6cfaf3a1e7d4f2a8c9d0e1f2a3b9876","DateCreated":"2024-01-15 18:42:19","To":"09876543210","From":"+919052161119","Price":"1.500"}';
  const ch = line.indexOf('09876543210') + 4;
  const minified = JSON.stringify(
    Array.from({ length: 800 }, (_, i) => ({
      Sid: `${i}`.padStart(32, 'a'),
      To: i === 400 ? '09876543210' : `0905216${String(1000 + i).slice(-4)}`,
      Price: '1.500',
    })),
  );
  const chLong = minified.indexOf('"09876543210"') + 4;
  const words = 'const result = await client.getNumberMetadata(number, { signal });';

  const time = async (runs: number, fn: () => Promise<unknown>, before?: () => void): Promise<number> => {
    for (let i = 0; i < 200; i++) {
      before?.();
      await fn();
    } // JIT warm-up
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      before?.();
      const t = performance.now();
      await fn();
      xs.push(performance.now() - t);
    }
    return median(xs);
  };

  const hit = await time(1000, () => hoverOnce(line, ch));
  const hitCold = await time(1000, () => hoverOnce(line, ch), clearPhoneCache);
  const hitLong = await time(1000, () => hoverOnce(minified, chLong));
  const miss = await time(1000, () => hoverOnce(words, 8));
  const markdownBytes = (await hoverOnce(line, ch))?.length ?? 0;

  return {
    'hover µs, cache hit, median of 1000 (line seen before)': µs(hit),
    'hover µs, cache hit, median of 1000 (first hover on the line: phone cache cleared)': µs(hitCold),
    [`hover µs, cache hit in a ${Math.round(minified.length / 1024)} KB minified JSON line, median of 1000`]: µs(hitLong),
    'hover µs, pointer over a word (no number), median of 1000': µs(miss),
    'hover requests sent on 4,400 cache hits': requests.started,
    'hover Markdown characters': markdownBytes,
    'cache entries (bound)': cache.size,
  };
}
