// The cache tier's state: one LRU store per cache node, the placement of keys on nodes (a
// consistent-hash ring or modulo hashing), each key's newest acknowledged write (its version),
// the popularity of keys, the storage reads in flight that will fill the cache, and the counts
// the lab shows (hits, misses, stale reads). Which key a request touches is a pure function of
// the request and its position, so a round replayed after a fault asks for the same keys.
// The round itself (when a lookup answers, when a miss goes to storage) is in cachedRead.ts.
import { Rng, samplerOf, type Sampler } from '../random';
import type { Scenario } from '../scenarioSchema';
import type { CacheTier as CacheSettings, CacheWritePolicy } from '../tierSchemas';
import { fmix32Word, hashPair, unsignedMod } from './hash32';
import { HashRing } from './hashRing';
import { LruCache } from './lruCache';
import { ModuloPlacement, type Placement } from './placement';
import { Zipf } from './zipf';

/** Points per cache node on the ring: enough that each node's share of keys is within a few percent. */
export const RING_POINTS_PER_NODE = 256;

/** Cache node slots a scenario needs: its starting nodes, or room to add up to scaling.maxCacheNodes. */
export function cacheSlots(scenario: Scenario): number {
  if (scenario.cache === undefined) return 0;
  return scenario.scaling?.maxCacheNodes ?? scenario.cache.nodes;
}

export interface CachePolicy {
  writePolicy: CacheWritePolicy;
  ttlMs: number;
  coalescing: boolean;
  serveStaleOnError: boolean;
}

export class CacheTier {
  policy: CachePolicy;
  readonly placementKind: 'ring' | 'modulo';
  readonly stores: LruCache[];
  placement: Placement;
  /** Per key: acknowledged writes so far; a cached value with a lower version is stale. */
  readonly keyVersion: Int32Array;
  /** Per key: when its newest acknowledged write was acknowledged (-1: never). */
  readonly keyAckedMs: Float64Array;
  readonly lookupSampler: Sampler;
  private readonly keyRng = new Rng(0);
  private readonly zipf: Zipf;
  private readonly salt: number;

  // Storage reads in flight that will fill the cache: a pool of records, reused.
  fillKey = new Int32Array(64);
  /** key × app servers + app server: coalescing is per server. */
  fillFlight = new Float64Array(64);
  fillSlot = new Int32Array(64);
  /** When the replica read the value the fill carries. */
  fillReadMs = new Float64Array(64);
  fillEpoch = new Int32Array(64);
  fillAtMs = new Float64Array(64);
  fillGen = new Int32Array(64);
  private readonly freeFills: number[] = [];
  private fillCount = 0;
  /** (key, app server) -> its fill record in flight (for coalescing: later misses wait for it). */
  readonly inFlight = new Map<number, number>();

  // Counts since the start and in the current window.
  hits = 0;
  misses = 0;
  staleReads = 0;
  coalesced = 0;
  servedStale = 0;
  windowHits = 0;
  windowMisses = 0;
  windowStale = 0;
  /** Per node in this window, and its hit share over the last closed window (NaN: no lookups). */
  readonly nodeHits: Float64Array;
  readonly nodeLookups: Float64Array;
  readonly nodeHitShare: Float64Array;

  constructor(settings: CacheSettings, slots: number, seed: number) {
    this.policy = {
      writePolicy: settings.writePolicy,
      ttlMs: settings.ttlMs,
      coalescing: settings.coalescing,
      serveStaleOnError: settings.serveStaleOnError,
    };
    this.placementKind = settings.placement;
    this.stores = Array.from({ length: slots }, () => new LruCache(settings.keysPerNode, settings.ttlMs));
    const first = Array.from({ length: settings.nodes }, (_, c) => c);
    this.placement =
      settings.placement === 'ring' ? new HashRing(RING_POINTS_PER_NODE, first) : new ModuloPlacement(first);
    this.keyVersion = new Int32Array(settings.keys);
    this.keyAckedMs = new Float64Array(settings.keys).fill(-1);
    this.lookupSampler = samplerOf(settings.lookupTime);
    this.zipf = new Zipf(settings.keys, settings.zipfExponent, this.keyRng, {
      celebrityKey: 0,
      celebrityShare: settings.celebrityShare,
    });
    this.salt = hashPair(seed >>> 0, 0x6b43a9b5);
    this.nodeHits = new Float64Array(slots);
    this.nodeLookups = new Float64Array(slots);
    this.nodeHitShare = new Float64Array(slots).fill(Number.NaN);
  }

  /** The key a request touches at position k (a read's k-th part, or a write): the same on every replay. */
  keyOf(keySeed: number, k: number): number {
    this.keyRng.reseed(hashPair(keySeed ^ this.salt, k + 1));
    return this.zipf.next();
  }

  /** The storage partition holding a key. */
  partitionOf(key: number, partitions: number): number {
    return unsignedMod(fmix32Word(key ^ 0x3c6ef372), partitions);
  }

  lookedUp(slot: number, hit: boolean, stale: boolean): void {
    this.nodeLookups[slot] = (this.nodeLookups[slot] as number) + 1;
    if (hit) {
      this.hits++;
      this.windowHits++;
      this.nodeHits[slot] = (this.nodeHits[slot] as number) + 1;
    } else {
      this.misses++;
      this.windowMisses++;
    }
    if (stale) this.staleRead();
  }

  staleRead(): void {
    this.staleReads++;
    this.windowStale++;
  }

  /** Remembers a storage read that will fill `slot` with `key` at atMs; returns its record. */
  startFill(key: number, flight: number, slot: number, readMs: number, epoch: number, atMs: number): number {
    let f = this.freeFills.pop();
    if (f === undefined) {
      f = this.fillCount++;
      if (f >= this.fillKey.length) this.growFills();
    }
    this.fillKey[f] = key;
    this.fillFlight[f] = flight;
    this.fillSlot[f] = slot;
    this.fillReadMs[f] = readMs;
    this.fillEpoch[f] = epoch;
    this.fillAtMs[f] = atMs;
    this.fillGen[f] = ((this.fillGen[f] as number) + 1) | 0;
    const before = this.inFlight.get(flight);
    if (before === undefined || (this.fillAtMs[before] as number) > atMs) this.inFlight.set(flight, f);
    return f;
  }

  /** The fill's record is done: forgets it (and its key's in-flight entry if it is this one). */
  endFill(f: number): void {
    const flight = this.fillFlight[f] as number;
    if (this.inFlight.get(flight) === f) this.inFlight.delete(flight);
    this.freeFills.push(f);
  }

  /** Keys held over every node. */
  keysHeld(): number {
    let n = 0;
    for (const store of this.stores) n += store.size;
    return n;
  }

  /** Closes the window: per-node hit shares, and the window's counts for the metrics. */
  closeWindow(): { cacheHits: number; cacheMisses: number; staleReads: number } {
    for (let c = 0; c < this.stores.length; c++) {
      const n = this.nodeLookups[c] as number;
      this.nodeHitShare[c] = n > 0 ? (this.nodeHits[c] as number) / n : Number.NaN;
    }
    this.nodeHits.fill(0);
    this.nodeLookups.fill(0);
    const out = { cacheHits: this.windowHits, cacheMisses: this.windowMisses, staleReads: this.windowStale };
    this.windowHits = 0;
    this.windowMisses = 0;
    this.windowStale = 0;
    return out;
  }

  private growFills(): void {
    const n = this.fillKey.length * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.fillKey = grow(this.fillKey, (k) => new Int32Array(k));
    this.fillFlight = grow(this.fillFlight, (k) => new Float64Array(k));
    this.fillSlot = grow(this.fillSlot, (k) => new Int32Array(k));
    this.fillReadMs = grow(this.fillReadMs, (k) => new Float64Array(k));
    this.fillEpoch = grow(this.fillEpoch, (k) => new Int32Array(k));
    this.fillAtMs = grow(this.fillAtMs, (k) => new Float64Array(k));
    this.fillGen = grow(this.fillGen, (k) => new Int32Array(k));
  }
}
