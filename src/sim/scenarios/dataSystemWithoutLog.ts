// The data-system scenario as it was before it had a log and a search index (issue 14): links
// and files of version 2 that name "data-system" replay on this, so their hashes hold. Not
// offered in the lab; the current data-system (dataSystem.ts) grows from it.
import type { Scenario } from '../scenarioSchema';
import { threeTier } from './threeTier';

export const dataSystemWithoutLog: Scenario = {
  ...threeTier,
  id: 'data-system',
  name: 'Data system with a cache',
  description:
    'Users send requests through a load balancer to six app servers, which read through a cache tier of two nodes (cache-aside, hot keys) in front of six storage nodes that serve three disk operations at a time each. Every tier can grow while the run goes on.',
  clients: { rateRps: 2000, readShare: 0.95, fanOut: 1, writeFanOut: 1 },
  appServers: { ...threeTier.appServers, count: 6 },
  storage: {
    ...threeTier.storage,
    diskLatency: { dist: 'exponential', meanMs: 14 },
    capacity: { slots: 3, queueLimit: 40 },
  },
  cache: {
    nodes: 2,
    keysPerNode: 5000,
    keys: 50_000,
    zipfExponent: 1.2,
    celebrityShare: 0,
    lookupTime: { dist: 'exponential', meanMs: 0.3 },
    placement: 'ring',
    writePolicy: 'invalidate',
    ttlMs: 0,
    coalescing: false,
    serveStaleOnError: false,
  },
  scaling: { maxAppServers: 12, maxStorageNodes: 9, maxCacheNodes: 4, provisioningMs: 20_000 },
};
