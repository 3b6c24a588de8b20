export interface Stats {
  count: number;
  mean: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Nearest-rank percentiles. */
export function stats(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('stats of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    count: sorted.length,
    mean: round(mean),
    median: round(rank(0.5)),
    p95: round(rank(0.95)),
    min: round(sorted[0]!),
    max: round(sorted[sorted.length - 1]!),
  };
}
