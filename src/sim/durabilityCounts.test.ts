// Two durability counts checked against what they claim: failed disks are replaced after
// diskReplaceHours, so a long compressed run settles near N x replace / (MTTF + replace) failed
// disks instead of running out; and partitionsLost counts distinct partitions, not loss events.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario, type Simulation } from './index';

const base = getBuiltInScenario('default') as Scenario;

function failedDisks(sim: Simulation): number {
  let failed = 0;
  for (const node of sim.snapshot().nodes) for (const disk of node.disks) if (disk.status === 'failed') failed++;
  return failed;
}

/** 500 disks, MTTF 1,000 h, replaced after 100 h; one simulated second is 100 hardware hours. */
const fleet: Scenario = {
  ...base,
  clients: { ...base.clients, rateRps: 0 },
  storage: { ...base.storage, count: 50, disksPerNode: 10, partitions: 10, maxParallelRepairs: 100 },
  hardwareFaults: {
    enabled: true,
    diskMttfHours: 1000,
    nodeMttfHours: 1e12,
    nodeRepairHours: 1,
    diskReplaceHours: 100,
    timeCompression: 360_000,
  },
};

describe('failed disks are replaced', () => {
  it('a long compressed run keeps about N x replace / (MTTF + replace) disks failed, not all of them', () => {
    const sim = createSimulation(fleet, 5);
    sim.runUntil(20_000); // 2,000 hardware hours: two MTTFs, well past the 100 h settling time
    let sum = 0;
    const samples = 200;
    for (let k = 1; k <= samples; k++) {
      sim.runUntil(20_000 + k * 2_000); // a sample every 200 hardware hours: close to independent
      sum += failedDisks(sim);
    }
    const expected = (500 * 100) / (1000 + 100); // 45.5
    // Each sample is about Binomial(500, 0.091): sd 6.4; the mean of 200 has sd about 0.5.
    expect(sum / samples).toBeGreaterThan(expected - 3);
    expect(sum / samples).toBeLessThan(expected + 3);
    expect(sim.snapshot().durability.diskFailures).toBeGreaterThan(500 * 2); // without replacement: at most 500
  }, 60_000);

  it('a disk failed by hand stays failed until someone replaces it, hardware faults or not', () => {
    const sim = createSimulation(fleet, 6);
    expect(sim.apply({ type: 'failDisk', nodeId: 'db-1', disk: 0 })).toEqual({ ok: true });
    sim.runUntil(10_000); // 1,000 hardware hours: ten replacement times
    const disk = sim.snapshot().nodes.find((node) => node.id === 'db-1')?.disks[0];
    expect(disk?.status).toBe('failed');
  }, 60_000);

  it('with hardware faults off, a rack that loses its disks in a power cut keeps them failed', () => {
    const scenario: Scenario = { ...base, hardwareFaults: { ...base.hardwareFaults, timeCompression: 1e6 } };
    const sim = createSimulation(scenario, 1);
    sim.apply({ type: 'powerFailRack', rackId: 'rack-a', durationMs: 1000, diskFailShare: 1 });
    const failed = failedDisks(sim);
    expect(failed).toBeGreaterThan(0);
    sim.runUntil(5_000); // 24 hardware hours are 0.09 simulated s at this compression
    expect(failedDisks(sim)).toBe(failed);
  });
});

describe('rack power failures while hardware faults are on', () => {
  it('replace the disks they destroyed after diskReplaceHours of hardware time', () => {
    // Disks that (almost) never fail at random, so every failed disk here is the rack's.
    const quiet: Scenario = { ...fleet, hardwareFaults: { ...fleet.hardwareFaults, diskMttfHours: 1e9 } };
    const sim = createSimulation(quiet, 7);
    sim.apply({ type: 'powerFailRack', rackId: 'rack-a', durationMs: 100, diskFailShare: 1 });
    expect(failedDisks(sim)).toBe(170); // 17 nodes x 10 disks in rack-a
    sim.runUntil(999); // 99.9 hardware hours: not yet
    expect(failedDisks(sim)).toBe(170);
    sim.runUntil(1_001); // 100.1 hardware hours: every one replaced
    expect(failedDisks(sim)).toBe(0);
  });
});

describe('partitionsLost', () => {
  it('counts a partition lost twice once; partitionLossEvents counts both losses', () => {
    const scenario: Scenario = {
      ...base,
      clients: { ...base.clients, rateRps: 0 },
      storage: { ...base.storage, maxParallelRepairs: 1000 },
      policy: { ...base.policy, replicationFactor: 1, writeQuorum: 1, readQuorum: 1 },
    };
    const sim = createSimulation(scenario, 1);
    const failAll = () => {
      for (let node = 1; node <= 6; node++)
        for (let disk = 0; disk < 3; disk++) sim.apply({ type: 'failDisk', nodeId: `db-${node}`, disk });
    };
    failAll();
    for (let node = 1; node <= 6; node++)
      for (let disk = 0; disk < 3; disk++) sim.apply({ type: 'replaceDisk', nodeId: `db-${node}`, disk });
    sim.runUntil(60_000); // detection (10 s) and one copy (30 s): every partition rebuilt, empty
    expect(sim.snapshot().durability.underReplicatedPartitions).toBe(0);
    failAll();
    const d = sim.snapshot().durability;
    expect(d.partitionsLost).toBe(120);
    expect(d.partitionLossEvents).toBe(240);
  });
});
