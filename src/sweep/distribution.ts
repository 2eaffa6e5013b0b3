// A figure's spread over the seeds of a sweep: quantiles by nearest rank (no interpolation, so a
// quantile is always a value some seed produced) and a histogram on round bin edges, each bin
// naming its lowest seed so a bar can open that run. Pure functions of the rows in seed order,
// so the same seeds give the same numbers however they were split among workers or machines.

export interface Quantiles {
  readonly min: number;
  readonly p1: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export interface Bin {
  /** Lower edge, inclusive. */
  readonly from: number;
  /** Upper edge: exclusive, except the last bin's, which holds the maximum. */
  readonly to: number;
  readonly count: number;
  /** The lowest seed whose value falls in the bin. */
  readonly seed: number;
}

export interface Distribution {
  /** Seeds with a value (a seed without requests has no availability). */
  readonly count: number;
  readonly quantiles: Quantiles;
  readonly bins: readonly Bin[];
}

export const TARGET_BINS = 20;

/** The nearest-rank q-quantile of sorted values: the smallest value with at least q of them at or below it. */
export function nearestRank(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

/** A round width (1, 2 or 5 times a power of ten) giving about `target` bins; at least 1 for counts. */
export function binWidth(min: number, max: number, integers: boolean, target = TARGET_BINS): number {
  const raw = (max - min) / target;
  // All alike (or alike but for rounding): one bin, at least as wide as a count's step.
  if (!(raw > Math.max(Math.abs(min), Math.abs(max)) * 1e-12 && raw > 1e-300))
    return integers ? 1 : Math.max(Math.abs(min) * 1e-6, 1e-9, (max - min) * 2);
  const power = 10 ** Math.floor(Math.log10(raw));
  const width = [1, 2, 5, 10].map((m) => m * power).find((w) => w >= raw * (1 - 1e-12)) as number;
  return integers ? Math.max(1, Math.ceil(width)) : width;
}

/** values[i] belongs to seeds[i]; nulls are skipped. Null when no seed has a value. */
export function distributionOf(
  values: readonly (number | null)[],
  seeds: readonly number[],
  integers: boolean,
): Distribution | null {
  const pairs: [number, number][] = [];
  values.forEach((v, i) => {
    if (v !== null) pairs.push([v, seeds[i] as number]);
  });
  if (pairs.length === 0) return null;
  const sorted = pairs.map(([v]) => v).sort((a, b) => a - b);
  let sum = 0;
  for (const [v] of pairs) sum += v; // in seed order, so every split of the seeds sums alike
  const min = sorted[0] as number;
  const max = sorted.at(-1) as number;
  const q = (p: number) => nearestRank(sorted, p);
  const quantiles: Quantiles = {
    min,
    p1: q(0.01),
    p5: q(0.05),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p95: q(0.95),
    p99: q(0.99),
    max,
    mean: sum / pairs.length,
  };
  return { count: pairs.length, quantiles, bins: binsOf(pairs, min, max, integers) };
}

function binsOf(pairs: readonly [number, number][], min: number, max: number, integers: boolean): Bin[] {
  const width = binWidth(min, max, integers);
  const start = Math.floor(min / width) * width;
  const n = Math.min(10 * TARGET_BINS, Math.max(1, Math.floor((max - start) / width) + 1));
  const counts = new Array<number>(n).fill(0);
  const lowest = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  for (const [v, seed] of pairs) {
    const i = Math.min(n - 1, Math.max(0, Math.floor((v - start) / width)));
    counts[i] = (counts[i] as number) + 1;
    lowest[i] = Math.min(lowest[i] as number, seed);
  }
  const edge = (i: number) => Number((start + i * width).toPrecision(12));
  const bins: Bin[] = [];
  for (let i = 0; i < n; i++)
    if ((counts[i] as number) > 0)
      bins.push({ from: edge(i), to: edge(i + 1), count: counts[i] as number, seed: lowest[i] as number });
  return bins;
}
