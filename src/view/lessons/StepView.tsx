// One lesson step: its text, the prediction, the learner's task, and the reveal once their run
// has shown it.
import { useMemo } from 'react';
import type { Lesson, Step, Unit } from '../../lessons/lessonSchema';
import type { StepStatus } from '../../store/lessonStore';
import { useLesson } from './lessonContext';
import { oddsMeasured, OddsStep } from './OddsStep';
import { PredictionForm } from './PredictionForm';
import { Prose } from './Prose';
import { StepProgress } from './StepProgress';

export function figureUnits(lesson: Lesson): ReadonlyMap<string, Unit> {
  return new Map(lesson.steps.flatMap((s) => s.figures.map((f) => [f.id, f.unit] as const)));
}

const LOOKED_BACK: StepStatus = {
  prediction: null,
  predictionSkipped: false,
  startedAtMs: 0,
  actedAtMs: 0,
  revealed: true,
};

interface StepViewProps {
  readonly lesson: Lesson;
  readonly step: Step;
  /** A past step, shown read-only with the figures measured then. */
  readonly review?: boolean;
}

export function StepView({ lesson, step, review = false }: StepViewProps) {
  const current = useLesson((s) => s.status);
  const predicted = useLesson((s) => s.predictions[step.id] ?? null);
  const skipped = useLesson((s) => s.skippedPredictions[step.id] === true);
  const status = review ? { ...LOOKED_BACK, prediction: predicted, predictionSkipped: skipped } : current;
  const figures = useLesson((s) => s.figures);
  const actions = useLesson((s) => s.actions);
  const units = useMemo(() => figureUnits(lesson), [lesson]);
  const waitingForPrediction = step.prediction !== undefined && status.prediction === null && !status.predictionSkipped;
  // An odds step reveals once its sweeps are in, not when its run reaches a time.
  const revealed = status.revealed && oddsMeasured(step.odds, figures);
  const revealTitle = step.odds ? 'What the seeds showed' : 'What your run showed';
  return (
    <div className="lesson-step" data-revealed={status.revealed}>
      <Prose source={step.prose} figures={figures} units={units} />
      {step.prediction && !(review && status.prediction === null && !status.predictionSkipped) && (
        <PredictionForm
          key={step.id}
          prediction={step.prediction}
          answer={status.prediction}
          skipped={status.predictionSkipped}
          revealed={revealed}
          figures={figures}
          onPredict={actions.predict}
          {...(step.odds && { measuredBy: `${step.odds.seeds.toLocaleString('en-US')} seeds` })}
          {...(!review && { onSkip: actions.skipPrediction })}
        />
      )}
      {step.odds && !waitingForPrediction && <OddsStep lesson={lesson} odds={step.odds} review={review} />}
      {/* A live region from the start of the step, so the reveal is read out when it appears. */}
      <div aria-live="polite">
        {!waitingForPrediction && <StepProgress step={step} status={status} onDoItForMe={actions.doItForMe} />}
        {revealed && !step.reveal && (
          <p className="lesson-action is-done">
            <span aria-hidden="true">✓ </span>Step complete. Go on with <strong>Next</strong>.
          </p>
        )}
        {revealed && step.reveal && (
          <section className="lesson-reveal" aria-label={revealTitle}>
            <h3>{revealTitle}</h3>
            <Prose source={step.reveal} figures={figures} units={units} />
          </section>
        )}
      </div>
    </div>
  );
}
