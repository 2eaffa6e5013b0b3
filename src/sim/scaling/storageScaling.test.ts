// Storage nodes joining and leaving: replicas move by copying, so no partition is ever
// under-replicated because of a move and no acknowledged write is lost by one; the spread ends
// even. A node stopped at once loses its replicas, which are rebuilt as after a failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../index';
import { InvariantChecker } from '../invariants';
import { scalable } from './scalableScenario';

/** Light load (the moves are what is tested) with writes, fast copies. */
function storageScenario(): Scenario {
  const s = scalable({ provisioningMs: 1_000 }, 100);
  return { ...s, clients: { ...s.clients, readShare: 0.5 }, storage: { ...s.storage, repairCopyMs: 2_000 } };
}

function replicasPerNode(sim: ReturnType<typeof createSimulation>): number[] {
  return sim
    .snapshot()
    .nodes.filter((n) => n.kind === 'storage' && n.status !== 'absent')
    .map((n) => n.disks.reduce((sum, d) => sum + d.replicas, 0));
}

/** Runs to untilMs in steps, failing if any partition is ever under-replicated or any write lost. */
function runWatched(sim: ReturnType<typeof createSimulation>, untilMs: number): number {
  let mostMoving = 0;
  for (let t = sim.nowMs + 500; t <= untilMs; t += 500) {
    sim.runUntil(t);
    const snap = sim.snapshot();
    expect(snap.durability.underReplicatedPartitions).toBe(0);
    expect(snap.durability.ackedWritesLost).toBe(0);
    mostMoving = Math.max(mostMoving, snap.scaling?.movingPartitions ?? 0);
  }
  return mostMoving;
}

describe('adding a storage node', () => {
  it('copies an even share to it without ever under-replicating a partition', () => {
    const sim = createSimulation(storageScenario(), 4);
    sim.runUntil(5_000);
    expect(sim.apply({ type: 'addNode', tier: 'storage' })).toEqual({ ok: true });
    const mostMoving = runWatched(sim, 60_000);
    expect(mostMoving).toBe(4); // maxParallelRepairs at a time
    const counts = replicasPerNode(sim);
    expect(counts).toHaveLength(7);
    expect(counts.reduce((x, y) => x + y)).toBe(120 * 3);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const moved = sim.snapshot().recentEvents.filter((e) => e.type === 'partitionsMoved');
    expect(moved).toHaveLength(1);
    expect(moved[0]?.detail).toBe('51 replicas copied; each storage node now holds 51 to 52 replicas');
    expect(sim.snapshot().scaling?.movingPartitions).toBe(0);
  });
});

describe('removing a storage node', () => {
  it('by draining copies its replicas off first, then it leaves', () => {
    const sim = createSimulation(storageScenario(), 4);
    sim.runUntil(5_000);
    expect(sim.apply({ type: 'removeNode', nodeId: 'db-2', mode: 'drain' })).toEqual({ ok: true });
    runWatched(sim, 80_000);
    const snap = sim.snapshot();
    expect(snap.nodes.find((n) => n.id === 'db-2')?.status).toBe('absent');
    expect(replicasPerNode(sim)).toEqual([72, 72, 72, 72, 72]);
    expect(snap.recentEvents.filter((e) => e.target === 'db-2').map((e) => e.type)).toEqual([
      'nodeDraining',
      'nodeRemoved',
    ]);
  });

  it('by stopping destroys its replicas; they are rebuilt as after a failure', () => {
    const sim = createSimulation(storageScenario(), 4);
    sim.runUntil(5_000);
    expect(sim.apply({ type: 'removeNode', nodeId: 'db-2', mode: 'stop' })).toEqual({ ok: true });
    expect(sim.snapshot().durability.underReplicatedPartitions).toBe(60);
    sim.runUntil(200_000);
    expect(sim.snapshot().durability.underReplicatedPartitions).toBe(0);
  });

  it('is refused when too few nodes would be left for the replication factor', () => {
    const s = storageScenario();
    const sim = createSimulation({ ...s, storage: { ...s.storage, count: 3 } }, 4);
    expect(sim.apply({ type: 'removeNode', nodeId: 'db-1', mode: 'drain' })).toEqual({
      ok: false,
      error: 'removing db-1 would leave 2 storage nodes, fewer than the replication factor 3',
    });
  });
});

describe('moves never lose an acknowledged write', () => {
  it('over seeds, with adds, drains and disk failures mixed in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1_000, max: 20_000 }),
        fc.integer({ min: 0, max: 5 }),
        (seed, removeAtMs, victim) => {
          const sim = createSimulation(storageScenario(), seed);
          const checker = new InvariantChecker(sim.snapshot());
          sim.observer = checker.observe;
          sim.runUntil(500);
          sim.apply({ type: 'addNode', tier: 'storage' });
          sim.runUntil(removeAtMs);
          sim.apply({ type: 'removeNode', nodeId: `db-${victim + 1}`, mode: 'drain' });
          sim.apply({ type: 'failDisk', nodeId: `db-${((victim + 2) % 6) + 1}`, disk: 0 });
          sim.runUntil(90_000);
          const snap = sim.snapshot();
          checker.checkSnapshot(snap);
          expect(checker.violations).toEqual([]);
          expect(snap.durability.ackedWritesLost).toBe(0);
          expect(snap.durability.writesAcked).toBeGreaterThan(0);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
