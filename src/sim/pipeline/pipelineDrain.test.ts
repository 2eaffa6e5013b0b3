// A queue turns overload into delay: a spike of writes leaves a consumer group a backlog (lag),
// not errors, and the backlog drains at the spare rate, capacity minus arrivals, so it is gone
// after lag / (capacity − arrival rate). Constant service makes the capacity exact.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from '../index';
import { command, fastWrites, instantLog, oneConsumer, pipelineNow, relative } from './pipelineTestScenario';

describe('after a spike, lag drains at the spare rate (capacity minus arrivals)', () => {
  // 4 workers of a constant 10 ms: 400 events/s. Normal load 200/s, a spike of 600/s for 100 s
  // adds 40,000 events, of which the workers keep up with 400/s: the lag peaks near 20,000.
  const workers = 4;
  const capacity = workers * 100;
  const normal = 200;
  const spike = { fromS: 20, toS: 120, rate: 600 };
  const scenario = fastWrites(normal, instantLog, [oneConsumer(workers, { dist: 'constant', meanMs: 10 })]);

  function drain(seed: number) {
    const sim = createSimulation(scenario, seed);
    sim.runUntil(spike.fromS * 1000);
    command(sim, { type: 'setLoad', rateRps: spike.rate });
    sim.runUntil(spike.toS * 1000);
    command(sim, { type: 'setLoad', rateRps: normal });
    const lagAt = (): number => pipelineNow(sim).groups[0]?.lagEvents ?? Number.NaN;
    const peak = lagAt();
    const samples: { s: number; lag: number }[] = [];
    let drainedS = Number.NaN;
    for (let s = spike.toS + 0.25; s <= spike.toS + 200; s += 0.25) {
      sim.runUntil(s * 1000);
      const lag = lagAt();
      samples.push({ s, lag });
      // Caught up: no more than the few events a calm queue holds.
      if (lag <= workers) {
        drainedS = s - spike.toS;
        break;
      }
    }
    // The slope of lag against time, fitted where it falls from 80% to 20% of its peak.
    const middle = samples.filter((x) => x.lag <= 0.8 * peak && x.lag >= 0.2 * peak);
    const ms = middle.reduce((a, x) => a + x.s, 0) / middle.length;
    const ml = middle.reduce((a, x) => a + x.lag, 0) / middle.length;
    const slope =
      middle.reduce((a, x) => a + (x.s - ms) * (x.lag - ml), 0) / middle.reduce((a, x) => a + (x.s - ms) ** 2, 0);
    return { peak, drainPerSecond: -slope, drainedS };
  }

  // Each seed's slope and drain time carry the arrivals' noise (about 1% here); their means, less.
  const runs = [1, 2, 3, 4, 5, 6, 7, 8].map(drain);
  const meanOf = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((a, r) => a + pick(r), 0) / runs.length;

  it('the peak is the spike less what the workers kept up with', () => {
    const expected = (spike.rate - capacity) * (spike.toS - spike.fromS);
    expect(
      relative(
        meanOf((r) => r.peak),
        expected,
      ),
      JSON.stringify(runs),
    ).toBeLessThan(0.03);
  });

  it('lag falls at capacity − arrival rate = 200 events/s, within 3%', () => {
    expect(
      relative(
        meanOf((r) => r.drainPerSecond),
        capacity - normal,
      ),
      JSON.stringify(runs),
    ).toBeLessThan(0.03);
  });

  it('the backlog is gone after lag / (capacity − arrival rate), within 3%', () => {
    const predictedS = meanOf((r) => r.peak / (capacity - normal));
    expect(
      relative(
        meanOf((r) => r.drainedS),
        predictedS,
      ),
      JSON.stringify(runs),
    ).toBeLessThan(0.03);
  });
});

describe('on data-system, the notifier after doubled writes (lesson 13)', () => {
  const dataSystem = getBuiltInScenario('data-system') as Scenario;
  const notifier = dataSystem.consumerGroups?.find((g) => g.role === 'notifier');
  const capacity = ((notifier?.consumers ?? 0) * (notifier?.workers ?? 0) * 1000) / (notifier?.serviceTime.meanMs ?? 1);

  function spikeAndDrain(seed: number) {
    const sim = createSimulation(dataSystem, seed);
    sim.runUntil(30_000);
    const windows = sim.snapshot().windows.slice(-20);
    const writesPerSecond = windows.reduce((a, w) => a + (w.logAppends ?? 0), 0) / windows.length;
    command(sim, { type: 'setLoad', readShare: 0.85 });
    sim.runUntil(60_000);
    command(sim, { type: 'setLoad', readShare: dataSystem.clients.readShare });
    const lag = pipelineNow(sim).groups.find((g) => g.role === 'notifier')?.lagEvents ?? Number.NaN;
    let drainedS = Number.NaN;
    for (let s = 61; s <= 600; s++) {
      sim.runUntil(s * 1000);
      if ((pipelineNow(sim).groups.find((g) => g.role === 'notifier')?.lagEvents ?? 0) < 50) {
        drainedS = s - 60;
        break;
      }
    }
    return { seed, lag, writesPerSecond, predictedS: lag / (capacity - writesPerSecond), drainedS };
  }

  // One consumer owns every partition (data-system's notifier has four workers on one consumer), so
  // the hot partition (about 43% of the writes, keys are Zipf 1.2) does not matter: the group's
  // capacity is that consumer's. With two consumers the one owning the hot partition was the
  // bottleneck and the backlog drained five times slower than the formula.
  it('drains in lag / (capacity − arrival rate), within 20%', () => {
    for (const r of [1, 2, 3].map(spikeAndDrain))
      expect(relative(r.drainedS, r.predictedS), JSON.stringify(r)).toBeLessThan(0.2);
  });
});
