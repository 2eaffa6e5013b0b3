// How a prediction scores against the run: a choice is right or wrong; a number is close when it
// lies within the step's stated tolerance of what was measured (|guess − measured| ≤ tolerance ×
// |measured|, so a tolerance of 0.35 means "within 35%"). The lesson's end sets every prediction
// beside its measurement and counts the right or close ones; skipped ones are shown, not counted.
import type { FigureValues } from './figures';
import { formatFigure } from './format';
import type { Lesson, Prediction, Step } from './lessonSchema';

export type Answer = string | number;

export type Score = 'right' | 'wrong' | 'close' | 'far' | 'skipped' | 'unmeasured';

export interface PredictionResult {
  readonly step: Step;
  readonly stepNumber: number;
  readonly prediction: Prediction;
  readonly score: Score;
  /** The learner's answer as read on screen ("12", "They are gone…"), or null if skipped. */
  readonly predicted: string | null;
  /** What the run showed, as read on screen, with units and the figure's label. */
  readonly measured: string;
}

/** The measured value a number prediction is judged against (NaN before it is measured). */
export function truthOf(prediction: Extract<Prediction, { kind: 'number' }>, figures: FigureValues): number {
  return typeof prediction.answer === 'number' ? prediction.answer : (figures[prediction.answer] ?? Number.NaN);
}

export function scoreAnswer(prediction: Prediction, answer: Answer, figures: FigureValues): Score {
  if (prediction.kind === 'choice') return answer === prediction.answer ? 'right' : 'wrong';
  const truth = truthOf(prediction, figures);
  if (!Number.isFinite(truth)) return 'unmeasured';
  // A hair of slack so a guess typed exactly at the edge ("36.45" for 27 within 35%) counts.
  const allowed = prediction.tolerance * Math.abs(truth) * (1 + 1e-9);
  return Math.abs(Number(answer) - truth) <= allowed ? 'close' : 'far';
}

export function answerText(prediction: Prediction, answer: Answer): string {
  return prediction.kind === 'choice'
    ? (prediction.options.find((o) => o.id === answer)?.label ?? String(answer))
    : formatFigure(Number(answer), prediction.unit);
}

function measuredText(step: Step, prediction: Prediction, figures: FigureValues): string {
  if (prediction.kind === 'choice') return prediction.options.find((o) => o.id === prediction.answer)?.label ?? '';
  const value = formatFigure(truthOf(prediction, figures), prediction.unit);
  const label = step.figures.find((f) => f.id === prediction.answer)?.label;
  return label ? `${value} (${label})` : value;
}

/** Every step of the lesson that asks for a prediction, scored. */
export function predictionResults(
  lesson: Lesson,
  predictions: Readonly<Record<string, Answer>>,
  figures: FigureValues,
): PredictionResult[] {
  return lesson.steps.flatMap((step, i) => {
    const prediction = step.prediction;
    if (!prediction) return [];
    const answer = predictions[step.id];
    return [
      {
        step,
        stepNumber: i + 1,
        prediction,
        score: answer === undefined ? 'skipped' : scoreAnswer(prediction, answer, figures),
        predicted: answer === undefined ? null : answerText(prediction, answer),
        measured: measuredText(step, prediction, figures),
      },
    ];
  });
}

export const SCORE_WORDS: Readonly<Record<Score, string>> = {
  right: 'right',
  wrong: 'not this time',
  close: 'close',
  far: 'not close',
  skipped: 'skipped',
  unmeasured: 'not measured',
};

/** "3 of 4 predictions right or close (1 skipped)". */
export function scoreLine(results: readonly PredictionResult[]): string {
  const made = results.filter((r) => r.score !== 'skipped');
  const good = made.filter((r) => r.score === 'right' || r.score === 'close').length;
  const skipped = results.length - made.length;
  const head =
    made.length === 0
      ? 'No predictions made'
      : `${good} of ${made.length} ${made.length === 1 ? 'prediction' : 'predictions'} right or close`;
  return skipped > 0 ? `${head} (${skipped} skipped)` : head;
}

/** The plain text "Copy my results" puts on the clipboard: short enough to paste in a chat. */
export function resultsText(
  lesson: Lesson,
  results: readonly PredictionResult[],
  run: { readonly seed: number; readonly link: string },
): string {
  const lines = results.map((r) => {
    const said = r.predicted === null ? 'skipped' : `predicted ${r.predicted}`;
    const what = r.prediction.kind === 'choice' ? 'happened' : 'measured';
    const verdict = r.score === 'skipped' ? '' : ` (${SCORE_WORDS[r.score]})`;
    return `Step ${r.stepNumber}, ${r.step.title}: ${said}; ${what} ${r.measured}${verdict}`;
  });
  return [
    `Faultline lesson ${lesson.number}: ${lesson.title} (seed ${run.seed})`,
    `${scoreLine(results)}.`,
    ...lines,
    run.link,
  ].join('\n');
}
