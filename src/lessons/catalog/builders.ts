// Short builders for what the lessons write again and again (figures, spans of the run,
// predictions, claims, load changes), so each lesson file reads as its story rather than as
// nested measure objects. They build plain data; the schema still validates every field.
import type { LessonInput } from '../lessonSchema';

type Step = LessonInput['steps'][number];
type FigureInput = NonNullable<Step['figures']>[number];
type Unit = FigureInput['unit'];
type Measure = FigureInput['measure'];
type WindowMeasure = Extract<Measure, { kind: 'windows' }>;
type WindowStat = WindowMeasure['stat'];
type Agg = NonNullable<WindowMeasure['agg']>;
type TotalStat = Extract<Measure, { kind: 'total' }>['stat'];
type CurrentStat = Extract<Measure, { kind: 'current' }>['stat'];
type Prediction = NonNullable<Step['prediction']>;
type Claim = NonNullable<LessonInput['claims']>[number];
/** When a step began (`step:<id>`) or when its action happened (`action:<id>`). */
export type Mark = `step:${string}` | `action:${string}`;

export const HOUR_MS = 3_600_000;

/** A window of the run from `from` (+ fromMs) to `to` (+ toMs; `to` defaults to now). */
export interface Span {
  readonly from: Mark;
  readonly fromMs?: number;
  readonly to?: Mark | 'now';
  readonly toMs?: number;
}

/** From a mark, plus a settling time, until now. */
export function since(from: Mark, fromMs = 0): Span {
  return { from, fromMs };
}

/** A fixed span after a mark: `[from + startMs, from + endMs]`. */
export function between(from: Mark, startMs: number, endMs: number): Span {
  return { from, fromMs: startMs, to: from, toMs: endMs };
}

// A window statistic's own unit, so a lesson names a unit only where it needs a different one.
// Counts (succeeded, failed, ...) are summed over the windows, so they stay counts.
const RPS_STATS: readonly WindowStat[] = ['servedRps', 'offeredRps', 'storageRps'];
const MS_STATS: readonly WindowStat[] = ['mean', 'p50', 'p95', 'p99', 'p999', 'serverWorkMs'];
const unitOf = (stat: WindowStat): Unit =>
  RPS_STATS.includes(stat)
    ? 'rps'
    : MS_STATS.includes(stat)
      ? 'ms'
      : stat === 'availability'
        ? 'percent'
        : stat === 'amplification'
          ? 'ratio'
          : 'count';

/** A statistic over the one-second windows of a span, aggregated over the windows. */
export function windowFigure(
  id: string,
  label: string,
  stat: WindowStat,
  span: Span,
  agg: Agg = 'mean',
  unit: Unit = unitOf(stat),
): FigureInput {
  return {
    id,
    label,
    unit,
    measure: {
      kind: 'windows',
      stat,
      from: { mark: span.from, plusMs: span.fromMs ?? 0 },
      to: { mark: span.to ?? 'now', plusMs: span.toMs ?? 0 },
      agg,
    },
  };
}

/** How much a counter grew from a mark until now: writes acknowledged, disks failed, ... */
export function totalFigure(id: string, label: string, stat: TotalStat, from: Mark, unit: Unit = 'count'): FigureInput {
  return { id, label, unit, measure: { kind: 'total', stat, since: from } };
}

/** A value as it stands now: nodes down, partitions unavailable, ... */
export function currentFigure(id: string, label: string, stat: CurrentStat, unit: Unit = 'count'): FigureInput {
  return { id, label, unit, measure: { kind: 'current', stat } };
}

/** Latency since the run began (a fresh run after a restart): `latencyP50`, `latencyP99`, ... */
export function runLatency(
  id: string,
  label: string,
  stat: 'latencyMean' | 'latencyP50' | 'latencyP95' | 'latencyP99' | 'latencyP999',
): FigureInput {
  return currentFigure(id, label, stat, 'ms');
}

/** A number known from theory or from the scenario, so prose and claims can compare against it. */
export function constantFigure(id: string, label: string, value: number, unit: Unit = 'count'): FigureInput {
  return { id, label, unit, measure: { kind: 'constant', value } };
}

/** One figure recorded earlier in the lesson over another. */
export function ratioFigure(id: string, label: string, of: string, to: string, unit: Unit = 'ratio'): FigureInput {
  return { id, label, unit, measure: { kind: 'ratio', of, to } };
}

/** One figure recorded earlier in the lesson minus another, in their common unit. */
export function differenceFigure(id: string, label: string, of: string, minus: string, unit: Unit): FigureInput {
  return { id, label, unit, measure: { kind: 'difference', of, minus } };
}

/** Share of the run's successful requests slower than a threshold. */
export function shareAbove(id: string, label: string, thresholdMs: number): FigureInput {
  return { id, label, unit: 'percent', measure: { kind: 'shareAbove', thresholdMs } };
}

/** A multiple-choice prediction; options are given as id: label, in the order shown. */
export function choice(question: string, answer: string, options: Readonly<Record<string, string>>): Prediction {
  return { kind: 'choice', question, options: Object.entries(options).map(([id, label]) => ({ id, label })), answer };
}

/** Two claims that keep a figure within a relative band around 1 (a measured-over-theory ratio). */
export function withinClaims(id: string, figure: string, tolerance: number, text: string, rate = 1): Claim[] {
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
