// One server with one worker and an unbounded-in-practice FIFO queue, Poisson arrivals and
// exponential service, and no network or disk delay: an M/M/1 queue, for checking the engine
// against queueing theory (utilization 0.8: mean response time 1 / (mu - lambda) = 50 ms).
import type { Scenario } from '../scenarioSchema';
import { threeTier } from './threeTier';

export const singleServer: Scenario = {
  ...threeTier,
  id: 'single-server',
  name: 'Single-server queue (M/M/1)',
  description:
    'One server with one worker: requests arrive at random (80 per second) and each takes an exponentially distributed 10 ms on average. Network and disks take no time, so the response time is pure queueing.',
  durationS: 600,
  racks: ['rack-a'],
  clients: { rateRps: 80, readShare: 1, fanOut: 1, writeFanOut: 1 },
  loadBalancer: { rack: 'rack-a' },
  appServers: { count: 1, workers: 1, serviceTime: { dist: 'exponential', meanMs: 10 }, restartAfterMs: 0 },
  storage: {
    ...threeTier.storage,
    count: 1,
    disksPerNode: 1,
    partitions: 1,
    diskLatency: { dist: 'constant', meanMs: 0 },
  },
  network: { hopLatency: { dist: 'constant', meanMs: 0 }, loss: 0 },
  policy: {
    ...threeTier.policy,
    replicationFactor: 1,
    writeQuorum: 1,
    readQuorum: 1,
    timeoutMs: 600_000,
    storageTimeoutMs: 600_000,
    retry: { ...threeTier.policy.retry, strategy: 'none', maxAttempts: 1 },
    queueLimit: 10_000,
  },
};
