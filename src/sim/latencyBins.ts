// A compact copy of a latency histogram for one window: 32 bins per doubling (each value within
// 1.6% of its bin's middle), as flat [bin, count, bin, count, ...] pairs of the bins that
// hold anything. Windows carry it so a view can merge any run of windows and read any percentile
// of it, with failed requests counted as slower than every success (what users got).
import { BUCKET_COUNT, bucketUpper, type Histogram } from './histogram';

/** Fine histogram buckets (128 per doubling) folded into one coarse bin. */
const FOLD = 4;
export const LATENCY_BIN_COUNT = Math.ceil(BUCKET_COUNT / FOLD);

/** The histogram's non-empty coarse bins as flat [bin, count] pairs, lowest bin first. */
export function latencyBinsOf(h: Histogram): number[] {
  const out: number[] = [];
  if (h.count === 0) return out;
  const counts = h.counts;
  let last = -1;
  for (let b = h.low; b <= h.high; b++) {
    const n = counts[b] as number;
    if (n === 0) continue;
    const bin = (b / FOLD) | 0;
    if (bin === last) out[out.length - 1] = (out[out.length - 1] as number) + n;
    else {
      out.push(bin, n);
      last = bin;
    }
  }
  return out;
}

/** The middle of a coarse bin's value range, ms: within 1.6% of any value in the bin. */
export function latencyBinMiddleMs(bin: number): number {
  const lower = bin === 0 ? 0 : bucketUpper(bin * FOLD - 1);
  const upper = bucketUpper(Math.min(BUCKET_COUNT, (bin + 1) * FOLD) - 1);
  return (lower + upper) / 2;
}

/** Bins of several windows added together; reuse `into` to merge without allocating. */
export function mergeLatencyBins(
  lists: Iterable<readonly number[] | undefined>,
  into = new Float64Array(LATENCY_BIN_COUNT),
): Float64Array {
  into.fill(0);
  for (const list of lists) {
    if (!list) continue;
    for (let i = 0; i + 1 < list.length; i += 2) {
      const bin = list[i] as number;
      into[bin] = (into[bin] as number) + (list[i + 1] as number);
    }
  }
  return into;
}

/**
 * The nearest rank of quantile q among every finished request with the failures slowest: a rank
 * among the successes, Infinity when it falls among the failures, null when nothing finished.
 */
export function successRank(succeeded: number, failed: number, q: number): number | null {
  const total = succeeded + failed;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  return rank > succeeded ? Number.POSITIVE_INFINITY : rank;
}

/**
 * A percentile of every finished request: the successes in `merged` plus `failed` requests that
 * count as slower than any success. Nearest rank, as Histogram.quantiles. Infinity when the request
 * at that rank failed; null when nothing finished. `maxMs`, if known, caps a success's value.
 */
export function quantileWithFailures(
  merged: Float64Array,
  failed: number,
  q: number,
  maxMs = Number.POSITIVE_INFINITY,
): number | null {
  let succeeded = 0;
  for (let bin = 0; bin < merged.length; bin++) succeeded += merged[bin] as number;
  const rank = successRank(succeeded, failed, q);
  if (rank === null || rank === Number.POSITIVE_INFINITY) return rank;
  let seen = 0;
  for (let bin = 0; bin < merged.length; bin++) {
    seen += merged[bin] as number;
    if (seen >= rank) return Math.min(maxMs, latencyBinMiddleMs(bin));
  }
  return Number.POSITIVE_INFINITY; // unreachable: the ranks add up to `succeeded`
}

/** quantileWithFailures for one window's flat [bin, count] pairs, without merging. */
export function binsQuantileWithFailures(
  bins: readonly number[],
  failed: number,
  q: number,
  maxMs = Number.POSITIVE_INFINITY,
): number | null {
  let succeeded = 0;
  for (let i = 1; i < bins.length; i += 2) succeeded += bins[i] as number;
  const rank = successRank(succeeded, failed, q);
  if (rank === null || rank === Number.POSITIVE_INFINITY) return rank;
  let seen = 0;
  for (let i = 0; i + 1 < bins.length; i += 2) {
    seen += bins[i + 1] as number;
    if (seen >= rank) return Math.min(maxMs, latencyBinMiddleMs(bins[i] as number));
  }
  return Number.POSITIVE_INFINITY;
}
