// The default cluster: users, one load balancer, four app servers and six storage nodes with
// three disks each, spread over three racks. Sized so that one app server can fail with room
// to spare, and a three-fold load spike overloads the app tier.
import type { Scenario } from '../scenarioSchema';

export const threeTier: Scenario = {
  version: 1,
  id: 'default',
  name: 'Three-tier web service',
  description:
    'Users send requests through a load balancer to four app servers, which read and write a storage tier of six nodes (three disks each) that keeps three replicas of every partition across three racks.',
  durationS: 60,
  racks: ['rack-a', 'rack-b', 'rack-c'],
  clients: { rateRps: 600, readShare: 0.8, fanOut: 1, writeFanOut: 1 },
  loadBalancer: { rack: 'rack-a' },
  appServers: {
    count: 4,
    workers: 4,
    serviceTime: { dist: 'lognormal', medianMs: 8, sigma: 0.5 },
    restartAfterMs: 0,
  },
  storage: {
    count: 6,
    disksPerNode: 3,
    partitions: 120,
    placement: 'rack-aware',
    diskLatency: { dist: 'lognormal', medianMs: 2, sigma: 0.6 },
    repairDetectMs: 10_000,
    repairCopyMs: 30_000,
    maxParallelRepairs: 4,
    antiEntropyIntervalMs: 5_000,
  },
  network: { hopLatency: { dist: 'lognormal', medianMs: 0.25, sigma: 0.3 }, loss: 0 },
  hardwareFaults: {
    enabled: false,
    diskMttfHours: 300_000,
    nodeMttfHours: 50_000,
    nodeRepairHours: 4,
    diskReplaceHours: 24,
    timeCompression: 1,
  },
  slo: { availability: 0.999, latencyMsP99: 200 },
  policy: {
    replicationFactor: 3,
    writeQuorum: 2,
    readQuorum: 1,
    timeoutMs: 1000,
    storageTimeoutMs: 500,
    retry: {
      strategy: 'exponential',
      maxAttempts: 3,
      baseDelayMs: 50,
      maxDelayMs: 1000,
      jitter: true,
      budgetRatio: 0.1,
    },
    lbStrategy: 'round-robin',
    healthChecks: true,
    healthCheckIntervalMs: 1000,
    unhealthyThreshold: 2,
    queueLimit: 100,
  },
  schedule: [],
};
