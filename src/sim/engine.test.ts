// What the model does when faults happen, checked through the public API the way the lab and the
// lessons will drive it: run, apply a command, run on, read the snapshot.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, replay, type Scenario, type Simulation } from './index';

const base = getBuiltInScenario('default') as Scenario;

function run(scenario: Scenario, seed: number, untilMs: number): Simulation {
  const sim = createSimulation(scenario, seed);
  sim.runUntil(untilMs);
  return sim;
}

/** Availability of the windows that ended in (fromMs, toMs]. */
function availabilityBetween(sim: Simulation, fromMs: number, toMs: number): number {
  const windows = sim.snapshot().windows.filter((w) => w.endMs > fromMs && w.endMs <= toMs);
  const ok = windows.reduce((a, w) => a + w.succeeded, 0);
  const all = windows.reduce((a, w) => a + w.succeeded + w.failed, 0);
  return all > 0 ? ok / all : 1;
}

describe('determinism', () => {
  it('same scenario and seed give the same hash; another seed gives another', () => {
    for (const scenario of [base, getBuiltInScenario('single-server') as Scenario]) {
      expect(run(scenario, 42, 5000).logHash()).toBe(run(scenario, 42, 5000).logHash());
      expect(run(scenario, 42, 5000).logHash()).not.toBe(run(scenario, 43, 5000).logHash());
    }
  });

  it('a command log replays to the same hash, however the run was sliced', () => {
    const sim = createSimulation(base, 5);
    for (let t = 0; t < 4000; t += 137) sim.runUntil(t, 50); // small slices, as the lab's frames do
    sim.runUntil(4000);
    sim.apply({ type: 'crashNode', nodeId: 'app-2' });
    sim.runUntil(6000, 10);
    sim.runUntil(6000);
    sim.apply({ type: 'spikeLoad', multiplier: 2, durationMs: 1000 });
    sim.runUntil(9000);
    expect(replay(base, 5, sim.commands(), 9000).logHash()).toBe(sim.logHash());
  });

  it('randomness is split into streams: a fault leaves the arrival process unchanged', () => {
    const quiet = run(base, 9, 3000).snapshot().cumulative.issued;
    const sim = createSimulation(base, 9);
    sim.runUntil(1000);
    sim.apply({ type: 'slowNode', nodeId: 'app-1', factor: 5 });
    sim.runUntil(3000);
    expect(sim.snapshot().cumulative.issued).toBe(quiet);
  });

  it('runUntil with an event budget never stops in the middle of a timestamp', () => {
    const sim = createSimulation(base, 1);
    const r = sim.runUntil(10_000, 100);
    expect(r.events).toBeGreaterThanOrEqual(100);
    expect(r.timeMs).toBeLessThan(10_000);
  });
});

describe('app server crash', () => {
  it('availability dips until health checks take the server out, then recovers', () => {
    const sim = createSimulation(base, 1);
    sim.runUntil(10_000);
    sim.apply({ type: 'crashNode', nodeId: 'app-1' });
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    expect(availabilityBetween(sim, 0, 10_000)).toBe(1);
    // Requests sent to app-1 before detection time out; retries mostly save them, but some fail.
    expect(snap.cumulative.timedOut).toBeGreaterThan(0);
    expect(snap.nodes.find((n) => n.id === 'app-1')?.inRotation).toBe(false);
    // After detection (2 probes, 1 s apart) plus the 1 s timeout: back to full availability.
    expect(availabilityBetween(sim, 14_000, 20_000)).toBe(1);
  });

  it('without health checks the same crash keeps failing requests: a fault becomes a failure', () => {
    const noChecks: Scenario = {
      ...base,
      policy: {
        ...base.policy,
        healthChecks: false,
        retry: { ...base.policy.retry, strategy: 'none', maxAttempts: 1 },
      },
    };
    const sim = createSimulation(noChecks, 1);
    sim.runUntil(10_000);
    sim.apply({ type: 'crashNode', nodeId: 'app-1' });
    sim.runUntil(30_000);
    // A quarter of requests go to the dead server and time out.
    expect(availabilityBetween(sim, 15_000, 30_000)).toBeLessThan(0.8);
    expect(availabilityBetween(sim, 15_000, 30_000)).toBeGreaterThan(0.7);
  });
});

describe('disks and durability', () => {
  it('failing the disks that hold every replica of a partition loses acknowledged writes', () => {
    const sim = createSimulation(base, 2);
    sim.runUntil(20_000);
    expect(sim.snapshot().durability.ackedWritesLost).toBe(0);
    // Partition 0 lives on disk 0 of db-1, db-2 and db-3 (rack-aware placement).
    for (const nodeId of ['db-1', 'db-2', 'db-3'])
      expect(sim.apply({ type: 'failDisk', nodeId, disk: 0 }).ok).toBe(true);
    const d = sim.snapshot().durability;
    expect(d.ackedWritesLost).toBeGreaterThan(0);
    expect(d.partitionsLost).toBeGreaterThan(0);
  });

  it('one failed disk under RF 3 loses nothing and is repaired', () => {
    const sim = createSimulation(base, 2);
    sim.runUntil(5000);
    sim.apply({ type: 'failDisk', nodeId: 'db-4', disk: 1 });
    const during = sim.snapshot().durability;
    expect(during.underReplicatedPartitions).toBeGreaterThan(0);
    sim.runUntil(5000 + 10_000 + 30_000 * 6 + 1000); // detection, then copies 4 at a time
    const after = sim.snapshot().durability;
    expect(after.ackedWritesLost).toBe(0);
    expect(after.underReplicatedPartitions).toBe(0);
    expect(after.repairsCompleted).toBe(during.underReplicatedPartitions);
  });

  it('a rack power failure with replicas spread across racks keeps every partition readable', () => {
    const sim = createSimulation(base, 3);
    sim.runUntil(5000);
    sim.apply({ type: 'powerFailRack', rackId: 'rack-b', durationMs: 0, diskFailShare: 0 });
    expect(sim.snapshot().durability.unavailablePartitions).toBe(0);
    const oneRack = createSimulation({ ...base, storage: { ...base.storage, placement: 'single-rack' } }, 3);
    oneRack.runUntil(5000);
    oneRack.apply({ type: 'powerFailRack', rackId: 'rack-b', durationMs: 0, diskFailShare: 0 });
    expect(oneRack.snapshot().durability.unavailablePartitions).toBeGreaterThan(0);
  });
});

describe('network partitions', () => {
  it('a cut link between the balancer and a server makes requests to it fail until it is taken out', () => {
    const noRetry: Scenario = {
      ...base,
      policy: { ...base.policy, retry: { ...base.policy.retry, strategy: 'none', maxAttempts: 1 } },
    };
    const sim = createSimulation(noRetry, 4);
    sim.runUntil(5000);
    expect(sim.apply({ type: 'partitionLink', linkId: 'lb~app-3' }).ok).toBe(true);
    sim.runUntil(12_000);
    const snap = sim.snapshot();
    expect(snap.links.find((l) => l.id === 'lb~app-3')?.cut).toBe(true);
    expect(snap.cumulative.failed).toBeGreaterThan(0);
    expect(availabilityBetween(sim, 5000, 7000)).toBeLessThan(0.9);
    expect(availabilityBetween(sim, 9000, 12_000)).toBe(1);
  });

  it('a storage node cut off from everything makes writes wait for the other replicas only', () => {
    // Writes only: a read with R = 1 that picks the cut-off replica fails after the storage
    // timeout, and so may each retry (a third of the time), which is a different lesson.
    const sim = createSimulation({ ...base, clients: { ...base.clients, readShare: 0 } }, 4);
    sim.runUntil(2000);
    sim.apply({ type: 'partitionGroup', nodeIds: ['db-2'] });
    sim.runUntil(10_000);
    // W = 2 of 3: writes still succeed, through the two replicas on the main side.
    expect(availabilityBetween(sim, 4000, 10_000)).toBeGreaterThan(0.99);
  });
});

describe('load', () => {
  it('a load spike past capacity raises p99', () => {
    const sim = createSimulation(base, 5);
    sim.runUntil(10_000);
    const before = sim.snapshot().window?.latencyMs.p99 ?? 0;
    sim.apply({ type: 'spikeLoad', multiplier: 3, durationMs: 5000 }); // 1,800 req/s against about 1,770 of capacity
    sim.runUntil(14_000);
    const during = sim.snapshot().window?.latencyMs.p99 ?? 0;
    expect(during).toBeGreaterThan(before * 3);
    sim.runUntil(30_000);
    expect(sim.snapshot().loadMultiplier).toBe(1);
  });

  it('retries multiply the load the servers see when they are overloaded', () => {
    const sim = createSimulation(
      {
        ...base,
        policy: {
          ...base.policy,
          queueLimit: 5,
          retry: { ...base.policy.retry, strategy: 'fixed', baseDelayMs: 10, maxAttempts: 5 },
        },
      },
      5,
    );
    sim.runUntil(5000);
    sim.apply({ type: 'spikeLoad', multiplier: 4, durationMs: 10_000 });
    sim.runUntil(15_000);
    const c = sim.snapshot().cumulative;
    expect(c.attempts).toBeGreaterThan(c.issued * 1.5);
    expect(c.rejected).toBeGreaterThan(0);
  });

  it('least-outstanding sends less traffic to a slow server than round-robin does', () => {
    const busyOfSlow = (strategy: 'round-robin' | 'least-outstanding') => {
      const sim = createSimulation({ ...base, policy: { ...base.policy, lbStrategy: strategy } }, 6);
      sim.apply({ type: 'slowNode', nodeId: 'app-1', factor: 4 });
      sim.runUntil(20_000);
      return sim.snapshot().nodes.find((n) => n.id === 'app-1')?.utilization ?? 0;
    };
    expect(busyOfSlow('least-outstanding')).toBeLessThan(busyOfSlow('round-robin') * 0.8);
  });
});

describe('software and human faults', () => {
  it('a burst of poison requests crashes every app server at once: redundancy does not help', () => {
    const sim = createSimulation(base, 7);
    sim.runUntil(2000);
    sim.apply({ type: 'sendPoisonRequests', count: 8 });
    sim.runUntil(2100);
    const apps = sim.snapshot().nodes.filter((n) => n.kind === 'app');
    expect(apps.every((n) => n.status === 'crashed')).toBe(true);
    sim.runUntil(8000);
    expect(availabilityBetween(sim, 4000, 8000)).toBe(0);
  });

  it('one poison request, retried, crashes one server per attempt', () => {
    const sim = createSimulation({ ...base, policy: { ...base.policy, lbStrategy: 'least-outstanding' } }, 7);
    sim.runUntil(2000);
    sim.apply({ type: 'sendPoisonRequests', count: 1 });
    sim.runUntil(8000);
    const crashed = sim.snapshot().nodes.filter((n) => n.kind === 'app' && n.status === 'crashed').length;
    expect(crashed).toBeGreaterThanOrEqual(2);
    expect(crashed).toBeLessThanOrEqual(base.policy.retry.maxAttempts);
  });

  it('a canary rollout changes one server, then the rest unless rolled back', () => {
    const canary = {
      type: 'rollOutConfig',
      mode: 'canary',
      nodeIds: [],
      errorShare: 0.5,
      slowShare: 0,
      slowFactor: 1,
      canaryCount: 1,
      stageDelayMs: 5000,
    } as const;
    const sim = createSimulation(base, 8);
    sim.apply(canary);
    sim.runUntil(1000);
    expect(
      sim
        .snapshot()
        .nodes.filter((n) => n.badConfig)
        .map((n) => n.id),
    ).toEqual(['app-1']);
    sim.apply({ type: 'rollBack' });
    sim.runUntil(10_000);
    expect(sim.snapshot().nodes.filter((n) => n.badConfig)).toEqual([]);

    const all = createSimulation(base, 8);
    all.apply(canary);
    all.runUntil(6000);
    expect(all.snapshot().nodes.filter((n) => n.badConfig).length).toBe(4);
  });

  it('a bad configuration on every server fails about its error share of attempts', () => {
    const sim = createSimulation(
      { ...base, policy: { ...base.policy, retry: { ...base.policy.retry, strategy: 'none', maxAttempts: 1 } } },
      9,
    );
    sim.apply({
      type: 'rollOutConfig',
      mode: 'all-at-once',
      nodeIds: [],
      errorShare: 0.2,
      slowShare: 0,
      slowFactor: 1,
      canaryCount: 1,
      stageDelayMs: 0,
    });
    sim.runUntil(20_000);
    expect(Math.abs(sim.snapshot().cumulative.availability - 0.8)).toBeLessThan(0.02);
  });
});

describe('bounded memory', () => {
  it('keeps at most 600 metric windows and 500 notable events', () => {
    const sim = createSimulation({ ...base, clients: { ...base.clients, rateRps: 5 } }, 1);
    for (let i = 0; i < 700; i++) {
      sim.runUntil(i * 1000);
      sim.apply({ type: 'slowNode', nodeId: 'app-1', factor: 1 + (i % 2) });
    }
    const snap = sim.snapshot();
    expect(snap.windows.length).toBe(600);
    expect(snap.recentEvents.length).toBe(500);
  });
});

describe('retries', () => {
  it('a retry asks for the same data: with every copy of some partitions gone, their requests fail however often they retry', () => {
    // One copy per partition; kill the node holding a sixth of them. Retries must not "find"
    // the data on another partition (they did, before requests kept their key).
    const scenario = { ...base, policy: { ...base.policy, replicationFactor: 1, writeQuorum: 1, readQuorum: 1 } };
    const sim = createSimulation(scenario, 9);
    sim.runUntil(2000);
    sim.apply({ type: 'crashNode', nodeId: 'db-1' });
    sim.runUntil(12_000);
    const lostShare = 1 / 6;
    expect(availabilityBetween(sim, 3000, 12_000)).toBeCloseTo(1 - lostShare, 1);
    expect(availabilityBetween(sim, 3000, 12_000)).toBeLessThan(1 - lostShare / 2);
  });
});
