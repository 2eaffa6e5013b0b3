// Small builders for the figures lessons 7-10 measure again and again, so each lesson file
// reads as its story rather than as nested measure objects.
import type { LessonInput } from '../lessonSchema';

type FigureInput = NonNullable<LessonInput['steps'][number]['figures']>[number];
type Unit = FigureInput['unit'];
type Mark = `step:${string}` | `action:${string}`;
type LatencyStat = 'mean' | 'p50' | 'p95' | 'p99' | 'p999';
type WindowStat = LatencyStat | 'servedRps' | 'offeredRps' | 'storageRps' | 'availability' | 'amplification';
type Agg = 'mean' | 'max' | 'min' | 'sum' | 'median';

const unitOf = (stat: WindowStat): Unit =>
  stat === 'servedRps' || stat === 'offeredRps' || stat === 'storageRps'
    ? 'rps'
    : stat === 'availability'
      ? 'percent'
      : stat === 'amplification'
        ? 'ratio'
        : 'ms';

/** A statistic over the one-second windows from a mark (plus a settling time) to another mark or now. */
export function windowFigure(
  id: string,
  label: string,
  stat: WindowStat,
  from: Mark,
  settleMs = 0,
  agg: Agg = 'mean',
  to: Mark | 'now' = 'now',
): FigureInput {
  return {
    id,
    label,
    unit: unitOf(stat),
    measure: { kind: 'windows', stat, from: { mark: from, plusMs: settleMs }, to: { mark: to }, agg },
  };
}

/** The same statistic over a fixed span after a mark: `[from + startMs, from + endMs]`. */
export function spanFigure(
  id: string,
  label: string,
  stat: WindowStat,
  from: Mark,
  startMs: number,
  endMs: number,
  agg: Agg = 'mean',
): FigureInput {
  return {
    id,
    label,
    unit: unitOf(stat),
    measure: { kind: 'windows', stat, from: { mark: from, plusMs: startMs }, to: { mark: from, plusMs: endMs }, agg },
  };
}

/** A number known from theory or from the scenario, so prose and claims can compare against it. */
export function theory(id: string, label: string, unit: Unit, value: number): FigureInput {
  return { id, label, unit, measure: { kind: 'constant', value } };
}

export function ratio(id: string, label: string, of: string, to: string): FigureInput {
  return { id, label, unit: 'ratio', measure: { kind: 'ratio', of, to } };
}

/** Latency since the run began (a fresh run after a restart): `latencyP50`, `latencyP99`, ... */
export function runLatency(
  id: string,
  label: string,
  stat: 'latencyMean' | 'latencyP50' | 'latencyP95' | 'latencyP99' | 'latencyP999',
): FigureInput {
  return { id, label, unit: 'ms', measure: { kind: 'current', stat } };
}

/** Share of the run's successful requests slower than a threshold. */
export function shareAbove(id: string, label: string, thresholdMs: number): FigureInput {
  return { id, label, unit: 'percent', measure: { kind: 'shareAbove', thresholdMs } };
}

/** Two claims that keep a figure within a relative band around 1 (a measured-over-theory ratio). */
export function withinClaims(
  id: string,
  figure: string,
  tolerance: number,
  text: string,
  rate = 1,
): NonNullable<LessonInput['claims']>[number][] {
  const pct = Math.round(tolerance * 100);
  const often = rate < 1 ? ` in at least ${Math.round(rate * 100)}% of runs` : '';
  return [
    {
      id: `${id}-low`,
      text: `${text}${often} (not more than ${pct}% below).`,
      figure,
      op: '>=',
      than: 1 - tolerance,
      rate,
    },
    {
      id: `${id}-high`,
      text: `${text}${often} (not more than ${pct}% above).`,
      figure,
      op: '<=',
      than: 1 + tolerance,
      rate,
    },
  ];
}

/** The learner changes the base load in the Load panel: "Set the request rate to 80 req/s". */
export function setLoadAction(
  change: { rateRps: number } | { fanOut: number } | { writeFanOut: number },
  prompt: string,
) {
  return { prompt, match: [{ type: 'setLoad', fields: change }], perform: [{ type: 'setLoad', ...change }] };
}
