/** Nearest-rank percentile of a sample (p in 0..100); NaN for an empty sample. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

export function summarise(sample: readonly number[]): Summary {
  return {
    p50: percentile(sample, 50),
    p95: percentile(sample, 95),
    p99: percentile(sample, 99),
    max: sample.length ? Math.max(...sample) : Number.NaN,
    n: sample.length,
  };
}

/** Runs `work` `times` times after `warmup` unmeasured runs; returns each run's milliseconds. */
export async function timeRuns(times: number, work: (i: number) => Promise<unknown>, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work(i);
  const sample: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work(i);
    sample.push(performance.now() - started);
  }
  return sample;
}

/** Rounds to 3 significant decimals for the tables. */
export const round = (value: number) => Math.round(value * 1000) / 1000;
