// Short builders for the figures lessons 2-5 measure, so each lesson reads as its story rather
// than as nested measure objects. They build plain data; the schema still validates every field.
import type { LessonInput } from '../lessonSchema';

type FigureInput = NonNullable<LessonInput['steps'][number]['figures']>[number];
type Unit = FigureInput['unit'];
type WindowMeasure = Extract<FigureInput['measure'], { kind: 'windows' }>;
type TotalStat = Extract<FigureInput['measure'], { kind: 'total' }>['stat'];
type CurrentStat = Extract<FigureInput['measure'], { kind: 'current' }>['stat'];
type Mark = `step:${string}` | `action:${string}`;

export const HOUR_MS = 3_600_000;

/** A window of the run from `from` (+ fromMs) to `to` (+ toMs, or now). */
export interface Span {
  readonly from: Mark;
  readonly fromMs?: number;
  readonly to?: Mark;
  readonly toMs?: number;
}

export function windowFigure(
  id: string,
  label: string,
  unit: Unit,
  stat: WindowMeasure['stat'],
  span: Span,
  agg: WindowMeasure['agg'] = 'mean',
): FigureInput {
  return {
    id,
    label,
    unit,
    measure: {
      kind: 'windows',
      stat,
      from: { mark: span.from, plusMs: span.fromMs ?? 0 },
      to: span.to ? { mark: span.to, plusMs: span.toMs ?? 0 } : { mark: 'now', plusMs: span.toMs ?? 0 },
      agg,
    },
  };
}

export function totalFigure(
  id: string,
  label: string,
  stat: TotalStat,
  since: Mark,
  unit: Unit = 'count',
): FigureInput {
  return { id, label, unit, measure: { kind: 'total', stat, since } };
}

export function currentFigure(id: string, label: string, stat: CurrentStat, unit: Unit = 'count'): FigureInput {
  return { id, label, unit, measure: { kind: 'current', stat } };
}

export function constantFigure(id: string, label: string, value: number, unit: Unit = 'count'): FigureInput {
  return { id, label, unit, measure: { kind: 'constant', value } };
}

export function ratioFigure(id: string, label: string, of: string, to: string, unit: Unit = 'ratio'): FigureInput {
  return { id, label, unit, measure: { kind: 'ratio', of, to } };
}

/** A span from a mark (plus an offset) until the end of the step. */
export function since(from: Mark, fromMs = 0): Span {
  return { from, fromMs };
}

type Prediction = NonNullable<LessonInput['steps'][number]['prediction']>;

/** A multiple-choice prediction; options are given as id: label, in the order shown. */
export function choice(question: string, answer: string, options: Readonly<Record<string, string>>): Prediction {
  return { kind: 'choice', question, options: Object.entries(options).map(([id, label]) => ({ id, label })), answer };
}
