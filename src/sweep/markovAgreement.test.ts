// Done-when of issue 16: a sweep's 95% interval for the chance of losing data agrees with the
// Markov model of a replica group. Twenty sweeps of 1,000 seeds each (seeds 1-20,000, none
// chosen): the model's value must fall inside the interval in at least 19 of them. With a model
// that is exactly right, each interval misses with a chance of 5%.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../sim/index';
import { markovReferenceOf, replicaGroupFleet } from './markovReference';
import { runSeeds } from './runSeed';
import { summarize } from './summary';
import { prepareSweep, specOf, yearsToMs } from './sweepSpec';

// Measured: about 0.5 ms a seed, so 10 s for all 20,000 on a quiet core.
const TIMEOUT_MS = 240_000;

function sweepOf(fleet: Scenario, from: number, to: number) {
  const spec = specOf(
    { scenario: fleet, seed: from, commands: [], atMs: 0 },
    { from, to },
    yearsToMs(fleet, 1),
    'durability',
  );
  const prepared = prepareSweep(spec);
  if (!prepared.ok) throw new Error(prepared.error);
  return summarize(runSeeds(prepared.value, from, to), 'durability').dataLost;
}

describe('odds against the Markov model', () => {
  it(
    'holds the model inside the 95% interval in at least 19 of 20 sweeps of 1,000 seeds (two copies)',
    () => {
      const base = getBuiltInScenario('default') as Scenario;
      // Ten pairs of disks, a 3,500-hour MTTF and a day to repair: about a 28% chance a year.
      const fleet = replicaGroupFleet(base, { replicas: 2, groups: 10, mttfHours: 3500, repairHours: 24 });
      const model = markovReferenceOf(fleet, yearsToMs(fleet, 1)).probability;
      expect(model).toBeGreaterThan(0.2);
      expect(model).toBeLessThan(0.4);
      const sweeps = Array.from({ length: 20 }, (_, i) => sweepOf(fleet, 1 + 1000 * i, 1000 * (i + 1)));
      const inside = sweeps.filter((s) => s.low <= model && model <= s.high).length;
      const shares = sweeps.map((s) => s.share.toFixed(3)).join(' ');
      expect(inside, `model ${model.toFixed(4)}; sweep shares ${shares}`).toBeGreaterThanOrEqual(19);
      // And all 20,000 seeds together pin the chance within a few tenths of a percent of the model.
      const all = sweeps.reduce((n, s) => n + s.count, 0) / 20_000;
      expect(Math.abs(all - model)).toBeLessThan(0.012);
    },
    TIMEOUT_MS,
  );
});
