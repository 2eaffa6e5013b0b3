// The Markov line beside a durability sweep's words: the model's chance, and a warning when the
// scenario's partitions share disks, where G = partitions overstates the odds.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../src/sim/index';
import { replicaGroupFleet } from '../src/sweep/markovReference';
import { yearsToMs } from '../src/sweep/sweepSpec';
import { markovLines } from './sweepMarkovLine';

const base = getBuiltInScenario('default') as Scenario;

describe('the Markov line', () => {
  it('gives the model for disjoint groups without a warning', () => {
    const fleet = replicaGroupFleet(base, { replicas: 2, groups: 10, mttfHours: 3500, repairHours: 24 });
    expect(markovLines(fleet, yearsToMs(fleet, 1))).toEqual([
      '  Markov model  28.5%: 10 independent groups of 2 copies, disk MTTF 3,500 h, repair 24 h',
    ]);
  });

  it('warns when partitions share disks, and says nothing without hardware faults', () => {
    const shared = { ...base, hardwareFaults: { ...base.hardwareFaults, enabled: true } };
    const lines = markovLines(shared, yearsToMs(shared, 1));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/likely an overstatement here: 120 partitions share 18 disks/);
    expect(markovLines(base, 1000)).toEqual([]);
  });
});
