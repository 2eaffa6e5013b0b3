// Fingerprints are promises: a shared link or a saved experiment shows its run's event-log hash,
// and a reader checks it against the run they get. A change to the engine that changes these
// hashes changes every published run, so it must be deliberate (and then these values with it),
// never a side effect of a speed-up or a refactor.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from './index';
import { dataSystemWithoutLog } from './scenarios/dataSystemWithoutLog';

const GOLDEN: readonly { scenario: string | Scenario; seed: number; untilMs: number; hash: string }[] = [
  { scenario: 'default', seed: 7, untilMs: 60_000, hash: '37a40a917b30fa74' },
  { scenario: 'single-server', seed: 7, untilMs: 60_000, hash: '76f76bfd220c4529' },
  { scenario: 'large', seed: 7, untilMs: 5_000, hash: '8f44dd4127c1fd47' },
  // data-system before it had a log and an index: what version 2 links named "data-system" replay on.
  { scenario: dataSystemWithoutLog, seed: 7, untilMs: 30_000, hash: '2118ae74be6aa903' },
  // With the log, the consumer groups and the search index (issue 15).
  { scenario: 'data-system', seed: 7, untilMs: 30_000, hash: '89ed280554f835cd' },
];

describe('published fingerprints', () => {
  for (const g of GOLDEN)
    it(`${typeof g.scenario === 'string' ? g.scenario : `${g.scenario.id} without a log`}, seed ${g.seed}, ${g.untilMs / 1000} s keeps hash ${g.hash}`, () => {
      const scenario = typeof g.scenario === 'string' ? (getBuiltInScenario(g.scenario) as Scenario) : g.scenario;
      const sim = createSimulation(scenario, g.seed);
      sim.runUntil(g.untilMs);
      expect(sim.logHash()).toBe(g.hash);
    });
});
