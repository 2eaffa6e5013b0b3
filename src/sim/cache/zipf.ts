// Key popularity: key k of K is asked for with probability proportional to 1 / (k + 1)^s (Zipf;
// s = 0 is uniform), and one "celebrity" key may take an extra share of all asks. Up to
// TABLE_MAX_KEYS keys draw from Walker's alias table (O(1), two uniforms, 8 bytes a key); larger
// key spaces use rejection-inversion (O(1) memory, slower). Popularity never changes during a run.
import { exp, log } from '../detMath';
import type { Rng } from '../random';
import { ZipfRejection } from './zipfRejection';

/** Up to 2^20 keys the alias table costs at most 8 MiB; beyond that draws go table-free. */
export const TABLE_MAX_KEYS = 1 << 20;
/** Key ids are Int32 everywhere in the cache's arrays. */
export const MAX_KEYS = 0x7fffffff;

export type ZipfMethod = 'table' | 'rejection' | 'auto';

export interface ZipfOptions {
  /** A key with an extra share of all asks (default none). */
  celebrityKey?: number;
  /** The celebrity's extra share, 0..1: P(k) = share [k = celebrity] + (1 - share) Zipf(k). */
  celebrityShare?: number;
  /** Default 'auto': the table up to TABLE_MAX_KEYS keys. */
  method?: ZipfMethod;
}

const TWO_32 = 4294967296;

/** Checks the parameters, naming the field at fault. */
function validate(keys: number, exponent: number, options: ZipfOptions): void {
  if (!Number.isInteger(keys) || keys < 1 || keys > MAX_KEYS)
    throw new RangeError(`keys must be an integer from 1 to ${MAX_KEYS}, not ${keys}`);
  if (!(exponent >= 0 && exponent <= 10)) throw new RangeError(`exponent must be from 0 to 10, not ${exponent}`);
  const share = options.celebrityShare ?? 0;
  if (!(share >= 0 && share <= 1)) throw new RangeError(`celebrityShare must be from 0 to 1, not ${share}`);
  const key = options.celebrityKey ?? 0;
  if (!Number.isInteger(key) || key < 0 || key >= keys)
    throw new RangeError(`celebrityKey must be a key id from 0 to ${keys - 1}, not ${key}`);
}

/** The probability of every key, Zipf(s) plus the celebrity's share: K doubles (tests, Che's approximation). */
export function zipfProbabilities(keys: number, exponent: number, options: ZipfOptions = {}): Float64Array {
  validate(keys, exponent, options);
  const p = new Float64Array(keys);
  let total = 0;
  // Smallest weights first, so the sum loses as little as it can.
  for (let k = keys - 1; k >= 0; k--) {
    const w = exponent === 0 ? 1 : exp(-exponent * log(k + 1));
    p[k] = w;
    total += w;
  }
  const share = options.celebrityShare ?? 0;
  const scale = (1 - share) / total;
  for (let k = 0; k < keys; k++) p[k] = (p[k] as number) * scale;
  if (share > 0) {
    const key = options.celebrityKey ?? 0;
    p[key] = (p[key] as number) + share;
  }
  return p;
}

/** Vose's alias method: column i keeps i when a uniform falls below threshold[i] / 2^32, else alias[i]. */
function buildAlias(p: Float64Array): { threshold: Uint32Array; alias: Int32Array } {
  const n = p.length;
  const scaled = new Float64Array(n);
  // One worklist: small columns grow from the front, large ones from the back.
  const work = new Int32Array(n);
  let small = 0;
  let large = n;
  for (let i = 0; i < n; i++) {
    scaled[i] = (p[i] as number) * n;
    if ((scaled[i] as number) < 1) work[small++] = i;
    else work[--large] = i;
  }
  const threshold = new Uint32Array(n);
  const alias = new Int32Array(n);
  for (let i = 0; i < n; i++) alias[i] = i;
  while (small > 0 && large < n) {
    const lo = work[--small] as number;
    const hi = work[large++] as number;
    // Rounding may leave a column a hair outside [0, 1): clamp, or the Uint32 would wrap.
    threshold[lo] = Math.min(Math.max(Math.round((scaled[lo] as number) * TWO_32), 0), TWO_32 - 1);
    alias[lo] = hi;
    scaled[hi] = (scaled[hi] as number) + (scaled[lo] as number) - 1;
    if ((scaled[hi] as number) < 1) work[small++] = hi;
    else work[--large] = hi;
  }
  // What is left is full up to rounding: keep itself always (its alias is itself).
  for (let j = 0; j < small; j++) threshold[work[j] as number] = TWO_32 - 1;
  for (let j = large; j < n; j++) threshold[work[j] as number] = TWO_32 - 1;
  return { threshold, alias };
}

// Tables by key count and exponent. A table depends on nothing else and is only read, so the runs
// of a sweep (and the cache tier and the log's keys of one run) share it: building one for a
// million keys (a million exp and log) was most of the cost of creating a data-system run.
const ALIAS_TABLE_LIMIT = 4;
const aliasTables = new Map<string, { threshold: Uint32Array; alias: Int32Array }>();

function aliasTableFor(keys: number, exponent: number): { threshold: Uint32Array; alias: Int32Array } {
  const id = `${keys}:${exponent}`;
  const cached = aliasTables.get(id);
  if (cached) return cached;
  const built = buildAlias(zipfProbabilities(keys, exponent));
  if (aliasTables.size >= ALIAS_TABLE_LIMIT) aliasTables.clear(); // a bound: a run uses one or two key spaces
  aliasTables.set(id, built);
  return built;
}

const EMPTY_U32 = new Uint32Array(0);
const EMPTY_I32 = new Int32Array(0);

/** A key-popularity sampler bound to one random stream: next() is the key id of the next ask. */
export class Zipf {
  /** 0 uniform, 1 alias table, 2 rejection-inversion. */
  private readonly code: number;
  private readonly threshold: Uint32Array;
  private readonly alias: Int32Array;
  private readonly rejection: ZipfRejection | null;
  private readonly celebrityKey: number;
  private readonly celebrityShare: number;

  constructor(
    readonly keys: number,
    readonly exponent: number,
    private readonly rng: Rng,
    options: ZipfOptions = {},
  ) {
    validate(keys, exponent, options);
    this.celebrityKey = options.celebrityKey ?? 0;
    this.celebrityShare = options.celebrityShare ?? 0;
    const method = options.method ?? 'auto';
    const table = method === 'table' || (method === 'auto' && keys <= TABLE_MAX_KEYS);
    this.code = exponent === 0 ? 0 : table ? 1 : 2;
    if (this.code === 1) {
      const built = aliasTableFor(keys, exponent);
      this.threshold = built.threshold;
      this.alias = built.alias;
    } else {
      this.threshold = EMPTY_U32;
      this.alias = EMPTY_I32;
    }
    this.rejection = this.code === 2 ? new ZipfRejection(keys, exponent) : null;
  }

  /** Bytes held by the sampler's tables (0 for uniform and rejection-inversion). */
  get memoryBytes(): number {
    return this.threshold.byteLength + this.alias.byteLength;
  }

  get method(): 'uniform' | 'table' | 'rejection' {
    return this.code === 0 ? 'uniform' : this.code === 1 ? 'table' : 'rejection';
  }

  /** The key id of the next ask, 0..keys-1. */
  next(): number {
    const rng = this.rng;
    if (this.celebrityShare > 0 && rng.next() < this.celebrityShare) return this.celebrityKey;
    if (this.code === 1) {
      const i = Math.floor(rng.next() * this.keys);
      return rng.next() * TWO_32 < (this.threshold[i] as number) ? i : (this.alias[i] as number);
    }
    if (this.code === 0) return Math.floor(rng.next() * this.keys);
    return (this.rejection as ZipfRejection).next(rng);
  }
}

/** Key popularity over `keys` keys with Zipf exponent `exponent`, drawing from `rng`. */
export function createZipf(keys: number, exponent: number, rng: Rng, options: ZipfOptions = {}): Zipf {
  return new Zipf(keys, exponent, rng, options);
}
