// A data system: the three-tier service with a cache tier (two nodes, hot keys) in front of
// storage that can be overloaded, a replicated log that every acknowledged write appends a change
// event to, two consumer groups reading it (an indexer feeding a search index, and a notifier
// sending an email per write), and room to scale every tier. Sized so that the cache carries most
// reads (storage runs at about half its capacity, and losing one of the two cache nodes sends
// more reads to storage than it can serve) and so that the notifier runs at four fifths of its
// capacity: half as many writes again makes it lag.
import type { Scenario } from '../scenarioSchema';
import { dataSystemWithoutLog } from './dataSystemWithoutLog';

export const dataSystem: Scenario = {
  ...dataSystemWithoutLog,
  name: 'Data system with a cache, a log and a search index',
  description:
    'Users send requests through a load balancer to six app servers, which read through a cache tier of two nodes in front of six storage nodes, and search a search index. Every acknowledged write appends a change event to a replicated log on three brokers; an indexer keeps the index up to date from it and a notifier sends an email per write. Every tier can grow while the run goes on.',
  // The reads and writes of the cache-only version, plus as many searches as writes.
  clients: { rateRps: 2100, readShare: 0.9, searchShare: 0.05, fanOut: 1, writeFanOut: 1 },
  log: {
    topic: 'changes',
    brokers: 3,
    partitions: 6,
    replicationFactor: 3,
    acks: 'leader',
    minInSync: 2,
    retentionMs: null,
    retentionEvents: 200_000,
    fetchIntervalMs: 100,
    lagBoundMs: 2000,
    electionDelayMs: 3000,
  },
  consumerGroups: [
    {
      name: 'indexer',
      role: 'indexer',
      topic: 'changes',
      consumers: 2,
      maxConsumers: 6,
      workers: 2,
      serviceTime: { dist: 'exponential', meanMs: 5 },
      commitIntervalMs: 1000,
      rebalancePauseMs: 3000,
      assignment: 'range',
    },
    {
      // One consumer with four workers: every partition is its own, so its capacity (133 emails/s)
      // is the group's, whichever partition the hot keys land in.
      name: 'notifier',
      role: 'notifier',
      topic: 'changes',
      consumers: 1,
      maxConsumers: 6,
      workers: 4,
      serviceTime: { dist: 'exponential', meanMs: 30 },
      commitIntervalMs: 1000,
      rebalancePauseMs: 3000,
      assignment: 'range',
    },
  ],
  index: {
    nodes: 2,
    shards: 2,
    replicas: 1,
    mode: 'log',
    searchTime: { dist: 'exponential', meanMs: 4 },
    indexWriteTime: { dist: 'exponential', meanMs: 3 },
    keys: 50_000,
    zipfExponent: 1.2,
    replayEventsPerSecond: 500,
    snapshotKeysPerSecond: 5000,
  },
};
