// The shape of the lesson store: which lesson and step the learner is on and what their run has
// shown so far. Types only, so views can import them cheaply.
import type { StoreApi } from 'zustand/vanilla';
import type { FigureValues, MarkRecord } from '../lessons/figures';
import type { Answer } from '../lessons/predictionScore';
import type { Progress } from '../lessons/progress';

export type { Answer };

/** Where the current step stands. */
export interface StepStatus {
  /** The prediction the learner locked in, if the step asks for one. */
  readonly prediction: Answer | null;
  /** The learner chose "Skip predicting" instead. */
  readonly predictionSkipped: boolean;
  /** Simulated time the step began at (null while its run is loading). */
  readonly startedAtMs: number | null;
  /** Simulated time of the learner's action (null until they act). */
  readonly actedAtMs: number | null;
  readonly revealed: boolean;
}

export const NEW_STEP: StepStatus = {
  prediction: null,
  predictionSkipped: false,
  startedAtMs: null,
  actedAtMs: null,
  revealed: false,
};

/** Why Next waits on a step that asks for a prediction (shown beside it, and read with it). */
export const PREDICT_FIRST = 'Lock in a prediction, or choose Skip predicting, to go on.';

export const RUN_REPLACED =
  'The run this step was measuring was reset or replaced, so it cannot go on. Restart the step to measure it again.';

export const TOO_EARLY =
  'That action came before the step had measured its baseline, so it does not count. Restart the step to measure it cleanly.';

export const REBUILD_CANCELLED = 'Rebuilding the earlier steps was stopped, so the lesson starts from its first step.';

export interface LessonState {
  readonly lessonId: string | null;
  readonly stepIndex: number;
  /** The last step is done and the conclusion is showing. */
  readonly finished: boolean;
  readonly status: StepStatus;
  /** A step before the current one, shown read-only with what was measured then (null: none). */
  readonly reviewIndex: number | null;
  /** Every prediction locked in during this lesson, by step id. */
  readonly predictions: Readonly<Record<string, Answer>>;
  /**
   * Steps whose prediction was skipped, by step id: by the learner's "Skip predicting", or because
   * a link or restart rebuilt the step without asking (a rebuilt step never counts as predicted).
   */
  readonly skippedPredictions: Readonly<Record<string, true>>;
  readonly marks: Readonly<Record<string, MarkRecord>>;
  readonly figures: FigureValues;
  readonly pickerOpen: boolean;
  readonly progress: Progress;
  /** A problem to show in the lesson panel (a bad link, a run reset under the lesson). */
  readonly message: string | null;
  /** While the steps before this one are replayed to rebuild its run: how many are done. */
  readonly rebuilding: { readonly stepsDone: number; readonly of: number } | null;
  readonly actions: LessonActions;
}

export interface LessonActions {
  /** Opens a lesson at a step (zero-based), rebuilding the run the earlier steps would have made. */
  open(lessonId: string, stepIndex?: number): void;
  close(): void;
  /**
   * On to the next step (or, while looking back, the next step looked back at). Refused while the
   * step waits for a prediction (see waitsForPrediction).
   */
  next(): void;
  /** Looks back at the step before (the run stays where it is). */
  back(): void;
  /** Returns from looking back to the current step. */
  resume(): void;
  /** Re-runs the current step (or the one looked back at) from its start. */
  restartStep(): void;
  predict(answer: Answer): void;
  /** Goes on without predicting; the summary shows the prediction as skipped. */
  skipPrediction(): void;
  /** Does the step's action for the learner (a teacher demonstrating, or a learner who is stuck). */
  doItForMe(): void;
  /** Stops rebuilding the earlier steps; the lesson starts from its first step instead. */
  cancelRebuild(): void;
  /** Records what the current odds step's sweeps measured (its figures, see oddsStep.ts). */
  recordOdds(values: FigureValues): void;
  setPickerOpen(open: boolean): void;
  /** Shows a problem, e.g. from a deep link that names no lesson. */
  report(message: string): void;
}

export type LessonStore = StoreApi<LessonState>;
