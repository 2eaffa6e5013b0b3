// Simulation.apply at its boundary: a rejected command explains itself and changes nothing (the
// snapshot, the command log and the rest of the run are as if it was never sent); an accepted
// one is logged with the simulated time it took effect.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario, type Simulation } from './index';

const scenario = getBuiltInScenario('default') as Scenario;
const ALL_NODES = ['clients', 'lb', 'app-1', 'app-2', 'app-3', 'app-4', 'db-1', 'db-2', 'db-3', 'db-4', 'db-5', 'db-6'];

/** Commands the default scenario must refuse, each with a word the error has to contain. */
const REJECTED: readonly [string, unknown, string][] = [
  ['an unknown node', { type: 'crashNode', nodeId: 'app-9' }, 'app-9'],
  ['the clients', { type: 'crashNode', nodeId: 'clients' }, 'clients'],
  ['restarting the clients', { type: 'restartNode', nodeId: 'clients' }, 'clients'],
  ['a disk index out of range', { type: 'failDisk', nodeId: 'db-1', disk: 3 }, 'db-1'],
  ['a disk on an app server', { type: 'failDisk', nodeId: 'app-1', disk: 0 }, 'app-1'],
  ['a disk on an unknown node', { type: 'failDisk', nodeId: 'db-7', disk: 0 }, 'db-7'],
  ['replacing a healthy disk', { type: 'replaceDisk', nodeId: 'db-2', disk: 1 }, 'healthy'],
  ['an unknown link', { type: 'partitionLink', linkId: 'app-1~app-2' }, 'app-1~app-2'],
  ['a link between tiers that are not connected', { type: 'healLink', linkId: 'lb~db-1' }, 'lb~db-1'],
  ['a malformed link id', { type: 'setLinkLoss', linkId: 'lb~app-1~db-1', loss: 0.5 }, 'lb~app-1~db-1'],
  ['a link to an unknown node', { type: 'setLinkLatency', linkId: 'lb~app-9', extraMs: 5 }, 'lb~app-9'],
  ['writeQuorum above RF', { type: 'setPolicy', policy: { writeQuorum: 4 } }, 'writeQuorum'],
  ['readQuorum above RF', { type: 'setPolicy', policy: { replicationFactor: 2, readQuorum: 3 } }, 'readQuorum'],
  ['RF below the current write quorum', { type: 'setPolicy', policy: { replicationFactor: 1 } }, 'writeQuorum'],
  ['a group of every node', { type: 'partitionGroup', nodeIds: ALL_NODES }, 'other side'],
  ['a group with an unknown node', { type: 'partitionGroup', nodeIds: ['db-1', 'db-9'] }, 'db-9'],
  ['an unknown rack', { type: 'powerFailRack', rackId: 'rack-z', durationMs: 0, diskFailShare: 0 }, 'rack-z'],
  [
    'a rollout to a storage node',
    {
      type: 'rollOutConfig',
      mode: 'all-at-once',
      nodeIds: ['db-1'],
      errorShare: 1,
      slowShare: 0,
      slowFactor: 1,
      canaryCount: 1,
      stageDelayMs: 0,
    },
    'db-1',
  ],
  [
    'a rollout to an unknown node',
    {
      type: 'rollOutConfig',
      mode: 'canary',
      nodeIds: ['app-1', 'app-9'],
      errorShare: 1,
      slowShare: 0,
      slowFactor: 1,
      canaryCount: 1,
      stageDelayMs: 0,
    },
    'app-9',
  ],
  ['a command without its field', { type: 'crashNode' }, 'nodeId'],
  ['a command with an unknown key', { type: 'healAll', now: true }, 'now'],
  ['an unknown command', { type: 'explode' }, 'type'],
  ['something that is not a command', 'crashNode app-1', 'root'],
];

/** Two simulations of the same seed, both run to atMs. */
function twins(seed: number, atMs: number): [Simulation, Simulation] {
  const clean = createSimulation(scenario, seed);
  const probed = createSimulation(scenario, seed);
  clean.runUntil(atMs);
  probed.runUntil(atMs);
  return [clean, probed];
}

function expectRejectedWithoutTrace(seed: number, atMs: number, command: unknown, word: string): void {
  const [clean, probed] = twins(seed, atMs);
  const before = probed.snapshot();
  const result = probed.apply(command);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toContain(word);
  expect(probed.snapshot()).toEqual(before);
  expect(probed.commands()).toEqual([]);
  clean.runUntil(atMs + 3000);
  probed.runUntil(atMs + 3000);
  expect(probed.logHash()).toBe(clean.logHash());
  expect(probed.snapshot()).toEqual(clean.snapshot());
}

describe('a rejected command', () => {
  it.each(REJECTED)('%s: explains why and leaves the simulation untouched', (_what, command, word) => {
    expectRejectedWithoutTrace(1, 1500, command, word);
  });

  it('is rejected the same way at time 0, before any event', () => {
    expectRejectedWithoutTrace(1, 0, { type: 'crashNode', nodeId: 'app-9' }, 'app-9');
  });

  it('leaves no trace at any time and seed', () => {
    fc.assert(
      fc.property(
        fc.nat(2 ** 31 - 1),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(...REJECTED),
        (seed, atMs, [, command, word]) => {
          expectRejectedWithoutTrace(seed, atMs, command, word);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('does not disturb a run that already has accepted commands', () => {
    const [clean, probed] = twins(2, 1000);
    for (const sim of [clean, probed])
      expect(sim.apply({ type: 'failDisk', nodeId: 'db-1', disk: 0 })).toEqual({ ok: true });
    const before = probed.snapshot();
    // Disk 0 has failed, so disk 1 is still healthy and cannot be replaced.
    const result = probed.apply({ type: 'replaceDisk', nodeId: 'db-1', disk: 1 });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('healthy') });
    expect(probed.snapshot()).toEqual(before);
    expect(probed.commands()).toEqual(clean.commands());
    clean.runUntil(4000);
    probed.runUntil(4000);
    expect(probed.logHash()).toBe(clean.logHash());
  });
});

describe('an accepted command', () => {
  it('returns ok and is logged with the simulated time it took effect', () => {
    const sim = createSimulation(scenario, 1);
    const steps: [number, Record<string, unknown>][] = [
      [0, { type: 'slowNode', nodeId: 'db-3', factor: 4 }],
      [750, { type: 'crashNode', nodeId: 'app-2' }],
      [750, { type: 'failDisk', nodeId: 'db-1', disk: 0 }],
      [1200.5, { type: 'replaceDisk', nodeId: 'db-1', disk: 0 }],
      [2000, { type: 'partitionLink', linkId: 'app-1~db-2' }],
      [2000, { type: 'partitionLink', linkId: 'db-2~app-1' }],
      [2500, { type: 'setPolicy', policy: { writeQuorum: 3, timeoutMs: 300 } }],
      [3000, { type: 'restartNode', nodeId: 'app-2' }],
      [3000, { type: 'healAll' }],
    ];
    for (const [atMs, command] of steps) {
      sim.runUntil(atMs);
      expect(sim.nowMs).toBe(atMs);
      expect(sim.apply(command), JSON.stringify(command)).toEqual({ ok: true });
      expect(sim.commands().at(-1)).toEqual({ atMs: sim.nowMs, command });
    }
    expect(sim.commands()).toEqual(steps.map(([atMs, command]) => ({ atMs, command })));
  });

  it('changes what the snapshot shows', () => {
    const sim = createSimulation(scenario, 1);
    sim.runUntil(500);
    expect(sim.apply({ type: 'crashNode', nodeId: 'app-3' })).toEqual({ ok: true });
    expect(sim.apply({ type: 'failDisk', nodeId: 'db-4', disk: 2 })).toEqual({ ok: true });
    const snap = sim.snapshot();
    expect(snap.nodes.find((n) => n.id === 'app-3')?.status).toBe('crashed');
    expect(snap.nodes.find((n) => n.id === 'db-4')?.disks[2]?.status).toBe('failed');
  });

  it('the same commands at the same times give the same run', () => {
    const run = () => {
      const sim = createSimulation(scenario, 5);
      sim.runUntil(1000);
      sim.apply({ type: 'setLinkLoss', linkId: 'lb~app-1', loss: 0.3 });
      sim.runUntil(2000);
      sim.apply({ type: 'spikeLoad', multiplier: 2, durationMs: 1000 });
      sim.runUntil(4000);
      return sim;
    };
    const [a, b] = [run(), run()];
    expect(b.logHash()).toBe(a.logHash());
    expect(b.commands()).toEqual(a.commands());
    expect(a.logHash()).not.toBe(twins(5, 4000)[0].logHash());
  });
});
