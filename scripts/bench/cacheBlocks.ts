// `npx tsx scripts/bench/cacheBlocks.ts`: nanoseconds per operation of the cache's building blocks
// (src/sim/cache), beside the reference event loop (the flat-seq hold model of
// shared/bench/des-floor.mjs) and the engine's own cost per event on the default scenario, so
// wiring the cache into the cluster can be budgeted in "events' worth" of work. Not a test.
import { createSimulation, getBuiltInScenario, type Scenario } from '../../src/sim/index';
import { Rng } from '../../src/sim/random';
import { HashRing } from '../../src/sim/cache/hashRing';
import { CacheLookup, LruCache } from '../../src/sim/cache/lruCache';
import { ModuloPlacement } from '../../src/sim/cache/placement';
import { createZipf } from '../../src/sim/cache/zipf';
import { runReferenceLoop } from './referenceLoop';

const REPS = 5;
let sink = 0; // every loop folds its results in here, so none is optimized away

/** Best of REPS of `ops` operations, in ns per operation. */
function nsPerOp(ops: number, run: () => number): number {
  run(); // warm-up
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    sink ^= run();
    best = Math.min(best, ((performance.now() - t0) * 1e6) / ops);
  }
  return best;
}

function zipfRow(keys: number, exponent: number) {
  const zipf = createZipf(keys, exponent, new Rng(1));
  const n = 2_000_000;
  const ns = nsPerOp(n, () => {
    let x = 0;
    for (let i = 0; i < n; i++) x ^= zipf.next();
    return x;
  });
  return {
    op: `Zipf draw K=${keys} s=${exponent} (${zipf.method}, ${(zipf.memoryBytes / 1048576).toFixed(2)} MiB)`,
    ns,
  };
}

/** Key ids drawn in advance, so the cache rows time the cache alone. */
function askedKeys(keys: number, exponent: number, n: number): Int32Array {
  const zipf = createZipf(keys, exponent, new Rng(2));
  return Int32Array.from({ length: n }, () => zipf.next());
}

/** The same LRU written the obvious way (a Map keeps insertion order), for comparison. */
function mapLruAside(asks: Int32Array, capacity: number): () => number {
  return () => {
    const map = new Map<number, number>();
    let hits = 0;
    for (let i = 0; i < asks.length; i++) {
      const key = asks[i] as number;
      const version = map.get(key);
      if (version !== undefined) {
        map.delete(key);
        map.set(key, version);
        hits++;
      } else {
        if (map.size === capacity) map.delete(map.keys().next().value as number);
        map.set(key, i);
      }
    }
    return hits;
  };
}

function lruRows() {
  const capacity = 10_000;
  const asks = askedKeys(1_000_000, 0.8, 2_000_000);
  const cache = new LruCache(capacity);
  let hitShare = 0;
  const aside = nsPerOp(asks.length, () => {
    cache.clear();
    let hits = 0;
    for (let i = 0; i < asks.length; i++) {
      const key = asks[i] as number;
      if (cache.get(key, i) === CacheLookup.hit) hits++;
      else cache.set(key, i, i);
    }
    hitShare = hits / asks.length;
    return hits;
  });
  const gets = nsPerOp(asks.length, () => {
    let hits = 0;
    for (let i = 0; i < asks.length; i++) if (cache.get(asks[i] as number, i) === CacheLookup.hit) hits++;
    return hits;
  });
  const sets = nsPerOp(asks.length, () => {
    let evicted = 0;
    for (let i = 0; i < asks.length; i++) evicted ^= cache.set(asks[i] as number, i, i);
    return evicted;
  });
  const mapAside = nsPerOp(asks.length, mapLruAside(asks, capacity));
  const label = `C=${capacity}, Zipf K=10^6 s=0.8, hit share ${hitShare.toFixed(3)}`;
  return [
    { op: `LRU cache-aside ask: get, set on a miss (${label})`, ns: aside },
    { op: 'LRU get alone (same asks)', ns: gets },
    { op: 'LRU set alone (same asks; most evict)', ns: sets },
    // Evicting map.keys().next() skips the holes earlier deletes left at the Map's front: most of its cost.
    { op: 'for comparison: the same asks on an insertion-order JS Map LRU', ns: mapAside },
  ];
}

function placementRow(label: string, ownerOf: (key: number) => number) {
  const n = 2_000_000;
  const ns = nsPerOp(n, () => {
    let x = 0;
    for (let i = 0; i < n; i++) x ^= ownerOf(i * 2654435761);
    return x;
  });
  return { op: label, ns };
}

function placementRows() {
  const nodes = Array.from({ length: 20 }, (_, i) => i);
  const small = new HashRing(160, nodes);
  const large = new HashRing(4096, nodes);
  const modulo = new ModuloPlacement(nodes);
  return [
    placementRow('ring lookup, 20 nodes x 160 points', (key) => small.ownerOf(key)),
    placementRow('ring lookup, 20 nodes x 4,096 points', (key) => large.ownerOf(key)),
    placementRow('modulo lookup, 20 nodes', (key) => modulo.ownerOf(key)),
  ];
}

function referenceNsPerEvent(): number {
  const events = 3_000_000;
  return nsPerOp(events, () => runReferenceLoop(events, 10_000, 42));
}

function engineNsPerEvent(): number {
  const scenario = getBuiltInScenario('default') as Scenario;
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const sim = createSimulation(scenario, 1 + r);
    const t0 = performance.now();
    const { events } = sim.runUntil(60_000);
    best = Math.min(best, ((performance.now() - t0) * 1e6) / events);
  }
  return best;
}

const reference = referenceNsPerEvent();
const engine = engineNsPerEvent();
const rows = [
  zipfRow(100_000, 0),
  zipfRow(100_000, 0.8),
  zipfRow(100_000, 1.2),
  zipfRow(10_000_000, 0.8),
  zipfRow(10_000_000, 1.2),
  ...lruRows(),
  ...placementRows(),
];
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`reference event loop (des-floor flat-seq, 10^4 pending): ${reference.toFixed(1)} ns/event`);
console.log(`engine, default scenario:                                ${engine.toFixed(1)} ns/event\n`);
console.log(`${pad('operation', 84)}   ns/op  x floor  x engine`);
for (const { op, ns } of rows)
  console.log(
    `${pad(op, 84)} ${ns.toFixed(1).padStart(7)} ${(ns / reference).toFixed(2).padStart(8)} ${(ns / engine).toFixed(3).padStart(9)}`,
  );
console.log(`\n(checksum ${sink})`);
