// Which seeds a sweep runs: a range like "1-10000" (inclusive), and the slice of it one shard of
// n runs. Slices are contiguous and differ in size by at most one, so n shards cover the range
// exactly once whatever n is. Bad input is refused with a sentence naming what is wrong (issue 16).

/** The most seeds one sweep may cover. */
export const MAX_SEEDS = 10_000_000;
/** Seeds are 32-bit, like a run's. */
export const MAX_SEED = 0xffffffff;

export interface SeedRange {
  /** First seed, inclusive. */
  readonly from: number;
  /** Last seed, inclusive. */
  readonly to: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function seedCount(range: SeedRange): number {
  return range.to - range.from + 1;
}

/** Reads "A-B" or a single seed "A". */
export function parseSeedRange(text: string): Parsed<SeedRange> {
  const match = /^\s*(\d{1,10})\s*(?:-\s*(\d{1,10})\s*)?$/.exec(text);
  if (match === null)
    return { ok: false, error: `--seeds must be a range like 1-1000 (first and last seed), not "${text}"` };
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from > MAX_SEED || to > MAX_SEED) return { ok: false, error: `--seeds: a seed is at most ${MAX_SEED}` };
  if (to < from)
    return { ok: false, error: `--seeds ${text} is empty: the last seed (${to}) is before the first (${from})` };
  const count = to - from + 1;
  if (count > MAX_SEEDS)
    return {
      ok: false,
      error: `--seeds ${text} has ${count.toLocaleString('en-US')} seeds; a sweep runs at most ${MAX_SEEDS.toLocaleString('en-US')} (split it into several sweeps and merge them)`,
    };
  return { ok: true, value: { from, to } };
}

export interface Shard {
  /** 1-based, as written on the command line ("3/8" is the third of eight). */
  readonly index: number;
  readonly of: number;
}

/** Reads "i/n" with 1 ≤ i ≤ n. */
export function parseShard(text: string): Parsed<Shard> {
  const match = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  if (match === null)
    return { ok: false, error: `--shard must look like 3/8 (the third of eight slices), not "${text}"` };
  const index = Number(match[1]);
  const of = Number(match[2]);
  if (of < 1) return { ok: false, error: `--shard ${text}: there must be at least one slice` };
  if (index < 1 || index > of)
    return { ok: false, error: `--shard ${text}: the slice number must be from 1 to ${of}, not ${index}` };
  return { ok: true, value: { index, of } };
}

/** The seeds shard i of n runs: contiguous, the first (count mod n) slices one seed longer. Null when empty. */
export function shardRange(range: SeedRange, shard: Shard): SeedRange | null {
  const count = seedCount(range);
  const base = Math.floor(count / shard.of);
  const extra = count % shard.of;
  const i = shard.index - 1;
  const start = i * base + Math.min(i, extra);
  const size = base + (i < extra ? 1 : 0);
  return size === 0 ? null : { from: range.from + start, to: range.from + start + size - 1 };
}
