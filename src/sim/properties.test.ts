// Random fault schedules over many seeds, with the invariants of invariants.ts checked along the
// way. A failure prints the fast-check seed and the schedule that broke it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Command, type Scenario } from './index';
import { InvariantChecker } from './invariants';

const base = getBuiltInScenario('default') as Scenario;
// Faster repairs and anti-entropy so a 20 s run sees them; a bit less load to keep runs quick.
const scenario: Scenario = {
  ...base,
  clients: { ...base.clients, rateRps: 300 },
  storage: { ...base.storage, repairDetectMs: 500, repairCopyMs: 1500, antiEntropyIntervalMs: 1000 },
};
const apps = ['app-1', 'app-2', 'app-3', 'app-4'];
const dbs = ['db-1', 'db-2', 'db-3', 'db-4', 'db-5', 'db-6'];
const links = ['clients~lb', ...apps.map((a) => `lb~${a}`), ...apps.flatMap((a) => dbs.map((d) => `${a}~${d}`))];

const node = fc.constantFrom('lb', ...apps, ...dbs);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('crashNode' as const), nodeId: node }),
  fc.record({ type: fc.constant('restartNode' as const), nodeId: node }),
  fc.record({
    type: fc.constant('failDisk' as const),
    nodeId: fc.constantFrom(...dbs),
    disk: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ type: fc.constant('partitionLink' as const), linkId: fc.constantFrom(...links) }),
  fc.record({ type: fc.constant('healLink' as const), linkId: fc.constantFrom(...links) }),
  fc.record({
    type: fc.constant('partitionGroup' as const),
    nodeIds: fc.uniqueArray(node, { minLength: 1, maxLength: 5 }),
  }),
  fc.record({ type: fc.constant('healAll' as const) }),
  fc.record({
    type: fc.constant('setLinkLoss' as const),
    linkId: fc.constantFrom(...links),
    loss: fc.double({ min: 0, max: 0.5, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('slowNode' as const),
    nodeId: node,
    factor: fc.double({ min: 1, max: 20, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('spikeLoad' as const),
    multiplier: fc.double({ min: 0, max: 4, noNaN: true }),
    durationMs: fc.integer({ min: 100, max: 5000 }),
  }),
  fc.record({
    type: fc.constant('powerFailRack' as const),
    rackId: fc.constantFrom('rack-a', 'rack-b', 'rack-c'),
    durationMs: fc.integer({ min: 0, max: 5000 }),
    diskFailShare: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ type: fc.constant('restoreRackPower' as const), rackId: fc.constantFrom('rack-a', 'rack-b', 'rack-c') }),
  fc.record({ type: fc.constant('sendPoisonRequests' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    type: fc.constant('rollOutConfig' as const),
    mode: fc.constantFrom('all-at-once' as const, 'canary' as const),
    nodeIds: fc.constant<string[]>([]),
    errorShare: fc.double({ min: 0, max: 1, noNaN: true }),
    slowShare: fc.double({ min: 0, max: 1, noNaN: true }),
    slowFactor: fc.double({ min: 1, max: 10, noNaN: true }),
    canaryCount: fc.integer({ min: 1, max: 2 }),
    stageDelayMs: fc.integer({ min: 0, max: 3000 }),
  }),
  fc.record({ type: fc.constant('rollBack' as const) }),
  fc.record({
    type: fc.constant('setPolicy' as const),
    policy: fc.record(
      {
        replicationFactor: fc.integer({ min: 3, max: 5 }),
        timeoutMs: fc.integer({ min: 50, max: 2000 }),
        queueLimit: fc.integer({ min: 0, max: 200 }),
        lbStrategy: fc.constantFrom('round-robin' as const, 'least-outstanding' as const, 'power-of-two' as const),
        healthChecks: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    type: fc.constant('setPolicy' as const),
    policy: fc.record({
      replicationFactor: fc.constant(1),
      writeQuorum: fc.constant(1),
      readQuorum: fc.constant(1),
    }),
  }),
  fc.record({
    type: fc.constant('setPolicy' as const),
    policy: fc.record({
      retry: fc.record({
        strategy: fc.constantFrom('none' as const, 'fixed' as const, 'exponential' as const, 'budget' as const),
        maxAttempts: fc.integer({ min: 1, max: 5 }),
        baseDelayMs: fc.integer({ min: 0, max: 200 }),
        maxDelayMs: fc.integer({ min: 0, max: 2000 }),
        jitter: fc.boolean(),
        budgetRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    }),
  }),
);
const schedule = fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 15_000 }), command }), { maxLength: 25 });

function runChecked(seed: number, steps: { atMs: number; command: Command }[]) {
  const sim = createSimulation(scenario, seed);
  const checker = new InvariantChecker(sim.snapshot());
  sim.observer = checker.observe;
  for (const { atMs, command: c } of [...steps].sort((x, y) => x.atMs - y.atMs)) {
    sim.runUntil(atMs);
    sim.apply(c); // rejected commands (e.g. writeQuorum > RF) must leave everything consistent too
    checker.checkSnapshot(sim.snapshot());
  }
  sim.runUntil(20_000);
  checker.checkSnapshot(sim.snapshot());
  return { sim, checker };
}

describe('random fault schedules keep the invariants', () => {
  it('every request is counted once, nothing crosses a partition, crashed nodes do no work, losses replay, metrics recompute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), schedule, (seed, steps) => {
        const { checker } = runChecked(seed, steps);
        expect(checker.violations).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('a schedule replays to the same hash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), schedule, (seed, steps) => {
        const first = runChecked(seed, steps).sim;
        const second = runChecked(seed, steps).sim;
        expect(second.logHash()).toBe(first.logHash());
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it('loses acknowledged writes when every replica is destroyed, and only then', () => {
    // RF 1: every disk failure destroys the only copy of its partitions.
    const sim = createSimulation(
      { ...scenario, policy: { ...scenario.policy, replicationFactor: 1, writeQuorum: 1, readQuorum: 1 } },
      3,
    );
    const checker = new InvariantChecker(sim.snapshot());
    sim.observer = checker.observe;
    sim.runUntil(5000);
    expect(sim.snapshot().durability.ackedWritesLost).toBe(0);
    expect(sim.apply({ type: 'failDisk', nodeId: 'db-1', disk: 0 })).toEqual({ ok: true });
    const after = sim.snapshot();
    expect(after.durability.ackedWritesLost).toBeGreaterThan(0);
    checker.checkSnapshot(after);
    expect(checker.violations).toEqual([]);
  });
});

describe('a cloned run', () => {
  it('goes on exactly as the original, and neither changes the other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        schedule,
        fc.integer({ min: 0, max: 15_000 }),
        (seed, steps, cloneAtMs) => {
          const sorted = [...steps].sort((x, y) => x.atMs - y.atMs);
          const original = createSimulation(scenario, seed);
          const before = sorted.filter((s) => s.atMs <= cloneAtMs);
          for (const { atMs, command: c } of before) {
            original.runUntil(atMs);
            original.apply(c);
          }
          original.runUntil(cloneAtMs);
          const twin = original.clone();
          const hashAtClone = original.logHash();
          // The original runs on alone first: the twin must not notice.
          const rest = sorted.slice(before.length);
          for (const { atMs, command: c } of rest) {
            original.runUntil(atMs);
            original.apply(c);
          }
          original.runUntil(20_000);
          expect(twin.logHash()).toBe(hashAtClone);
          for (const { atMs, command: c } of rest) {
            twin.runUntil(atMs);
            twin.apply(c);
          }
          twin.runUntil(20_000);
          expect(twin.logHash()).toBe(original.logHash());
          expect(twin.snapshot()).toEqual(original.snapshot());
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
