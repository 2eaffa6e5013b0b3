// A consumer group against queueing theory, on the running cluster: change events join the log as
// a Poisson stream (writes acknowledged at a fixed 1 ms), and one consumer with c workers takes
// them oldest first, so with exponential service the group is an M/M/c queue (Erlang C).
// pipelineDrain.test.ts checks how a backlog drains.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { erlangC, fastWrites, instantLog, oneConsumer, pipelineNow, relative } from './pipelineTestScenario';

const SEEDS = [1, 2, 3, 4, 5, 6];

/** Runs each seed for `seconds` and pools the group's wait (mean by count, p99 averaged) and delay. */
function pooledGroup(workers: number, serviceMs: number, writesPerSecond: number, seconds: number) {
  const scenario = fastWrites(writesPerSecond, instantLog, [
    oneConsumer(workers, { dist: 'exponential', meanMs: serviceMs }),
  ]);
  const runs = SEEDS.map((seed) => {
    const sim = createSimulation(scenario, seed);
    sim.runUntil(seconds * 1000);
    const g = pipelineNow(sim).groups[0];
    if (g === undefined || g.waitMsMean === null || g.waitMsP99 === null || g.delayMsP50 === null)
      throw new Error(`seed ${seed}: the group processed nothing`);
    return g;
  });
  const n = runs.reduce((a, r) => a + r.processed, 0);
  const mean = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((a, r) => a + pick(r), 0) / runs.length;
  return {
    runs,
    processedPerSecond: n / runs.length / seconds,
    waitMsMean: runs.reduce((a, r) => a + (r.waitMsMean as number) * r.processed, 0) / n,
    waitMsP99: mean((r) => r.waitMsP99 as number),
    delayMsP50: mean((r) => r.delayMsP50 as number),
    delayMsP99: mean((r) => r.delayMsP99 as number),
  };
}

describe('the Erlang C helper', () => {
  it('gives the closed forms of M/M/1 (C = rho) and M/M/2 (C = 2·rho² / (1 + rho))', () => {
    const one = erlangC(1, 80, 100);
    expect(one.pWait).toBeCloseTo(0.8, 12);
    expect(one.meanSojournS).toBeCloseTo(1 / 20, 12);
    expect(one.sojournQuantileS(0.99)).toBeCloseTo(Math.log(100) / 20, 9);
    expect(erlangC(2, 140, 100).pWait).toBeCloseTo((2 * 0.49) / 1.7, 12);
  });
});

describe.each([
  // c workers of mean service 10 ms (mu 100/s) at utilization rho.
  { c: 4, rho: 0.8, seconds: 1000 },
  { c: 2, rho: 0.7, seconds: 1500 },
])(
  'a consumer with $c workers, exponential service, Poisson events at utilization $rho: M/M/c',
  ({ c, rho, seconds }) => {
    const serviceMs = 10;
    const mu = 1000 / serviceMs;
    const lambda = rho * c * mu;
    const theory = erlangC(c, lambda, mu);
    const result = pooledGroup(c, serviceMs, lambda, seconds);
    const expected = {
      waitMsMean: theory.meanWaitS * 1000,
      waitMsP99: theory.waitQuantileS(0.99) * 1000,
      delayMsP50: theory.sojournQuantileS(0.5) * 1000,
      delayMsP99: theory.sojournQuantileS(0.99) * 1000,
    };

    it('processes every event once, at the arrival rate', () => {
      expect(relative(result.processedPerSecond, lambda)).toBeLessThan(0.01);
      for (const r of result.runs) expect(r.duplicates).toBe(0);
    });

    it('mean wait (append to a worker taking the event) within 3% of Erlang C, C/(c·mu − lambda)', () => {
      expect(relative(result.waitMsMean, expected.waitMsMean), JSON.stringify({ result, expected })).toBeLessThan(0.03);
    });

    it('p99 of the wait within 5% of ln(100·C)/(c·mu − lambda)', () => {
      expect(relative(result.waitMsP99, expected.waitMsP99), JSON.stringify({ result, expected })).toBeLessThan(0.05);
    });

    it('p50 and p99 of the delay (append to processed: wait plus service) within 5% of the M/M/c sojourn', () => {
      expect(relative(result.delayMsP50, expected.delayMsP50), JSON.stringify(expected)).toBeLessThan(0.05);
      expect(relative(result.delayMsP99, expected.delayMsP99), JSON.stringify(expected)).toBeLessThan(0.05);
    });
  },
);
