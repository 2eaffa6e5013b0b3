// The simulation against theory, where theory exists: an M/M/1 queue, an M/M/c queue (Erlang C),
// tail-latency amplification under fan-out, and the rate of random disk failures.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from './index';

const mm1 = getBuiltInScenario('single-server') as Scenario;

function pooled(scenario: Scenario, seeds: number[], seconds: number) {
  const runs = seeds.map((seed) => {
    const sim = createSimulation(scenario, seed);
    sim.runUntil(seconds * 1000);
    return sim.snapshot().cumulative;
  });
  const n = runs.reduce((a, r) => a + r.latencyMs.count, 0);
  const avg = (pick: (r: (typeof runs)[number]) => number) =>
    runs.reduce((a, r) => a + pick(r) * r.latencyMs.count, 0) / n;
  return {
    runs,
    mean: avg((r) => r.latencyMs.mean),
    p50: avg((r) => r.latencyMs.p50),
    p95: avg((r) => r.latencyMs.p95),
    p99: avg((r) => r.latencyMs.p99),
  };
}

describe('M/M/1 (lambda 80/s, mu 100/s)', () => {
  // Response time is exponential with rate mu - lambda = 20/s: mean 50 ms, q-quantile -ln(1-q) * 50 ms.
  const expected = { mean: 50, p50: Math.log(2) * 50, p95: Math.log(20) * 50, p99: Math.log(100) * 50 };
  const result = pooled(mm1, [1, 2, 3, 4, 5, 6], 2000);

  it('mean response time within 3% of 1/(mu - lambda)', () => {
    expect(Math.abs(result.mean - expected.mean) / expected.mean).toBeLessThan(0.03);
  });
  it('p50, p95 and p99 within 4% of the exponential quantiles', () => {
    for (const key of ['p50', 'p95', 'p99'] as const) {
      expect(Math.abs(result[key] - expected[key]) / expected[key], key).toBeLessThan(0.04);
    }
  });
  it("the server's own stopwatch sees the work, 1/mu = 10 ms, not the 50 ms users wait", () => {
    const sim = createSimulation(mm1, 11);
    sim.runUntil(600_000);
    const windows = sim.snapshot().windows;
    const worked = windows.reduce((a, w) => a + w.worked, 0);
    const meanWork = windows.reduce((a, w) => a + w.serverWorkMs * w.worked, 0) / worked;
    expect(Math.abs(meanWork - 10) / 10).toBeLessThan(0.03);
    const served = windows.reduce((a, w) => a + w.latencyMs.count, 0);
    const meanResponse = windows.reduce((a, w) => a + w.latencyMs.mean * w.latencyMs.count, 0) / served;
    expect(meanResponse / meanWork).toBeGreaterThan(4);
  });
  it('throughput equals the arrival rate and nothing fails', () => {
    for (const r of result.runs) {
      expect(r.failed).toBe(0);
      expect(Math.abs(r.throughputRps - 80) / 80).toBeLessThan(0.02);
    }
  });
});

describe('M/M/c (Erlang C)', () => {
  it('mean waiting time matches the Erlang C formula for c = 4, utilization 0.85', () => {
    const c = 4;
    const serviceMs = 10;
    const rho = 0.85;
    const lambda = (rho * c) / (serviceMs / 1000); // per second
    const scenario: Scenario = {
      ...mm1,
      clients: { ...mm1.clients, rateRps: lambda },
      appServers: { ...mm1.appServers, workers: c },
    };
    // Erlang C: P(wait) = (a^c / c!) / (1 - rho) / (sum_{k<c} a^k/k! + (a^c/c!)/(1 - rho)), a = c * rho.
    const a = c * rho;
    let sum = 0;
    let term = 1;
    for (let k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    const top = term / (1 - rho);
    const pWait = top / (sum + top);
    const meanWaitMs = (pWait * serviceMs) / (c * (1 - rho));
    const expectedMean = meanWaitMs + serviceMs;
    const result = pooled(scenario, [11, 12, 13, 14], 600);
    expect(Math.abs(result.mean - expectedMean) / expectedMean).toBeLessThan(0.03);
  });
});

describe('tail-latency amplification', () => {
  it('with fan-out k, the share of requests slower than a backend p99 is about 1 - 0.99^k', () => {
    const base = getBuiltInScenario('default') as Scenario;
    // One replica per read, no network noise: a request's storage time is the max of k disk times.
    const scenario = (fanOut: number): Scenario => ({
      ...base,
      clients: { rateRps: 200, readShare: 1, fanOut, writeFanOut: 1 },
      appServers: { ...base.appServers, workers: 64, serviceTime: { dist: 'constant', meanMs: 0 } },
      network: { hopLatency: { dist: 'constant', meanMs: 0 }, loss: 0 },
      storage: { ...base.storage, diskLatency: { dist: 'lognormal', medianMs: 5, sigma: 1 } },
      policy: { ...base.policy, readQuorum: 1 },
    });
    const backendP99 = 5 * Math.exp(1 * 2.3263478740408408); // lognormal quantile: median * exp(sigma * z_0.99)
    for (const k of [1, 10, 50]) {
      const sim = createSimulation(scenario(k), 7);
      sim.runUntil(300_000);
      const share = sim.latencyShareAbove(backendP99);
      const expected = 1 - 0.99 ** k;
      expect(Math.abs(share - expected), `k = ${k}: ${share} vs ${expected}`).toBeLessThan(0.01 + expected * 0.05);
    }
  });
});

describe('random hardware faults', () => {
  it('N disks with a given MTTF fail at N / MTTF (10,000 disks, 30-year MTTF: about one a day)', () => {
    const base = getBuiltInScenario('default') as Scenario;
    const scenario: Scenario = {
      ...base,
      clients: { ...base.clients, rateRps: 0 },
      storage: { ...base.storage, count: 500, disksPerNode: 20, partitions: 10, repairCopyMs: 3_600_000 },
      hardwareFaults: {
        enabled: true,
        diskMttfHours: 30 * 8760,
        nodeMttfHours: 1e12,
        nodeRepairHours: 1,
        diskReplaceHours: 24,
        timeCompression: 86_400,
      },
    };
    // 100 simulated seconds at 86,400x = 100 hardware days: expect 10,000 * 100 / (30 * 365) = 91.3 failures.
    const counts = [1, 2, 3, 4, 5].map((seed) => {
      const sim = createSimulation(scenario, seed);
      sim.runUntil(100_000);
      return sim.snapshot().durability.diskFailures;
    });
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const expected = (10_000 * 100) / (30 * 365);
    // Poisson: the mean of 5 runs has sd sqrt(91.3 / 5) = 4.3; allow 3 sd, less the few repeat hits on failed disks.
    expect(Math.abs(mean - expected)).toBeLessThan(13);
  });
});
