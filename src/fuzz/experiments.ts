// Working experiments to make hostile: one command of each kind, both format versions. No test
// runner here, so the browser tests (e2e/fuzz.spec.ts) generate their links from it too.
import fc from 'fast-check';
import { getBuiltInScenario } from '../sim/index';
import { farFutureMs, hostileValues, mutationOf, numbersPushed } from './arbitraries';

export const validCommands = [
  { atMs: 500, command: { type: 'crashNode', nodeId: 'app-2' } },
  { atMs: 800, command: { type: 'failDisk', nodeId: 'db-1', disk: 0 } },
  { atMs: 900, command: { type: 'replaceDisk', nodeId: 'db-1', disk: 0 } },
  { atMs: 1000, command: { type: 'slowNode', nodeId: 'app-1', factor: 5 } },
  { atMs: 1100, command: { type: 'partitionLink', linkId: 'lb~app-1' } },
  { atMs: 1200, command: { type: 'setLinkLoss', linkId: 'app-1~db-2', loss: 0.2 } },
  { atMs: 1300, command: { type: 'setLinkLatency', linkId: 'app-3~db-3', extraMs: 40 } },
  { atMs: 1400, command: { type: 'partitionGroup', nodeIds: ['db-4', 'db-5'] } },
  { atMs: 1500, command: { type: 'spikeLoad', multiplier: 3, durationMs: 1000 } },
  { atMs: 1600, command: { type: 'powerFailRack', rackId: 'rack-b', durationMs: 500, diskFailShare: 0.1 } },
  { atMs: 1700, command: { type: 'sendPoisonRequests', count: 3 } },
  {
    atMs: 1800,
    command: {
      type: 'rollOutConfig',
      mode: 'canary',
      nodeIds: [],
      errorShare: 0.5,
      slowShare: 0.1,
      slowFactor: 4,
      canaryCount: 1,
      stageDelayMs: 300,
    },
  },
  { atMs: 1900, command: { type: 'setPolicy', policy: { timeoutMs: 300, healthCheckIntervalMs: 200 } } },
  { atMs: 2000, command: { type: 'setLoad', rateRps: 400, readShare: 0.5 } },
  { atMs: 2100, command: { type: 'setHardwareFaults', enabled: true, diskMttfHours: 1000, timeCompression: 100 } },
  { atMs: 2200, command: { type: 'healAll' } },
  { atMs: 2300, command: { type: 'restartNode', nodeId: 'app-2' } },
  { atMs: 2400, command: { type: 'rollBack' } },
];

/** Experiments that open and replay today: edits, every kind of command, and the older format. */
export const validExperiments: readonly object[] = [
  {
    v: 2,
    base: 'default',
    edits: { clients: { rateRps: 200 }, policy: { healthCheckIntervalMs: 500 }, storage: { partitions: 60 } },
    seed: 7,
    commands: validCommands,
    atMs: 3000,
  },
  {
    v: 2,
    base: 'single-server',
    seed: 3,
    commands: [{ atMs: 1000, command: { type: 'setLoad', rateRps: 50 } }],
    atMs: 2000,
  },
  { v: 1, scenario: getBuiltInScenario('default'), seed: 11, commands: validCommands.slice(0, 6), atMs: 2000 },
];

/** A working experiment with one hostile field, a far-future time, or its numbers pushed; `big` adds costly values. */
export const hostileExperiment = (big: boolean): fc.Arbitrary<unknown> =>
  fc.nat({ max: validExperiments.length - 1 }).chain((i) => {
    const valid = validExperiments[i] as object;
    return fc.oneof(
      { arbitrary: mutationOf(valid, hostileValues(big)), weight: 4 },
      { arbitrary: mutationOf(valid, farFutureMs), weight: 1 },
      { arbitrary: numbersPushed(valid, 2), weight: 2 },
    );
  });
