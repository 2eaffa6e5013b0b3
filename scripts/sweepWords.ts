// A sweep's result in words, a line per subject: the chance of losing data with its 95% interval,
// the share of seeds that met the SLO, the spread of availability, p99 latency and errors, in
// durability mode the disk failures and the hardware time covered, and the current run's seed.
import type { Scenario } from '../src/sim/index';
import type { Distribution, Quantiles } from '../src/sweep/distribution';
import type { SeedRow } from '../src/sweep/runSeed';
import type { Proportion } from '../src/sweep/summary';
import type { SweepOutput } from '../src/sweep/sweepOutput';
import { hardwareHours, YEAR_HOURS } from '../src/sweep/sweepSpec';

const n = (x: number) => x.toLocaleString('en-US');
/** A chance to three significant figures: 0.0312%, 1.2%, 100%. */
const chance = (x: number) => `${Number((x * 100).toPrecision(3))}%`;
const availabilityPct = (x: number) => `${(x * 100).toFixed(3)}%`;
const plain = (x: number) => n(Number(x.toPrecision(4)));

function proportionWords(p: Proportion, what: string): string {
  return `${n(p.count)} of ${n(p.of)} seeds ${what}: ${chance(p.share)} (95% interval ${chance(p.low)} to ${chance(p.high)})`;
}

const SHOWN: readonly (keyof Quantiles)[] = ['min', 'p5', 'p50', 'p95', 'p99', 'max'];

function spread(d: Distribution | null, format: (x: number) => string): string {
  if (d === null) return 'no seed had a value';
  const q = d.quantiles;
  const parts = SHOWN.map((k) => `${k} ${format(q[k])}`);
  return `${parts.join('  ')}  (mean ${format(q.mean)})`;
}

function currentRun(row: SeedRow | undefined, seed: number, durability: boolean): string {
  if (row === undefined) return `seed ${n(seed)} (the experiment's own) is outside the range swept`;
  const lost = durability
    ? row.partitionsLost > 0
      ? `${n(row.partitionsLost)} partitions lost`
      : 'no partition lost'
    : row.ackedWritesLost > 0
      ? `${n(row.ackedWritesLost)} acknowledged writes lost`
      : 'no acknowledged write lost';
  const requests = durability
    ? `${n(row.diskFailures)} disk failures, ${n(row.repairs)} replicas rebuilt`
    : `availability ${row.availability === null ? 'none finished' : availabilityPct(row.availability)}, p99 ${row.p99Ms === null ? '-' : `${plain(row.p99Ms)} ms`}, SLO ${row.sloMet ? 'met' : 'missed'}`;
  return `seed ${n(seed)} (the experiment's own): ${lost}; ${requests}`;
}

/**
 * Lines a model adds beside the measured chance, for scenarios it describes (issue 16: the
 * Markov model of a replica group: scripts/sweepMarkovLine.ts).
 */
export type ReferenceLines = (scenario: Scenario, durationMs: number) => readonly string[];
export const noReference: ReferenceLines = () => [];

/** The words for a whole sweep (not a shard: its summary covers only its slice). */
export function describeSweep(
  output: SweepOutput,
  scenario: Scenario,
  rows: readonly SeedRow[],
  reference: ReferenceLines = noReference,
): string {
  const s = output.summary;
  if (s === null) return `${scenario.name}: no seeds were run`;
  const durability = output.mode === 'durability';
  const { from, to } = output.seeds;
  const seed = output.experiment.seed;
  const hours = hardwareHours(scenario, output.durationMs);
  const horizon = scenario.hardwareFaults.enabled
    ? `, ${plain(hours)} hardware hours (${plain(hours / YEAR_HOURS)} year${hours === YEAR_HOURS ? '' : 's'}) each, ${plain((hours / YEAR_HOURS) * s.seeds)} seed-years in all`
    : '';
  const slo = scenario.slo;
  const lines = [
    `${scenario.name} (${scenario.id}), seeds ${n(from)}-${n(to)} (${n(s.seeds)}), ${plain(output.durationMs / 1000)} simulated s each${horizon}${durability ? ', durability mode (no request traffic)' : ''}`,
    `  data lost     ${proportionWords(s.dataLost, durability ? 'lost every copy of a partition' : 'lost an acknowledged write')}`,
    ...(durability
      ? [`  disk failures ${spread(s.diskFailures, plain)} a seed`, ...reference(scenario, output.durationMs)]
      : [
          `  partitions    ${proportionWords(s.partitionLost, 'lost every copy of a partition')}`,
          `  SLO met       ${s.sloMet === null ? 'no seed had requests to judge' : proportionWords(s.sloMet, `met it (availability ≥ ${availabilityPct(slo.availability)}, p99 ≤ ${n(slo.latencyMsP99)} ms)`)}`,
          `  availability  ${spread(s.availability, availabilityPct)}`,
          `  p99 (ms)      ${spread(s.p99Ms, plain)} of successful requests`,
          `  errors        ${spread(s.errors, plain)} failed requests a seed`,
        ]),
    ...(s.seedsWithRefusals > 0
      ? [`  refused       in ${n(s.seedsWithRefusals)} seeds one of the experiment's commands could not apply`]
      : []),
    `  current run   ${currentRun(rows[seed - from], seed, durability)}`,
  ];
  return lines.join('\n') + '\n';
}
