// What a sweep says: the chance of losing data with its 95% Wilson interval, the share of seeds
// that met the SLO, and the spread of availability, p99 latency, errors and lost writes. A pure
// function of the rows in seed order (see distribution.ts), so merged shards equal one machine.
import { distributionOf, type Distribution } from './distribution';
import type { SeedRow } from './runSeed';
import type { SweepMode } from './sweepSpec';
import { wilsonInterval } from './wilson';

export interface Proportion {
  /** Seeds where it happened, of `of` seeds where it could be judged. */
  readonly count: number;
  readonly of: number;
  readonly share: number;
  /** The 95% Wilson interval. */
  readonly low: number;
  readonly high: number;
}

export interface SweepSummary {
  readonly seeds: number;
  /**
   * The headline: seeds that lost data. With requests, an acknowledged write lost; in durability
   * mode (no writes), a partition that lost every copy.
   */
  readonly dataLost: Proportion;
  readonly ackedWriteLost: Proportion;
  readonly partitionLost: Proportion;
  /** Null when no seed had requests to judge (durability mode). */
  readonly sloMet: Proportion | null;
  readonly availability: Distribution | null;
  readonly p99Ms: Distribution | null;
  readonly errors: Distribution | null;
  readonly ackedWritesLost: Distribution;
  readonly partitionsLost: Distribution;
  readonly diskFailures: Distribution;
  /** Seeds where at least one of the learner's commands was refused. */
  readonly seedsWithRefusals: number;
}

export function proportion(count: number, of: number): Proportion {
  if (of === 0) return { count, of, share: 0, low: 0, high: 1 };
  const { share, low, high } = wilsonInterval(count, of);
  return { count, of, share, low, high };
}

export function summarize(rows: readonly SeedRow[], mode: SweepMode): SweepSummary {
  if (rows.length === 0) throw new RangeError('a sweep summary needs at least one seed');
  const seeds = rows.map((r) => r.seed);
  const count = (test: (r: SeedRow) => boolean) => rows.reduce((n, r) => n + (test(r) ? 1 : 0), 0);
  const ackedWriteLost = proportion(
    count((r) => r.ackedWritesLost > 0),
    rows.length,
  );
  const partitionLost = proportion(
    count((r) => r.partitionsLost > 0),
    rows.length,
  );
  const judged = rows.filter((r) => r.sloMet !== null);
  const withRequests = rows.some((r) => r.requests > 0);
  const dist = (f: (r: SeedRow) => number | null, integers: boolean) => distributionOf(rows.map(f), seeds, integers);
  return {
    seeds: rows.length,
    dataLost: mode === 'durability' ? partitionLost : ackedWriteLost,
    ackedWriteLost,
    partitionLost,
    sloMet:
      judged.length === 0
        ? null
        : proportion(
            count((r) => r.sloMet === true),
            judged.length,
          ),
    availability: dist((r) => r.availability, false),
    p99Ms: dist((r) => r.p99Ms, false),
    errors: withRequests ? dist((r) => r.failed, true) : null,
    ackedWritesLost: dist((r) => r.ackedWritesLost, true) as Distribution,
    partitionsLost: dist((r) => r.partitionsLost, true) as Distribution,
    diskFailures: dist((r) => r.diskFailures, true) as Distribution,
    seedsWithRefusals: count((r) => r.refused > 0),
  };
}
