// The event budget: a run whose events far outrun what its scenario explains ends in
// SimulationStalled, naming the field, within a bounded number of events; heavy but honest runs
// never trip it. The would-be freezes bypass validation (new Simulation skips the schema).
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from './eventBudget';
import { Simulation, createSimulation, getBuiltInScenario, type Scenario } from './index';
import { SimulationStalled } from './limits';

const base = getBuiltInScenario('default') as Scenario;
const hardware = { ...base.hardwareFaults, enabled: true };
const SMALL = { checkEvents: 10_000, floorEvents: 100_000, diagnoseEvents: 1000 };
/** The most events a freeze can take before it is stopped (eventBudget.ts: a window resets at twice the floor). */
const bound = (b: { checkEvents: number; floorEvents: number; diagnoseEvents: number }) =>
  3 * b.floorEvents + 2 * b.checkEvents + b.diagnoseEvents;
/** Measured: the slowest case here takes about 1 s alone; allow for a machine five times slower. */
const SLOW_MS = 60_000;

const freezes: [string, Scenario, string][] = [
  [
    'a health check every 1e-300 ms',
    { ...base, policy: { ...base.policy, healthCheckIntervalMs: 1e-300 } },
    'policy.healthCheckIntervalMs',
  ],
  [
    'anti-entropy every 1e-9 ms',
    { ...base, storage: { ...base.storage, antiEntropyIntervalMs: 1e-9 } },
    'storage.antiEntropyIntervalMs',
  ],
  [
    'a disk MTTF of 1e-300 hours',
    { ...base, hardwareFaults: { ...hardware, diskMttfHours: 1e-300 } },
    'hardwareFaults.diskMttfHours',
  ],
  [
    'a 1 h machine MTTF at timeCompression 1e9',
    { ...base, hardwareFaults: { ...hardware, nodeMttfHours: 1, timeCompression: 1e9 } },
    'hardwareFaults.nodeMttfHours',
  ],
];

/** Runs until the run throws; returns the error and the events it took. */
function stall(sim: Simulation, chunkEvents = Number.POSITIVE_INFINITY): { error: unknown; events: number } {
  try {
    for (let i = 0; i < 1e6; i++) sim.runUntil(60_000, chunkEvents);
  } catch (error) {
    return { error, events: sim.events };
  }
  return { error: null, events: sim.events };
}

describe('event budget', () => {
  it.each(freezes.map(([what, scenario, field]) => ({ what, scenario, field })))(
    'stops $what with SimulationStalled naming $field',
    ({ scenario, field }) => {
      const { error, events } = stall(new Simulation(scenario, 1, SMALL));
      expect(error).toBeInstanceOf(SimulationStalled);
      expect((error as SimulationStalled).field).toBe(field);
      expect((error as Error).message.startsWith(`${field}: `)).toBe(true);
      expect(events).toBeLessThanOrEqual(bound(SMALL));
    },
    SLOW_MS,
  );

  it(
    'stops a freeze with the default limits too, within the documented bound',
    () => {
      const scenario = freezes[0]?.[1] as Scenario;
      const { error, events } = stall(new Simulation(scenario, 1));
      expect(error).toBeInstanceOf(SimulationStalled);
      expect(events).toBeLessThanOrEqual(bound(DEFAULT_BUDGET));
    },
    SLOW_MS,
  );

  it(
    'counts across calls: a freeze run in small slices (as the worker does) stops the same way',
    () => {
      const scenario = freezes[1]?.[1] as Scenario;
      const { error, events } = stall(new Simulation(scenario, 1, SMALL), 777);
      expect(error).toBeInstanceOf(SimulationStalled);
      expect(events).toBeLessThanOrEqual(bound(SMALL));
    },
    SLOW_MS,
  );

  it(
    'never trips on heavy honest runs: the large scenario, and a retry storm past capacity',
    () => {
      const large = new Simulation(getBuiltInScenario('large') as Scenario, 3, SMALL);
      expect(() => large.runUntil(5_000)).not.toThrow();
      const storm: Scenario = {
        ...base,
        clients: { ...base.clients, rateRps: 2000 },
        policy: {
          ...base.policy,
          timeoutMs: 5,
          retry: { ...base.policy.retry, strategy: 'fixed', maxAttempts: 10, baseDelayMs: 0, maxDelayMs: 0 },
        },
      };
      const sim = createSimulation(storm, 3);
      sim.apply({ type: 'spikeLoad', multiplier: 20, durationMs: 500 });
      expect(() => sim.runUntil(3_000)).not.toThrow();
      expect(sim.snapshot().cumulative.retries).toBeGreaterThan(10_000);
    },
    SLOW_MS,
  );
});
