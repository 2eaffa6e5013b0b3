// Small scenarios for the pipeline's fidelity tests, built from the default one: writes only,
// with no time spent in app servers, the network or queues, so each write is acknowledged a
// fixed 1 ms after it arrives and change events join the log as a Poisson stream at the client
// rate. Also the queueing formulas those tests hold the sim to. Used by tests only.
import { getBuiltInScenario, type Scenario, type Simulation } from '../index';
import { exp, log } from '../detMath';
import type { ConsumerGroupSettings, LogSettings } from './pipelineSchema';
import type { PipelineSnapshot } from './pipelineSnapshot';

const base = getBuiltInScenario('default') as Scenario;
const dataSystem = getBuiltInScenario('data-system') as Scenario;

/** One broker, one partition, one copy: every event is visible to consumers the moment it is appended. */
export const instantLog: LogSettings = {
  topic: 'changes',
  brokers: 1,
  partitions: 1,
  replicationFactor: 1,
  acks: 'leader',
  minInSync: 1,
  retentionMs: null,
  retentionEvents: 500_000,
  fetchIntervalMs: 100,
  lagBoundMs: 2000,
  electionDelayMs: 1000,
};

/** One consumer owning every partition, with `workers` slots: an M/?/c queue in front of the log. */
export function oneConsumer(workers: number, serviceTime: ConsumerGroupSettings['serviceTime']): ConsumerGroupSettings {
  return {
    name: 'notifier',
    role: 'notifier',
    topic: 'changes',
    consumers: 1,
    maxConsumers: 1,
    workers,
    serviceTime,
    commitIntervalMs: 1000,
    rebalancePauseMs: 0,
    assignment: 'range',
  };
}

/**
 * Writes arriving as a Poisson stream at `writesPerSecond`, acknowledged 1 ms later (no queue
 * anywhere on the write path), feeding `log` and `groups`. With `spreadKeys`, writes change
 * uniformly drawn keys of a cache tier (so they spread evenly over the partitions); without, every
 * write changes the same key (one partition carries them all).
 */
export function fastWrites(
  writesPerSecond: number,
  log: LogSettings,
  groups: ConsumerGroupSettings[],
  spreadKeys = false,
): Scenario {
  const cache = dataSystem.cache as NonNullable<Scenario['cache']>;
  return {
    ...base,
    clients: { rateRps: writesPerSecond, readShare: 0, fanOut: 1, writeFanOut: 1 },
    appServers: { ...base.appServers, workers: 64, serviceTime: { dist: 'constant', meanMs: 0 } },
    network: { hopLatency: { dist: 'constant', meanMs: 0 }, loss: 0 },
    storage: { ...base.storage, diskLatency: { dist: 'constant', meanMs: 1 } },
    ...(spreadKeys && { cache: { ...cache, zipfExponent: 0 } }),
    log,
    consumerGroups: groups,
  };
}

/** The pipeline's figures now. */
export function pipelineNow(sim: Simulation): PipelineSnapshot {
  const pipeline = sim.frame(-1, Number.POSITIVE_INFINITY, 0).pipeline;
  if (pipeline === null) throw new Error('this run has no pipeline');
  return pipeline;
}

/** The details of the notable events of one type so far, oldest first. */
export function notesOf(sim: Simulation, type: string): string[] {
  return sim
    .frame(-1, Number.POSITIVE_INFINITY, 0)
    .newEvents.filter((e) => e.type === type)
    .map((e) => e.detail);
}

/** Applies a live command, failing the test with the sim's reason when it is refused. */
export function command(sim: Simulation, input: unknown): void {
  const result = sim.apply(input, { refuseNoChange: true });
  if (!result.ok) throw new Error(`${JSON.stringify(input)} refused: ${result.error}`);
}

/** |measured − expected| / expected. */
export const relative = (measured: number, expected: number) => Math.abs(measured - expected) / expected;

/**
 * M/M/c: arrivals at rate lambda, c servers each at rate mu (per second). Erlang C gives the
 * chance an arrival waits; a wait, when there is one, is exponential at rate c·mu − lambda.
 */
export function erlangC(c: number, lambda: number, mu: number) {
  const a = lambda / mu;
  if (!(a < c)) throw new RangeError(`utilization ${a / c} must be below 1`);
  // Erlang B by its recurrence B(k) = a·B(k−1) / (k + a·B(k−1)), then C = c·B / (c − a·(1 − B)).
  let blocked = 1;
  for (let k = 1; k <= c; k++) blocked = (a * blocked) / (k + a * blocked);
  const pWait = (c * blocked) / (c - a * (1 - blocked));
  const theta = c * mu - lambda;
  /** P(wait + service > t): the wait's mix of 0 and Exp(theta), plus an Exp(mu) service. */
  const sojournAbove = (t: number) => {
    const both = Math.abs(theta - mu) < 1e-9 ? (1 + mu * t) * exp(-mu * t) : hypoexponential(theta, mu, t);
    return (1 - pWait) * exp(-mu * t) + pWait * both;
  };
  return {
    pWait,
    meanWaitS: pWait / theta,
    /** The q-quantile of the wait: 0 when at least q of arrivals do not wait. */
    waitQuantileS: (q: number) => (pWait <= 1 - q ? 0 : log(pWait / (1 - q)) / theta),
    meanSojournS: pWait / theta + 1 / mu,
    sojournQuantileS: (q: number) => solveDecreasing(sojournAbove, 1 - q),
  };
}

/** P(Exp(a) + Exp(b) > t) for a ≠ b. */
function hypoexponential(a: number, b: number, t: number): number {
  return (a * exp(-b * t) - b * exp(-a * t)) / (a - b);
}

/** The t ≥ 0 where a decreasing tail function f (f(0) = 1) falls to `target`, by bisection. */
function solveDecreasing(f: (t: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  while (f(hi) > target) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
