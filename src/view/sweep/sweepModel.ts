// What the "Run many seeds" panel says, as pure functions of a sweep's output: the headline odds
// in words with their 95% interval, the figures shown as histograms (which depend on the mode),
// each bar's words for assistive technology, and the row of the run the lab is showing.
import type { Bin, Distribution } from '../../sweep/distribution';
import type { SeedRow } from '../../sweep/runSeed';
import type { Proportion, SweepSummary } from '../../sweep/summary';
import { rowsOf, type SweepOutput } from '../../sweep/sweepOutput';
import type { SweepMode } from '../../sweep/sweepSpec';

/** A share as a percentage: one decimal, two significant digits below 1%, two decimals near 100%. */
export function percent(share: number): string {
  if (share < 1e-9) return '0%'; // the Wilson interval's low end for 0 seeds comes out as 2e-17
  if (share >= 1) return '100%';
  const x = share * 100;
  if (x < 1) return `${Number(x.toPrecision(2))}%`;
  if (x > 99 && x < 100) return `${Math.min(99.99, Number(x.toFixed(2)))}%`;
  return `${x.toFixed(1)}%`;
}

export const count = (n: number): string => n.toLocaleString('en-US');

/** "seed" or "seeds". */
export const seedsWord = (n: number): string => `${count(n)} ${n === 1 ? 'seed' : 'seeds'}`;

/** What counts as losing data in each mode. */
export function dataLostMeaning(mode: SweepMode): string {
  return mode === 'durability'
    ? 'a partition lost every copy (durability mode sends no requests, so there are no writes to lose)'
    : 'an acknowledged write was lost (no copy holds it any more)';
}

const lostVerb = (mode: SweepMode) => (mode === 'durability' ? 'lost a partition' : 'lost acknowledged writes');

export const interval = (p: Proportion): string => `95% interval ${percent(p.low)}–${percent(p.high)}`;

/** "3.1% of seeds lost acknowledged writes (95% interval 2.1%–4.5%)". */
export function lossSentence(lost: Proportion, mode: SweepMode): string {
  if (lost.count === 0) return `No seed of ${count(lost.of)} ${lostVerb(mode)} (${interval(lost)})`;
  return `${percent(lost.share)} of seeds ${lostVerb(mode)}: ${count(lost.count)} of ${count(lost.of)} (${interval(lost)})`;
}

export interface Slo {
  readonly availability: number;
  readonly latencyMsP99: number;
}

export function sloSentence(met: Proportion | null, slo: Slo): string {
  const target = `${percent(slo.availability)} available, p99 at most ${count(slo.latencyMsP99)} ms`;
  if (met === null) return `The SLO (${target}) is not judged: no seed had requests.`;
  return `The SLO (${target}) was met in ${percent(met.share)} of seeds: ${count(met.count)} of ${count(met.of)} (${interval(met)})`;
}

/** Seeds a second over the whole sweep so far. */
export function seedsPerSecond(done: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
}

function duration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** "about 12 s left"; nothing to say before the first seeds are done. */
export function timeLeft(done: number, total: number, elapsedMs: number): string {
  if (done >= total) return 'finishing';
  if (done === 0 || elapsedMs <= 0) return 'estimating time left';
  return `about ${duration(((total - done) * elapsedMs) / done / 1000)} left`;
}

export function elapsedText(elapsedMs: number): string {
  return duration(elapsedMs / 1000);
}

export type FigureId = 'availability' | 'p99Ms' | 'errors' | 'ackedWritesLost' | 'partitionsLost' | 'diskFailures';

export interface Figure {
  readonly id: FigureId;
  /** The histogram's title. */
  readonly title: string;
  /** How a bar's words name the figure ("availability 99.0%–99.5%"). */
  readonly noun: string;
  readonly integers: boolean;
  readonly format: (v: number) => string;
  readonly distribution: Distribution;
  readonly value: (row: SeedRow) => number | null;
}

const ms = (v: number) => `${v >= 100 ? Math.round(v) : Number(v.toPrecision(3))} ms`;

/** The histograms a sweep shows: request figures with requests, fleet figures in durability mode. */
export function figuresOf(summary: SweepSummary, mode: SweepMode): Figure[] {
  const figures: (Omit<Figure, 'distribution'> & { distribution: Distribution | null })[] =
    mode === 'durability'
      ? [
          fig('partitionsLost', 'Partitions lost (every copy)', 'partitions lost', summary.partitionsLost),
          fig('diskFailures', 'Disk failures', 'disk failures', summary.diskFailures),
          fig('ackedWritesLost', 'Acknowledged writes lost', 'lost writes', summary.ackedWritesLost),
        ]
      : [
          {
            id: 'availability',
            title: 'Availability',
            noun: 'availability',
            integers: false,
            format: percent,
            distribution: summary.availability,
            value: (r) => r.availability,
          },
          {
            id: 'p99Ms',
            title: 'p99 latency',
            noun: 'p99 latency',
            integers: false,
            format: ms,
            distribution: summary.p99Ms,
            value: (r) => r.p99Ms,
          },
          { ...fig('errors', 'Requests failed', 'errors', summary.errors), value: (r) => r.failed },
          fig('ackedWritesLost', 'Acknowledged writes lost', 'lost writes', summary.ackedWritesLost),
        ];
  // Durability mode has no writes: its lost-writes histogram would be one bar at 0.
  return figures.filter(
    (f): f is Figure =>
      f.distribution !== null &&
      !(mode === 'durability' && f.id === 'ackedWritesLost' && f.distribution.quantiles.max === 0),
  );
}

function fig(
  id: 'partitionsLost' | 'diskFailures' | 'ackedWritesLost' | 'errors',
  title: string,
  noun: string,
  distribution: Distribution | null,
) {
  const column = id === 'errors' ? 'failed' : id;
  return { id, title, noun, integers: true, format: count, distribution, value: (r: SeedRow) => r[column] };
}

/** A bin's range in the figure's units: "3" for a one-wide count bin, "10–19", "99.0%–99.5%". */
export function binRange(figure: Pick<Figure, 'integers' | 'format' | 'id'>, bin: Bin): string {
  if (figure.integers) {
    const last = bin.to - 1;
    return last <= bin.from ? figure.format(bin.from) : `${figure.format(bin.from)}–${figure.format(last)}`;
  }
  const [from, to] =
    figure.id === 'availability' ? percentEdges(bin) : [figure.format(bin.from), figure.format(bin.to)];
  // Every seed alike gives one bin a hair wide: its value is the range.
  return from === to ? figure.format(bin.from) : `${from}–${to}`;
}

/** Bin edges as percentages with as many decimals as the bin width needs (at most three). */
function percentEdges(bin: Bin): [string, string] {
  const decimals = Math.min(3, Math.max(1, Math.ceil(-Math.log10((bin.to - bin.from) * 100) + 1e-9)));
  const p = (v: number) => `${(Math.min(1, v) * 100).toFixed(decimals)}%`;
  return [p(bin.from), p(bin.to)];
}

/** "availability 99.0%–99.5%: 120 seeds; open seed 17" (and "; this run" on the current run's bar). */
export function barLabel(
  figure: Pick<Figure, 'integers' | 'format' | 'id' | 'noun'>,
  bin: Bin,
  thisRun: boolean,
): string {
  return `${figure.noun} ${binRange(figure, bin)}: ${seedsWord(bin.count)}; open seed ${bin.seed}${thisRun ? '; this run is here' : ''}`;
}

/** The bin a value falls in (bins hold from, inclusive, to to, exclusive; the last holds its edge). */
export function binIndexOf(bins: readonly Bin[], value: number): number {
  const last = bins.length - 1;
  return bins.findIndex((b, i) => value >= b.from && (value < b.to || (i === last && value <= b.to)));
}

/** The row of the run the experiment was taken from, when its seed is in the range. */
export function currentRunRow(output: Pick<SweepOutput, 'rows' | 'seeds' | 'experiment'>): SeedRow | null {
  const seed = output.experiment.seed;
  if (seed < output.seeds.from || seed > output.seeds.to) return null;
  return rowsOf({ rows: [output.rows[seed - output.seeds.from] ?? []] })[0] ?? null;
}

/** The bar an arrow key moves to within a histogram (one tab stop each); null for other keys. */
export function barAfterKey(index: number, key: string, bars: number): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return Math.max(0, index - 1);
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(bars - 1, index + 1);
    case 'Home':
      return 0;
    case 'End':
      return bars - 1;
    default:
      return null;
  }
}

/** The quantiles listed under each histogram, in reading order. */
export const QUANTILES = [
  ['min', 'min'],
  ['p1', 'p1'],
  ['p5', 'p5'],
  ['p50', 'p50 (median)'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['max', 'max'],
  ['mean', 'mean'],
] as const;
