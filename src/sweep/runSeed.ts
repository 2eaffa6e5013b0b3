// One seed of a sweep: the experiment's scenario run from that seed, the learner's commands
// applied at their times, then the figures the sweep compares across seeds. A command the run
// refuses (a node a random fault already crashed) is counted, not fatal: other seeds are other
// futures, and the same clicks need not make sense in all of them.
import { createSimulation } from '../sim/index';
import type { PreparedSweep } from './sweepSpec';

/** What one seed gives. Counts are exact; shares and times are rounded so every platform agrees. */
export interface SeedRow {
  readonly seed: number;
  /** Requests that finished (succeeded or failed); 0 in durability mode. */
  readonly requests: number;
  readonly failed: number;
  /** Share of finished requests that succeeded; null when none finished. */
  readonly availability: number | null;
  /** p99 latency of successful requests, ms; null when none succeeded. */
  readonly p99Ms: number | null;
  /** Availability at or above the SLO's and p99 of every request at or under its target; null without requests. */
  readonly sloMet: boolean | null;
  readonly writesAcked: number;
  readonly ackedWritesLost: number;
  /** Distinct partitions that lost every copy: data gone even with no write on it. */
  readonly partitionsLost: number;
  readonly diskFailures: number;
  readonly repairs: number;
  /** The learner's commands this future refused. */
  readonly refused: number;
  readonly logHash: string;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

export function runSeed(sweep: PreparedSweep, seed: number): SeedRow {
  const sim = createSimulation(sweep.scenario, seed);
  let refused = 0;
  const endMs = sweep.spec.durationMs;
  for (const { atMs, command } of sweep.commands) {
    if (atMs > endMs) break;
    sim.runUntil(atMs);
    if (!sim.apply(command).ok) refused++;
  }
  sim.runUntil(endMs);
  const snap = sim.snapshot();
  const c = snap.cumulative;
  const d = snap.durability;
  const requests = c.succeeded + c.failed;
  const slo = sweep.scenario.slo;
  const availability = requests > 0 ? c.succeeded / requests : null;
  const p99All = c.latencyMsP99All;
  return {
    seed,
    requests,
    failed: c.failed,
    availability: availability === null ? null : round(availability, 6),
    p99Ms: c.succeeded > 0 ? round(c.latencyMs.p99, 3) : null,
    sloMet:
      availability === null ? null : availability >= slo.availability && p99All !== null && p99All <= slo.latencyMsP99,
    writesAcked: d.writesAcked,
    ackedWritesLost: d.ackedWritesLost,
    partitionsLost: d.partitionsLost,
    diskFailures: d.diskFailures,
    repairs: d.repairsCompleted,
    refused,
    logHash: snap.logHash,
  };
}

export function runSeeds(sweep: PreparedSweep, from: number, to: number): SeedRow[] {
  const rows: SeedRow[] = [];
  for (let seed = from; seed <= to; seed++) rows.push(runSeed(sweep, seed));
  return rows;
}
