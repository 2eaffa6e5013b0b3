// The lesson beside the cluster: where the learner is, the current step and the way on.
import { useEffect, useRef } from 'react';
import { getLesson, lessons } from '../../lessons/catalog/index';
import { waitsForPrediction } from '../../store/lessonStore';
import { useLesson } from './lessonContext';
import { LessonConclusion } from './LessonConclusion';
import { PREDICTION_FORM_ID } from './PredictionForm';
import { RebuildProgress } from './RebuildProgress';
import { StepView } from './StepView';
import './lessons.css';

export function LessonPanel() {
  const lessonId = useLesson((s) => s.lessonId);
  const stepIndex = useLesson((s) => s.stepIndex);
  const finished = useLesson((s) => s.finished);
  const reviewIndex = useLesson((s) => s.reviewIndex);
  const message = useLesson((s) => s.message);
  const rebuilding = useLesson((s) => s.rebuilding !== null);
  const actions = useLesson((s) => s.actions);
  const waiting = useLesson(waitsForPrediction);
  const lesson = getLesson(lessonId ?? '');
  const labelRef = useRef<HTMLSpanElement>(null);
  const moved = useRef(false);
  // After Next or Back, focus goes to the new step's label so keyboard and screen-reader users
  // start reading there (not on first showing: opening a lesson keeps focus where it was).
  useEffect(() => {
    if (moved.current) labelRef.current?.focus();
    moved.current = true;
  }, [lessonId, stepIndex, finished, reviewIndex]);
  if (!lesson) return null;
  const shownIndex = reviewIndex ?? stepIndex;
  const step = lesson.steps[shownIndex];
  const total = lesson.steps.length;
  const nextLesson = lessons.find((l) => l.number > lesson.number);
  return (
    <aside className="panel lesson-panel" aria-labelledby="lesson-title">
      <div className="lesson-head">
        <p className="lesson-kicker">
          Lesson {lesson.number} of {lessons.length}
        </p>
        <div className="lesson-head-buttons">
          <button type="button" onClick={() => actions.setPickerOpen(true)}>
            All lessons
          </button>
          <button type="button" onClick={actions.close} aria-label="Close lesson">
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
      <h2 id="lesson-title" className="lesson-title">
        {lesson.title}
      </h2>
      <div className="lesson-steps">
        <span id="lesson-step-label" ref={labelRef} tabIndex={-1}>
          {finished
            ? 'Summary'
            : `Step ${shownIndex + 1} of ${total}: ${step?.title ?? ''}${reviewIndex !== null ? ' (looking back)' : ''}`}
        </span>
        <progress aria-labelledby="lesson-step-label" max={total} value={finished ? total : shownIndex + 1} />
      </div>
      {message && (
        <div className="lesson-message" role="alert">
          <p>{message}</p>
          <button type="button" onClick={actions.restartStep}>
            Restart step
          </button>
        </div>
      )}
      {rebuilding ? (
        <RebuildProgress />
      ) : finished ? (
        <LessonConclusion lesson={lesson} />
      ) : (
        step && (
          <StepView
            key={`${step.id}-${reviewIndex !== null}`}
            lesson={lesson}
            step={step}
            review={reviewIndex !== null}
          />
        )
      )}
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" onClick={actions.back} disabled={shownIndex === 0 && !finished}>
          Back
        </button>
        {!finished && (
          <button type="button" onClick={actions.restartStep}>
            {reviewIndex !== null ? 'Redo this step' : 'Restart step'}
          </button>
        )}
        {reviewIndex !== null ? (
          <>
            {reviewIndex + 1 < stepIndex && (
              <button type="button" onClick={actions.next}>
                Forward
              </button>
            )}
            <button type="button" className="primary" onClick={actions.resume}>
              Return to step {stepIndex + 1}
            </button>
          </>
        ) : finished ? (
          nextLesson && (
            <button type="button" className="primary" onClick={() => actions.open(nextLesson.id)}>
              Next lesson: {nextLesson.title}
            </button>
          )
        ) : (
          <NextButton label={stepIndex + 1 < total ? 'Next' : 'Finish'} waiting={waiting} onNext={actions.next} />
        )}
        {waiting && (
          <p id={NEXT_WAITS_ID} className="lesson-next-waits">
            {waiting}
          </p>
        )}
      </nav>
    </aside>
  );
}

const NEXT_WAITS_ID = 'lesson-next-waits';

/**
 * Next stays focusable while the step waits for a prediction (aria-disabled, not disabled), so
 * keyboard and screen-reader users find it and hear why; pressing it then takes them to the
 * prediction instead of skipping it.
 */
function NextButton(props: { readonly label: string; readonly waiting: string | null; readonly onNext: () => void }) {
  const { label, waiting, onNext } = props;
  const goToPrediction = () => {
    const form = document.getElementById(PREDICTION_FORM_ID);
    form?.querySelector<HTMLElement>('input, button')?.focus();
  };
  return (
    <button
      type="button"
      className="primary"
      aria-disabled={waiting ? true : undefined}
      aria-describedby={waiting ? NEXT_WAITS_ID : undefined}
      onClick={waiting ? goToPrediction : onNext}
    >
      {label}
    </button>
  );
}
