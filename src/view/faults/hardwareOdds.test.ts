import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from '../../sim/index';
import { formatDuration } from './formatDuration';
import { fleetCounts, fleetEveryMs, hardwareOddsText } from './hardwareOdds';

describe('how often hardware fails across the fleet', () => {
  it('divides a lifetime by the number of parts and the time compression', () => {
    // 24 disks with a 1,728-hour MTTF at 1x: one failure every 72 hours (3 days).
    expect(fleetEveryMs(1728, 24, 1)).toBe(72 * 3_600_000);
    expect(fleetEveryMs(1728, 24, 3600)).toBe(72_000);
    expect(fleetEveryMs(1000, 0, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('says when failures are too rare to see, and how to see them', () => {
    const text = hardwareOddsText(
      { diskMttfHours: 1728, nodeMttfHours: 1e6, timeCompression: 1 },
      { disks: 24, machines: 10 },
    );
    expect(text).toContain('one disk failure every 3.0 days');
    expect(text).toContain('raise the time compression');
    const fast = hardwareOddsText(
      { diskMttfHours: 1728, nodeMttfHours: 1e6, timeCompression: 86_400 },
      { disks: 24, machines: 10 },
    );
    expect(fast).toContain('one disk failure every 3.0 s');
    expect(fast).not.toContain('raise');
  });

  it('counts the disks and machines of a real topology', () => {
    const sim = createSimulation(getBuiltInScenario('default') as Scenario, 1);
    const counts = fleetCounts(sim.topology());
    expect(counts.machines).toBe(10);
    expect(counts.disks).toBeGreaterThan(0);
  });

  it('matches the simulation: the mean gap between random disk failures', () => {
    const base = getBuiltInScenario('default') as Scenario;
    const scenario: Scenario = {
      ...base,
      hardwareFaults: {
        ...base.hardwareFaults,
        enabled: true,
        diskMttfHours: 20_000,
        nodeMttfHours: 1e12,
        timeCompression: 86_400,
      },
    };
    let failures = 0;
    const seeds = 20;
    const horizonMs = 60_000;
    let disks = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const sim = createSimulation(scenario, seed);
      disks = fleetCounts(sim.topology()).disks;
      sim.runUntil(horizonMs);
      failures += sim.snapshot().durability.diskFailures;
    }
    // Failed disks are replaced, so the fleet stays the same size: a Poisson count per run.
    const expected = (seeds * horizonMs) / fleetEveryMs(20_000, disks, 86_400);
    expect(Math.abs(failures - expected)).toBeLessThan(3 * Math.sqrt(expected));
  });
});

describe('formatDuration', () => {
  it.each([
    [400, '400 ms'],
    [4_200, '4.2 s'],
    [45_000, '45 s'],
    [12 * 60_000, '12 min'],
    [5 * 3_600_000, '5.0 hours'],
    [72 * 3_600_000, '3.0 days'],
    [3 * 365 * 86_400_000, '3.0 years'],
  ])('%d ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
