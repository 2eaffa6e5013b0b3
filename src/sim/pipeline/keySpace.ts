// Which document (key) a write changes and a search looks for, and each key's newest acknowledged
// write (its version). With a cache tier, its keys are used, so a write changes the same key in the
// cache, the log and the index; without one, the index's own Zipf popularity over index.keys
// (with neither, uniform over DEFAULT_KEYS).
import { Rng } from '../random';
import { fmix32Word, hashPair, unsignedMod } from '../cache/hash32';
import { Zipf } from '../cache/zipf';
import type { CacheTier } from '../cache/cacheTier';
import type { IndexSettings } from './pipelineSchema';

/** Keys when neither a cache tier nor an index names them (a log alone): uniform over this many. */
export const DEFAULT_KEYS = 50_000;

/** A change event packs its key and version in one number: version * KEY_SPAN + key (exact below 2^53). */
export const KEY_SPAN = 1 << 24;

export class KeySpace {
  readonly keys: number;
  /** Per key: acknowledged writes so far. */
  readonly version: Int32Array;
  private readonly cache: CacheTier | null;
  private readonly rng = new Rng(0);
  private readonly zipf: Zipf | null;
  private readonly salt: number;

  constructor(cache: CacheTier | null, cacheKeys: number, index: IndexSettings | undefined, seed: number) {
    this.cache = cache;
    this.keys = cache !== null ? cacheKeys : (index?.keys ?? DEFAULT_KEYS);
    this.version = new Int32Array(this.keys);
    this.zipf = cache !== null ? null : new Zipf(this.keys, index?.zipfExponent ?? 0, this.rng);
    this.salt = hashPair(seed >>> 0, 0x1f3d5b79);
  }

  /** The key a request touches (position 0 of a write, or a search): the same on every replay. */
  keyOf(keySeed: number): number {
    if (this.cache !== null) return this.cache.keyOf(keySeed, 0);
    this.rng.reseed(hashPair(keySeed ^ this.salt, 1));
    return (this.zipf as Zipf).next();
  }

  /** The log partition that carries a key's changes. */
  partitionOf(key: number, partitions: number): number {
    return unsignedMod(fmix32Word(key ^ 0x2545f491), partitions);
  }

  /** The index shard that holds a key. */
  shardOf(key: number, shards: number): number {
    return unsignedMod(fmix32Word(key ^ 0x61c88647), shards);
  }
}
