// The cache tier in the Architecture form: on or off, its size, the keys and how popular they
// are, where keys go, and its policies (the same four the Policy panel changes while it runs).
import { MAX_CACHE_CAPACITY } from '../../sim/cache/lruCache';
import type { Scenario } from '../../sim/index';
import { MAX_CACHE_NODES, MAX_KEYS } from '../../sim/tierSchemas';
import { percentOf, whenOn, type ChoiceOption, type Tier } from './tierSetting';

type Cache = NonNullable<Scenario['cache']>;

/**
 * What turning the cache on starts from: three nodes holding 1% of 100,000 keys with a Zipf
 * popularity of 0.99 (a typical web workload), invalidated on write, nothing mitigated yet.
 */
export const DEFAULT_CACHE: Cache = {
  nodes: 3,
  keysPerNode: 1000,
  keys: 100_000,
  zipfExponent: 0.99,
  celebrityShare: 0,
  lookupTime: { dist: 'exponential', meanMs: 0.5 },
  placement: 'ring',
  writePolicy: 'invalidate',
  ttlMs: 0,
  coalescing: false,
  serveStaleOnError: false,
};

export const WRITE_POLICY_OPTIONS: readonly ChoiceOption[] = [
  { value: 'invalidate', label: 'Invalidate (delete the key)' },
  { value: 'write-through', label: 'Write through (store the new value)' },
  { value: 'ttl-only', label: 'TTL only (leave it until it expires)' },
];

const PLACEMENT_OPTIONS: readonly ChoiceOption[] = [
  { value: 'ring', label: 'Hash ring (consistent hashing)' },
  { value: 'modulo', label: 'Hash modulo node count' },
];

const ON = whenOn('cache');
const cacheOf = (s: Scenario): Cache => s.cache ?? DEFAULT_CACHE;
const cache = (s: Scenario, patch: Partial<Cache>): Scenario => ({ ...s, cache: { ...cacheOf(s), ...patch } });

function withoutCache(s: Scenario): Scenario {
  const { cache: _dropped, ...rest } = s;
  // Room to grow a cache that is no longer there would be refused by the schema.
  if (rest.scaling?.maxCacheNodes === undefined) return rest;
  const { maxCacheNodes: _room, ...scaling } = rest.scaling;
  return { ...rest, scaling };
}

export const CACHE_TIER: Tier = {
  id: 'cache',
  label: 'Cache',
  settings: [
    {
      kind: 'toggle',
      key: 'cache',
      label: 'Cache between app servers and storage',
      name: 'Cache',
      hint: 'Reads look in the cache first; a miss reads storage and fills the cache.',
      read: (s) => s.cache !== undefined,
      write: (s, on) => (on ? cache(s, {}) : withoutCache(s)),
    },
    {
      kind: 'number',
      key: 'cache.nodes',
      label: 'Cache nodes',
      name: 'Cache nodes',
      unit: 'machines',
      min: 1,
      max: MAX_CACHE_NODES,
      step: 1,
      onlyWhen: ON,
      read: (s) => cacheOf(s).nodes,
      write: (s, nodes) => cache(s, { nodes }),
    },
    {
      kind: 'number',
      key: 'cache.keysPerNode',
      label: 'Keys per node',
      name: 'Cache keys per node',
      unit: 'keys',
      hint: 'A full node evicts the least recently used key.',
      min: 1,
      max: MAX_CACHE_CAPACITY,
      step: 1,
      onlyWhen: ON,
      read: (s) => cacheOf(s).keysPerNode,
      write: (s, keysPerNode) => cache(s, { keysPerNode }),
    },
    {
      kind: 'number',
      key: 'cache.keys',
      label: 'Distinct keys',
      name: 'Cache keys',
      unit: 'keys',
      min: 1,
      max: MAX_KEYS,
      step: 1,
      onlyWhen: ON,
      read: (s) => cacheOf(s).keys,
      write: (s, keys) => cache(s, { keys }),
    },
    {
      kind: 'number',
      key: 'cache.zipfExponent',
      label: 'Key popularity skew, Zipf s',
      name: 'Cache Zipf exponent',
      unit: '0 = all keys alike',
      min: 0,
      max: 3,
      step: 0.01,
      onlyWhen: ON,
      read: (s) => cacheOf(s).zipfExponent,
      write: (s, zipfExponent) => cache(s, { zipfExponent }),
    },
    {
      kind: 'number',
      key: 'cache.celebrityShare',
      label: 'Celebrity key',
      name: 'Cache celebrity share',
      unit: '% of requests',
      hint: 'One key that this share of requests reads on top of the skew.',
      min: 0,
      max: 100,
      step: 0.1,
      onlyWhen: ON,
      read: (s) => percentOf(cacheOf(s).celebrityShare),
      write: (s, percent) => cache(s, { celebrityShare: (percent ?? 0) / 100 }),
    },
    {
      kind: 'choice',
      key: 'cache.placement',
      label: 'Key placement',
      name: 'Cache key placement',
      options: PLACEMENT_OPTIONS,
      onlyWhen: ON,
      read: (s) => cacheOf(s).placement,
      write: (s, placement) => cache(s, { placement: placement === 'modulo' ? 'modulo' : 'ring' }),
    },
    {
      kind: 'choice',
      key: 'cache.writePolicy',
      label: 'On a write',
      name: 'Cache write policy',
      options: WRITE_POLICY_OPTIONS,
      onlyWhen: ON,
      read: (s) => cacheOf(s).writePolicy,
      write: (s, writePolicy) => cache(s, { writePolicy: writePolicyOf(writePolicy) }),
    },
    {
      kind: 'number',
      key: 'cache.ttlMs',
      label: 'Time to live',
      name: 'Cache TTL',
      unit: 'ms, 0 = until evicted',
      min: 0,
      max: 86_400_000,
      step: 1,
      onlyWhen: ON,
      read: (s) => cacheOf(s).ttlMs,
      write: (s, ttlMs) => cache(s, { ttlMs }),
    },
    {
      kind: 'toggle',
      key: 'cache.coalescing',
      label: 'Coalesce misses (one storage read per key in flight)',
      name: 'Cache coalescing',
      onlyWhen: ON,
      read: (s) => cacheOf(s).coalescing,
      write: (s, coalescing) => cache(s, { coalescing }),
    },
    {
      kind: 'toggle',
      key: 'cache.serveStaleOnError',
      label: 'Serve a stale value when storage fails',
      name: 'Cache serve stale on error',
      onlyWhen: ON,
      read: (s) => cacheOf(s).serveStaleOnError,
      write: (s, serveStaleOnError) => cache(s, { serveStaleOnError }),
    },
  ],
};

export function writePolicyOf(value: string): Cache['writePolicy'] {
  return value === 'write-through' || value === 'ttl-only' ? value : 'invalidate';
}
