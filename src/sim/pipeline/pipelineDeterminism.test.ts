// The pipeline keeps the core's promise: scenario + seed + command log reproduce a run exactly
// (the same event-log hash and the same pipeline figures), and a copy taken mid-run continues as
// the original does, with every part of the pipeline (log, groups in rebalance, index rebuilds).
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, replay, type Scenario, type Simulation } from '../index';
import { command, pipelineNow } from './pipelineTestScenario';

const dataSystem = getBuiltInScenario('data-system') as Scenario;

/** A busy run: every pipeline fault and change a learner can make, at set times. */
const SCRIPT: readonly { atMs: number; input: unknown }[] = [
  { atMs: 3_000, input: { type: 'setLoad', rateRps: 2600 } },
  { atMs: 5_400, input: { type: 'crashNode', nodeId: 'notifier-1' } },
  { atMs: 6_500, input: { type: 'failDisk', nodeId: 'broker-2', disk: 0 } },
  { atMs: 7_000, input: { type: 'setLog', policy: { acks: 'all', minInSync: 2 } } },
  { atMs: 8_000, input: { type: 'addConsumer', group: 'indexer' } },
  { atMs: 9_000, input: { type: 'failDisk', nodeId: 'index-1', disk: 0 } },
  { atMs: 11_000, input: { type: 'restartNode', nodeId: 'notifier-1' } },
  { atMs: 12_500, input: { type: 'slowNode', nodeId: 'broker-3', factor: 4 } },
  { atMs: 14_000, input: { type: 'replaceDisk', nodeId: 'broker-2', disk: 0 } },
  { atMs: 15_000, input: { type: 'setIndexMode', mode: 'sync' } },
  { atMs: 16_000, input: { type: 'partitionGroup', nodeIds: ['broker-1', 'indexer-1'] } },
  { atMs: 18_000, input: { type: 'healAll' } },
  { atMs: 19_000, input: { type: 'setLog', policy: { retentionMs: 2000 } } },
  { atMs: 20_000, input: { type: 'removeConsumer', nodeId: 'indexer-3' } },
  { atMs: 21_000, input: { type: 'setIndexMode', mode: 'log' } },
];

/** Plays the script on `sim` from where it stands up to `untilMs`. */
function play(sim: Simulation, untilMs: number): void {
  for (const step of SCRIPT) {
    if (step.atMs < sim.nowMs || step.atMs > untilMs) continue;
    sim.runUntil(step.atMs);
    command(sim, step.input);
  }
  sim.runUntil(untilMs);
}

const END_MS = 30_000;

describe('determinism with the pipeline', () => {
  it('the same scenario, seed and commands give the same hash and figures twice', () => {
    const a = createSimulation(dataSystem, 42);
    const b = createSimulation(dataSystem, 42);
    play(a, END_MS);
    play(b, END_MS);
    expect(b.logHash()).toBe(a.logHash());
    expect(JSON.stringify(pipelineNow(b))).toBe(JSON.stringify(pipelineNow(a)));
    // The run did exercise the pipeline: the script's faults left their marks.
    const p = pipelineNow(a);
    expect(p.groups.find((g) => g.name === 'notifier')?.duplicates).toBeGreaterThan(0);
    expect(p.log?.deletedByRetention).toBeGreaterThan(0);
    expect(p.index?.rebuilds).toBeGreaterThan(0);
  });

  it('a replay of the recorded command log gives the same hash', () => {
    const live = createSimulation(dataSystem, 7);
    play(live, END_MS);
    const again = replay(dataSystem, 7, live.commands(), END_MS);
    expect(again.logHash()).toBe(live.logHash());
    expect(JSON.stringify(pipelineNow(again))).toBe(JSON.stringify(pipelineNow(live)));
  });

  it('another seed gives another run', () => {
    const a = createSimulation(dataSystem, 1);
    const b = createSimulation(dataSystem, 2);
    a.runUntil(5_000);
    b.runUntil(5_000);
    expect(b.logHash()).not.toBe(a.logHash());
  });

  it.each([5_800, 9_500, 16_500])('a clone taken at %i ms continues exactly as the original', (cloneAtMs) => {
    const original = createSimulation(dataSystem, 9);
    play(original, cloneAtMs);
    const twin = original.clone();
    play(original, END_MS);
    // The original ran on: the twin, still at the clone time, is untouched by it.
    expect(twin.nowMs).toBe(cloneAtMs);
    play(twin, END_MS);
    expect(twin.logHash()).toBe(original.logHash());
    expect(JSON.stringify(pipelineNow(twin))).toBe(JSON.stringify(pipelineNow(original)));
    expect(JSON.stringify(twin.snapshot().windows)).toBe(JSON.stringify(original.snapshot().windows));
  });
});
