// The search index: `shards` shards, each with `replicas` copies, replica r of shard s on index
// node (s + r) mod nodes. Its content is kept per key as the newest version indexed, which the
// indexer (or, in sync mode, the write itself) raises. A search reads one serving copy of its
// key's shard and misses a write when the copy's version is older than the key's version when the
// search began. A node that loses its disk rebuilds its shards: from a live copy on another node
// if there is one, else by replaying the log if retention still holds every event since the
// first, else from a database snapshot; until it is done it serves no searches. Left out: text
// analysis and scoring, refresh intervals, segment merges, queueing at index nodes.
import { Histogram } from '../histogram';
import { samplerOf, type Sampler } from '../random';
import type { IndexSettings } from './pipelineSchema';

export const RecoverySource = { none: 0, peer: 1, log: 2, snapshot: 3 } as const;
export type RecoverySource = (typeof RecoverySource)[keyof typeof RecoverySource];

export class SearchIndex {
  readonly settings: IndexSettings;
  mode: 'log' | 'sync';
  readonly firstNode: number;
  readonly indexed: Int32Array;
  readonly searchSampler: Sampler;
  readonly writeSampler: Sampler;
  /** Per node: 1 while it is up and reachable as last seen (so only changes start a recovery). */
  readonly online: Uint8Array;
  /** Per node: what it recovers from and when that began and ends (source none: serving). */
  readonly recoverySource: Uint8Array;
  readonly recoveryStartMs: Float64Array;
  readonly recoveryEndMs: Float64Array;
  readonly recoveryGen: Int32Array;
  searches = 0;
  searchesMissedWrite = 0;
  searchesFailed = 0;
  rebuilds = 0;
  windowSearches = 0;
  windowMissed = 0;
  /** Time from the app server's ask to its answer, ms. */
  readonly latency = new Histogram();

  constructor(settings: IndexSettings, keys: number, firstNode: number) {
    this.settings = settings;
    this.mode = settings.mode;
    this.firstNode = firstNode;
    this.indexed = new Int32Array(keys);
    this.searchSampler = samplerOf(settings.searchTime);
    this.writeSampler = samplerOf(settings.indexWriteTime);
    const n = settings.nodes;
    this.online = new Uint8Array(n).fill(1);
    this.recoverySource = new Uint8Array(n);
    this.recoveryStartMs = new Float64Array(n);
    this.recoveryEndMs = new Float64Array(n);
    this.recoveryGen = new Int32Array(n);
  }

  nodeOf(shard: number, replica: number): number {
    return (shard + replica) % this.settings.nodes;
  }

  /** Shards with a copy on index node i. */
  shardsOn(i: number): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.settings.shards; s++)
      for (let r = 0; r < this.settings.replicas; r++) if (this.nodeOf(s, r) === i) out.push(s);
    return out;
  }

  /** Keys in a shard, as the share of all keys (hashing spreads them evenly). */
  keysPerShard(): number {
    return Math.ceil(this.indexed.length / this.settings.shards);
  }

  apply(key: number, version: number): void {
    if (version > (this.indexed[key] as number)) this.indexed[key] = version;
  }
}
