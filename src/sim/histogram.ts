// A streaming latency histogram with bounded memory: log-linear buckets, 128 per power of two
// (like HdrHistogram), so any reported percentile is within 0.4% of the exact sample percentile.
// The bucket index comes straight from the float's exponent and top mantissa bits.

import { pow2 } from './detMath';

const SUB_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BITS;
const MIN_EXPONENT = -20; // about 1e-6 ms; anything smaller shares the first bucket
const MAX_EXPONENT = 40; // about 1e12 ms; anything larger shares the last bucket
export const BUCKET_COUNT = (MAX_EXPONENT - MIN_EXPONENT + 1) * SUB_BUCKETS;

const floatView = new Float64Array(1);
const wordView = new Uint32Array(floatView.buffer);
// Which 32-bit word holds the sign/exponent depends on the platform's byte order.
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export function bucketOf(valueMs: number): number {
  if (!(valueMs > 0)) return 0;
  floatView[0] = valueMs;
  const hi = wordView[HIGH_WORD] as number;
  const exponent = ((hi >>> 20) & 0x7ff) - 1023;
  if (exponent < MIN_EXPONENT) return 0;
  if (exponent > MAX_EXPONENT) return BUCKET_COUNT - 1;
  return (exponent - MIN_EXPONENT) * SUB_BUCKETS + ((hi >>> (20 - SUB_BITS)) & (SUB_BUCKETS - 1));
}

/** The top of a bucket's value range. */
export function bucketUpper(bucket: number): number {
  const exponent = Math.floor(bucket / SUB_BUCKETS) + MIN_EXPONENT;
  return pow2(exponent) * (1 + ((bucket % SUB_BUCKETS) + 1) / SUB_BUCKETS);
}

/** The middle of a bucket's value range. */
export function bucketMiddle(bucket: number): number {
  const exponent = Math.floor(bucket / SUB_BUCKETS) + MIN_EXPONENT;
  const sub = bucket % SUB_BUCKETS;
  return pow2(exponent) * (1 + (sub + 0.5) / SUB_BUCKETS);
}

export const QUANTILES = [0.5, 0.95, 0.99, 0.999] as const;

export class Histogram {
  readonly counts = new Float64Array(BUCKET_COUNT);
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;
  // The buckets recorded into lie in [low, high]: a window's histogram is read and cleared every
  // simulated second, and scanning all 7,808 buckets for the hundred or so in use cost more than
  // recording a small scenario's requests.
  low = BUCKET_COUNT;
  high = -1;

  record(valueMs: number): void {
    const b = bucketOf(valueMs);
    this.counts[b] = (this.counts[b] as number) + 1;
    if (b < this.low) this.low = b;
    if (b > this.high) this.high = b;
    this.count++;
    this.sum += valueMs;
    if (valueMs < this.min) this.min = valueMs;
    if (valueMs > this.max) this.max = valueMs;
  }

  clear(): void {
    if (this.high >= this.low) this.counts.fill(0, this.low, this.high + 1);
    this.low = BUCKET_COUNT;
    this.high = -1;
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /**
   * Nearest-rank percentiles (the smallest value with at least q of the samples at or below it),
   * for several ascending quantiles in one pass. Clamped to the exact min and max.
   */
  quantiles(qs: readonly number[]): number[] {
    const out = new Array<number>(qs.length).fill(0);
    if (this.count === 0) return out;
    let next = 0;
    let seen = 0;
    const counts = this.counts;
    for (let b = this.low; b <= this.high && next < qs.length; b++) {
      const c = counts[b] as number;
      if (c === 0) continue;
      seen += c;
      while (next < qs.length && seen >= Math.max(1, Math.ceil((qs[next] as number) * this.count))) {
        out[next] = Math.min(this.max, Math.max(this.min, bucketMiddle(b)));
        next++;
      }
    }
    return out;
  }

  /** The value of the rank-th smallest sample (1-based, at most count), as quantiles reports it. */
  atRank(rank: number): number {
    let seen = 0;
    for (let b = this.low; b <= this.high; b++) {
      seen += this.counts[b] as number;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, bucketMiddle(b)));
    }
    return this.max;
  }

  /** Share of samples above a value (by bucket, so within the bucket resolution). */
  shareAbove(valueMs: number): number {
    if (this.count === 0) return 0;
    let above = 0;
    for (let b = Math.max(bucketOf(valueMs) + 1, this.low); b <= this.high; b++) above += this.counts[b] as number;
    return above / this.count;
  }
}
