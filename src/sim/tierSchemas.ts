// The optional tiers of a scenario: a cache between the app servers and storage, and room to
// scale out (with an autoscaler for the app tier). Each is absent from old scenarios, which then
// run exactly as before. Strict zod objects, so a misspelt field is an error that names it.
import { z } from 'zod';
import './zodWords';
import { LONGEST_WAIT_MS } from './schemaBasics';
import { MAX_CACHE_CAPACITY } from './cache/lruCache';
import { autoscalerPolicySchema, MAX_TIER_SIZE } from './scaling/autoscalerSchema';

/** The most cache nodes a tier may have (the ring's points are sized by it). */
export const MAX_CACHE_NODES = 64;
/** The most distinct keys the popularity model draws from. */
export const MAX_KEYS = 10_000_000;

const cacheDistribution = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('constant'), meanMs: z.number().nonnegative().max(LONGEST_WAIT_MS) }),
    z.strictObject({ dist: z.literal('exponential'), meanMs: z.number().positive().max(LONGEST_WAIT_MS) }),
  ])
  .describe('time a cache node takes to answer one lookup');

export const cacheWritePolicies = ['invalidate', 'write-through', 'ttl-only'] as const;
export type CacheWritePolicy = (typeof cacheWritePolicies)[number];

/** The settings of the cache a user may change while the run goes on (setCache). */
export const cachePolicyFields = {
  writePolicy: z
    .enum(cacheWritePolicies)
    .describe(
      'what a write does to the cached key: delete it, store the new value, or nothing (the entry lives until its TTL)',
    ),
  ttlMs: z
    .number()
    .finite()
    .nonnegative()
    .max(86_400_000)
    .describe('time to live of a cached value, in milliseconds; 0 keeps it until evicted'),
  coalescing: z.boolean().describe('one storage read per key in flight: other misses for it wait for that read'),
  serveStaleOnError: z
    .boolean()
    .describe('when storage fails a miss, answer with an expired cached value instead of an error'),
};

export const cacheTierSchema = z
  .strictObject({
    nodes: z.number().int().min(1).max(MAX_CACHE_NODES).describe('cache nodes at the start'),
    keysPerNode: z
      .number()
      .int()
      .min(1)
      .max(MAX_CACHE_CAPACITY)
      .describe('keys one cache node holds before it evicts the least recently used'),
    keys: z.number().int().min(1).max(MAX_KEYS).describe('distinct keys that requests read and write'),
    zipfExponent: z
      .number()
      .min(0)
      .max(3)
      .describe('how skewed key popularity is (Zipf exponent s): 0 = every key equally popular'),
    celebrityShare: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('share of requests that go to one celebrity key, on top of the Zipf popularity'),
    lookupTime: cacheDistribution,
    placement: z
      .enum(['ring', 'modulo'])
      .describe('how keys are spread over cache nodes: a consistent-hash ring or hash modulo the node count'),
    ...cachePolicyFields,
  })
  .describe('a cache tier between the app servers and storage (cache-aside reads)');

export const scalingSchema = z
  .strictObject({
    maxAppServers: z
      .number()
      .int()
      .min(1)
      .max(MAX_TIER_SIZE)
      .optional()
      .describe('most app servers the tier may grow to; absent: the starting count'),
    maxStorageNodes: z.number().int().min(1).max(1000).optional().describe('most storage nodes the tier may grow to'),
    maxCacheNodes: z.number().int().min(1).max(MAX_CACHE_NODES).optional().describe('most cache nodes'),
    provisioningMs: z
      .number()
      .finite()
      .nonnegative()
      .max(LONGEST_WAIT_MS)
      .describe('time from adding a node until it serves, in milliseconds'),
    autoscaler: autoscalerPolicySchema.optional(),
  })
  .describe('room to add and remove nodes while the run goes on');

export type CacheTier = z.infer<typeof cacheTierSchema>;
export type Scaling = z.infer<typeof scalingSchema>;
