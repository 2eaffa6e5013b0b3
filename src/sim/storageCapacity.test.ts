// Storage nodes with a capacity, seen from the whole simulation: a capacity never reached changes
// nothing, an overloaded node queues and then rejects (the replica counts against the quorum and
// the request fails fast), a crash drops the node's queue, and runs with faults replay exactly.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, parseScenario, replay, type Scenario } from './index';

const base = getBuiltInScenario('default') as Scenario;

function withCapacity(s: Scenario, slots: number, queueLimit: number): Scenario {
  return { ...s, storage: { ...s.storage, capacity: { slots, queueLimit } } };
}

/** Six storage nodes at 600 req/s (about 1,350 disk operations/s) with room for `slots` each. */
function loaded(slots: number, queueLimit: number, rateRps = 600): Scenario {
  return { ...withCapacity(base, slots, queueLimit), clients: { ...base.clients, rateRps } };
}

function storageQueues(sim: ReturnType<typeof createSimulation>): number[] {
  const topology = sim.topology();
  const frame = sim.frame(-1, Number.POSITIVE_INFINITY, 0);
  return topology.nodes.flatMap((node, i) => (node.kind === 'storage' ? [frame.nodeQueue[i] as number] : []));
}

describe('a capacity never reached', () => {
  it('changes nothing: the same events and hash as no capacity at all', () => {
    for (const id of ['default', 'single-server']) {
      const scenario = getBuiltInScenario(id) as Scenario;
      const plain = createSimulation(scenario, 3);
      const roomy = createSimulation(withCapacity(scenario, 1024, 100_000), 3);
      plain.runUntil(20_000);
      roomy.runUntil(20_000);
      expect(roomy.logHash(), id).toBe(plain.logHash());
      expect(roomy.snapshot().cumulative.storageQueued).toBe(0);
    }
  });

  it('without the setting, the counters read zero', () => {
    const sim = createSimulation(base, 1);
    sim.runUntil(5_000);
    const c = sim.snapshot().cumulative;
    expect([c.storageQueued, c.storageRejected]).toEqual([0, 0]);
  });
});

describe('an overloaded storage tier', () => {
  it('queues when slots are short: latency grows with load, as a queue does', () => {
    const run = (slots: number) => {
      const sim = createSimulation(loaded(slots, 100_000, 1200), 5);
      sim.runUntil(20_000);
      return sim.snapshot().cumulative;
    };
    const roomy = run(64);
    const tight = run(1);
    expect(roomy.storageQueued).toBe(0);
    expect(tight.storageQueued).toBeGreaterThan(1000);
    expect(tight.storageRejected).toBe(0);
    expect(tight.latencyMs.mean, `${tight.latencyMs.mean} vs ${roomy.latencyMs.mean}`).toBeGreaterThan(
      roomy.latencyMs.mean + 2,
    );
  });

  it('rejects when the queue is full: the replica answers "overloaded" and the request fails fast', () => {
    // One slot, no queue: a node is busy about 2 ms per operation at ~225 operations/s each.
    const scenario = loaded(1, 0, 3000);
    const sim = createSimulation(scenario, 5);
    sim.runUntil(10_000);
    const c = sim.snapshot().cumulative;
    expect(c.storageRejected).toBeGreaterThan(1000);
    expect(c.storageQueued).toBe(0);
    expect(c.errors).toBeGreaterThan(0);
    // Failing fast: no attempt waited for the storage timeout or the client's.
    expect(c.timedOut).toBe(0);
    const windows = sim.snapshot().windows;
    expect(windows.reduce((sum, w) => sum + (w.storageRejected ?? 0), 0)).toBe(c.storageRejected);
  });

  it('shows each storage node’s queue in the frame, and a crash empties it', () => {
    const sim = createSimulation(loaded(1, 100_000, 3000), 2);
    sim.runUntil(3_000);
    const before = storageQueues(sim);
    expect(Math.min(...before)).toBeGreaterThan(0);
    expect(sim.apply({ type: 'crashNode', nodeId: 'db-1' })).toEqual({ ok: true });
    expect(storageQueues(sim)[0]).toBe(0);
    sim.runUntil(3_500);
    expect(storageQueues(sim)[0]).toBe(0);
    expect(sim.apply({ type: 'restartNode', nodeId: 'db-1' })).toEqual({ ok: true });
    sim.runUntil(3_501);
    // Back up with an empty queue: it fills again from nothing, slower than the others' backlog.
    const after = storageQueues(sim);
    expect(after[0]).toBeLessThan(before[0] as number);
  });
});

describe('determinism with a capacity', () => {
  it('a run with faults during rounds replays to the same hash, and a clone continues identically', () => {
    const scenario = loaded(2, 50, 1500);
    const sim = createSimulation(scenario, 9);
    const commands = [
      { atMs: 1_000, command: { type: 'crashNode', nodeId: 'db-2' } },
      { atMs: 1_500, command: { type: 'partitionLink', linkId: 'app-1~db-3' } },
      { atMs: 2_000, command: { type: 'restartNode', nodeId: 'db-2' } },
      { atMs: 2_500, command: { type: 'slowNode', nodeId: 'db-4', factor: 5 } },
    ];
    for (const { atMs, command } of commands) {
      sim.runUntil(atMs);
      expect(sim.apply(command)).toEqual({ ok: true });
    }
    sim.runUntil(3_000);
    const twin = sim.clone();
    sim.runUntil(6_000);
    twin.runUntil(6_000);
    expect(twin.logHash()).toBe(sim.logHash());
    expect(replay(scenario, 9, sim.commands(), 6_000).logHash()).toBe(sim.logHash());
    expect(sim.snapshot().cumulative.storageQueued).toBeGreaterThan(0);
  });
});

describe('a round replayed after a fault', () => {
  it('sees the queue as it was when the round began: a fault that changes nothing changes no latency', () => {
    // A policy change bumps the fault epoch, so every round in flight is computed again on arrival.
    const scenario = loaded(1, 100_000, 1200);
    const plain = createSimulation(scenario, 4);
    const poked = createSimulation(scenario, 4);
    for (let atMs = 500; atMs <= 5_000; atMs += 7) {
      plain.runUntil(atMs);
      poked.runUntil(atMs);
      expect(poked.apply({ type: 'setPolicy', policy: { timeoutMs: scenario.policy.timeoutMs } })).toEqual({
        ok: true,
      });
    }
    plain.runUntil(6_000);
    poked.runUntil(6_000);
    const a = plain.snapshot().cumulative;
    const b = poked.snapshot().cumulative;
    expect(a.storageQueued).toBeGreaterThan(1000);
    expect(b.latencyMs).toEqual(a.latencyMs);
    expect([b.succeeded, b.failed, b.storageQueued]).toEqual([a.succeeded, a.failed, a.storageQueued]);
  });
});

describe('storage.capacity in a scenario file', () => {
  const errorsOf = (capacity: unknown) => {
    const result = parseScenario({ ...base, storage: { ...base.storage, capacity } });
    return result.ok ? [] : result.errors;
  };

  it('is optional, and accepted within its bounds', () => {
    expect(parseScenario(withCapacity(base, 1, 0)).ok).toBe(true);
    expect(parseScenario(withCapacity(base, 1024, 100_000)).ok).toBe(true);
  });

  it('refuses a capacity of 0, or out of range, naming the field', () => {
    expect(errorsOf({ slots: 0, queueLimit: 10 })).toEqual([expect.stringMatching(/^storage\.capacity\.slots: /)]);
    expect(errorsOf({ slots: 1025, queueLimit: 10 })).toEqual([expect.stringMatching(/^storage\.capacity\.slots: /)]);
    expect(errorsOf({ slots: 2.5, queueLimit: 10 })).toEqual([expect.stringMatching(/^storage\.capacity\.slots: /)]);
    expect(errorsOf({ slots: 4, queueLimit: -1 })).toEqual([expect.stringMatching(/^storage\.capacity\.queueLimit: /)]);
    expect(errorsOf({ slots: 4 })).toEqual([expect.stringMatching(/^storage\.capacity\.queueLimit: /)]);
    expect(errorsOf({ slots: 4, queueLimit: 1, iops: 3 })).toEqual([
      expect.stringMatching(/^storage\.capacity: .*"iops"/),
    ]);
  });
});
