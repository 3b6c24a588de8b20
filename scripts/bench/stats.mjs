// Nearest-rank percentiles of timings taken in Node, as bench/stats.ts computes them in the
// bench page (that one is TypeScript, which Node 20 does not load).
const round = (n) => Math.round(n * 100) / 100;

export function stats(values) {
  if (values.length === 0) throw new Error('stats of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  return {
    count: sorted.length,
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    median: round(rank(0.5)),
    p95: round(rank(0.95)),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
  };
}

export const ratio = (a, b) => Math.round((a / b) * 100) / 100;
