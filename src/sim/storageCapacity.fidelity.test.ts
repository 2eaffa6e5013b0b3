// A storage node with a capacity against queueing theory: Poisson arrivals at one node with c
// slots and exponential disk times is an M/M/c queue, so the time an operation spends at the node
// (waiting for a slot, then on the disk) follows Erlang C (docs/model.md, "Storage capacity").
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from './index';

const mm1 = getBuiltInScenario('single-server') as Scenario;

/** Erlang C: the probability that an arrival waits, with c servers and offered load a = λ/μ (< c). */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - a / c);
  return top / (sum + top);
}

/**
 * P(sojourn > t) in M/M/c: service S ~ Exp(μ) plus, with probability C, a wait ~ Exp(θ), θ = cμ − λ.
 * P(S + W > t) = e^{−μt} + C (μ e^{−μt} − μ e^{−θt}) / (θ − μ)   (θ ≠ μ).
 */
function sojournTail(c: number, mu: number, lambda: number, t: number): number {
  const p = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  return Math.exp(-mu * t) + (p * mu * (Math.exp(-mu * t) - Math.exp(-theta * t))) / (theta - mu);
}

/** The q-quantile of the sojourn time, by bisection on its (decreasing) tail. */
function sojournQuantile(c: number, mu: number, lambda: number, q: number): number {
  let lo = 0;
  let hi = 1;
  while (sojournTail(c, mu, lambda, hi) > 1 - q) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (sojournTail(c, mu, lambda, mid) > 1 - q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Every request reads one partition with one replica on the only storage node; app servers and
 * the network take no time, so each request's latency is exactly its storage operation's time at
 * the node, and operations reach the node as the Poisson stream of requests.
 */
function storageQueue(slots: number, diskMs: number, rateRps: number): Scenario {
  return {
    ...mm1,
    id: 'storage-mmc',
    clients: { ...mm1.clients, rateRps },
    appServers: { ...mm1.appServers, workers: 4, serviceTime: { dist: 'constant', meanMs: 0 } },
    storage: {
      ...mm1.storage,
      diskLatency: { dist: 'exponential', meanMs: diskMs },
      capacity: { slots, queueLimit: 100_000 },
    },
  };
}

describe('storage capacity as M/M/c (c = 4, ρ = 0.8, 10 ms disk)', () => {
  const c = 4;
  const diskMs = 10;
  const rho = 0.8;
  const mu = 1 / diskMs; // per ms
  const lambda = rho * c * mu; // per ms
  const scenario = storageQueue(c, diskMs, lambda * 1000);
  const expectedMean = diskMs + erlangC(c, lambda / mu) / (c * mu - lambda);
  const expectedP99 = sojournQuantile(c, mu, lambda, 0.99);

  const runs = [1, 2, 3, 4].map((seed) => {
    const sim = createSimulation(scenario, seed);
    sim.runUntil(500_000);
    return sim.snapshot().cumulative;
  });
  const served = runs.reduce((sum, r) => sum + r.latencyMs.count, 0);
  const mean = runs.reduce((sum, r) => sum + r.latencyMs.mean * r.latencyMs.count, 0) / served;
  const p99 = runs.reduce((sum, r) => sum + r.latencyMs.p99 * r.latencyMs.count, 0) / served;

  it('the theory itself: Erlang C and the sojourn p99 at these numbers', () => {
    expect(erlangC(c, lambda / mu)).toBeCloseTo(0.5964, 4);
    expect(expectedMean).toBeCloseTo(17.455, 2);
    expect(sojournTail(c, mu, lambda, expectedP99)).toBeCloseTo(0.01, 9);
  });
  it('mean time at the node within 3% of 1/μ + C(c, λ/μ) / (cμ − λ)', () => {
    expect(Math.abs(mean - expectedMean) / expectedMean, `${mean} vs ${expectedMean}`).toBeLessThan(0.03);
  });
  it('p99 within 5% of the M/M/c sojourn quantile', () => {
    expect(Math.abs(p99 - expectedP99) / expectedP99, `${p99} vs ${expectedP99}`).toBeLessThan(0.05);
  });
  it('the share that waited is Erlang C, nothing was rejected, and nothing failed', () => {
    const issued = runs.reduce((sum, r) => sum + r.storageRequests, 0);
    const queued = runs.reduce((sum, r) => sum + r.storageQueued, 0);
    expect(Math.abs(queued / issued - erlangC(c, lambda / mu))).toBeLessThan(0.01);
    for (const r of runs) {
      expect(r.storageRejected).toBe(0);
      expect(r.failed).toBe(0);
    }
  });
});
