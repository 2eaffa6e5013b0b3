// A large cluster: 200 app servers and 298 storage nodes with ten disks each (2,980 disks) in
// ten racks, 500 nodes in all, at 10,000 requests per second. Random hardware faults are on with
// time compressed 3,600-fold (one simulated second is an hour of hardware life), so with a
// 30-year disk MTTF a disk fails about every 88 simulated seconds.
import type { Scenario } from '../scenarioSchema';
import { threeTier } from './threeTier';

export const large: Scenario = {
  ...threeTier,
  id: 'large',
  name: 'Large cluster (500 nodes, 2,980 disks)',
  description:
    'Two hundred app servers and 298 storage nodes with ten disks each, in ten racks, serving 10,000 requests per second. Disks and machines fail at random, with hardware time running 3,600 times faster.',
  durationS: 60,
  racks: Array.from({ length: 10 }, (_, i) => `rack-${String.fromCharCode(97 + i)}`),
  clients: { rateRps: 10_000, readShare: 0.8, fanOut: 1, writeFanOut: 1 },
  loadBalancer: { rack: 'rack-a' },
  appServers: { ...threeTier.appServers, count: 200 },
  storage: {
    ...threeTier.storage,
    count: 298,
    disksPerNode: 10,
    partitions: 6_000,
    repairDetectMs: 600_000,
    repairCopyMs: 3_600_000,
    maxParallelRepairs: 50,
    antiEntropyIntervalMs: 10_000,
  },
  hardwareFaults: {
    enabled: true,
    diskMttfHours: 262_800,
    nodeMttfHours: 100_000,
    nodeRepairHours: 4,
    diskReplaceHours: 24,
    timeCompression: 3_600,
  },
  policy: { ...threeTier.policy, lbStrategy: 'power-of-two' },
};
