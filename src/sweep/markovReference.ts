// The Markov model's answer for a scenario (replicaGroupMarkov.ts): every partition is taken as
// an independent group of replicationFactor copies, each disk failing at 1/diskMttfHours and a lost
// copy back after repairDetectMs + repairCopyMs of hardware time. That is exact when no two
// partitions share a disk with different partners (disjoint groups, as replicaGroupFleet builds)
// and close for a chain of neighbours sharing one disk while repair is short against the MTTF.
// Where partitions share many disks (a real layout of thousands of partitions), the groups are
// fewer than the partitions and the model overstates the odds: the sweep is the honest answer.
import type { Scenario } from '../sim/index';
import { anyGroupLossProbability } from './replicaGroupMarkov';
import { hardwareHours } from './sweepSpec';

const HOUR_MS = 3_600_000;

export interface MarkovReference {
  readonly probability: number;
  readonly groups: number;
  readonly replicas: number;
  readonly mttfHours: number;
  readonly mttrHours: number;
  readonly horizonHours: number;
}

export function markovReferenceOf(s: Scenario, durationMs: number): MarkovReference {
  const replicas = s.policy.replicationFactor;
  const mttfHours = s.hardwareFaults.diskMttfHours;
  const mttrHours = (s.storage.repairDetectMs + s.storage.repairCopyMs) / HOUR_MS;
  const horizonHours = hardwareHours(s, durationMs);
  const groups = s.storage.partitions;
  const probability = anyGroupLossProbability({ replicas, mttfHours, mttrHours }, groups, horizonHours);
  return { probability, groups, replicas, mttfHours, mttrHours, horizonHours };
}

export interface FleetOptions {
  readonly replicas: number;
  /** Independent groups, one partition each: at most 64 (one rack each). */
  readonly groups: number;
  readonly mttfHours: number;
  readonly repairHours: number;
  /** Hardware hours per simulated second (default a day). */
  readonly timeCompression?: number;
}

/**
 * A fleet the Markov model describes exactly: one rack per group, holding that partition's copies
 * on disks of their own (single-rack placement) and one spare machine to rebuild onto; no request
 * traffic needed, machines never fail (a crashed machine keeps its disks anyway).
 */
export function replicaGroupFleet(base: Scenario, o: FleetOptions): Scenario {
  const racks = Array.from({ length: o.groups }, (_, i) => `rack-${i + 1}`);
  const detectHours = Math.min(0.5, o.repairHours / 2);
  return {
    ...base,
    racks,
    loadBalancer: { ...base.loadBalancer, rack: racks[0] as string },
    clients: { ...base.clients, rateRps: 0 },
    storage: {
      ...base.storage,
      count: o.groups * (o.replicas + 1),
      disksPerNode: 1,
      partitions: o.groups,
      placement: 'single-rack',
      repairDetectMs: detectHours * HOUR_MS,
      repairCopyMs: (o.repairHours - detectHours) * HOUR_MS,
      maxParallelRepairs: 1000,
    },
    hardwareFaults: {
      ...base.hardwareFaults,
      enabled: true,
      diskMttfHours: o.mttfHours,
      nodeMttfHours: 1e12,
      timeCompression: o.timeCompression ?? 86_400,
    },
    policy: { ...base.policy, replicationFactor: o.replicas, writeQuorum: 1, readQuorum: 1 },
  };
}
