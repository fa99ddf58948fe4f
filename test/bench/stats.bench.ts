// Call Stats over 10,000 calls in plain Node (goal ≤ 50 ms): the median of several runs after a warm-up.
import { computeStats } from '../../src/stats';
import { syntheticCalls } from '../unit/stats/syntheticCalls';

export function benchStats(): Record<string, string | number> {
  const calls = syntheticCalls(10_000, 2000);
  const facts = new Map<string, { circle: string; operator: string }>();
  for (let i = 0; i < 1500; i++) facts.set(`+919${String(800000000 + i).padStart(9, '0')}`, { circle: 'KA', operator: 'Airtel' });
  const run = () => {
    const t = performance.now();
    computeStats(calls, { numberFacts: e => facts.get(e) });
    return performance.now() - t;
  };
  const cold = run();
  const times = Array.from({ length: 9 }, run).sort((a, b) => a - b);
  return {
    'computeStats, 10,000 calls, first run': `${cold.toFixed(1)} ms`,
    'computeStats, 10,000 calls, median of 9': `${times[4].toFixed(1)} ms`,
  };
}
