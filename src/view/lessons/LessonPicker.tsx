// The list of lessons, with how far the learner got in each: a native modal dialog, like Help.
// Starting a lesson moves focus to the lesson's step, not back to the Lessons button: there Space
// would open this list again instead of playing.
import { useRef } from 'react';
import { useModalDialog } from '../common/useModalDialog';
import { lessons } from '../../lessons/catalog/index';
import { focusLessonStep } from './focusLessonStep';
import { useLesson } from './lessonContext';
import { DialogHead } from '../common/DialogHead';
import { DialogBoundary } from '../common/DialogBoundary';

export function LessonPicker() {
  const open = useLesson((s) => s.pickerOpen);
  const actions = useLesson((s) => s.actions);
  return (
    <DialogBoundary what="The list of lessons" part="lessons" open={open} onClose={() => actions.setPickerOpen(false)}>
      <LessonList open={open} />
    </DialogBoundary>
  );
}

function LessonList({ open }: { readonly open: boolean }) {
  const progress = useLesson((s) => s.progress);
  const current = useLesson((s) => s.lessonId);
  const message = useLesson((s) => s.message);
  const actions = useLesson((s) => s.actions);
  const { ref: dialogRef, restoreFocus, close: closeDialog } = useModalDialog(open);
  const started = useRef(false);
  const start = (lessonId: string, stepIndex?: number) => {
    started.current = true;
    actions.open(lessonId, stepIndex);
  };

  const onClose = () => {
    actions.setPickerOpen(false);
    const toLesson = started.current && dialogRef.current !== null && focusLessonStep(dialogRef.current);
    started.current = false;
    if (!toLesson) restoreFocus();
  };

  return (
    <dialog ref={dialogRef} className="modal lesson-picker" aria-labelledby="lesson-picker-title" onClose={onClose}>
      <DialogHead id="lesson-picker-title" title="Lessons" onClose={closeDialog} />
      <p className="lesson-picker-intro">
        Each lesson sets up a cluster, asks you to predict, lets you cause the fault, then explains what your own run
        measured. About 5–10 minutes each. The sandbox stays as it is until you start one.
      </p>
      {message && current === null && (
        <p className="lesson-message" role="alert">
          {message}
        </p>
      )}
      <ol className="lesson-list">
        {lessons.map((lesson) => {
          const p = progress[lesson.id];
          const state = p?.done
            ? 'Done'
            : p
              ? `Reached step ${p.furthestStep + 1} of ${lesson.steps.length}`
              : 'Not started';
          return (
            <li key={lesson.id} className={p?.done ? 'is-done' : ''}>
              <div>
                <h3>
                  {lesson.number}. {lesson.title}
                  {p?.done && <span aria-hidden="true"> ✓</span>}
                </h3>
                <p>{lesson.summary}</p>
                <p className="lesson-meta">
                  {lesson.minutes} min · {lesson.steps.length} steps · {state}
                </p>
              </div>
              <div className="lesson-list-buttons">
                <button
                  type="button"
                  className="primary"
                  aria-label={`Start lesson ${lesson.number}: ${lesson.title}`}
                  onClick={() => start(lesson.id)}
                >
                  Start
                </button>
                {p && !p.done && p.furthestStep > 0 && (
                  <button
                    type="button"
                    aria-label={`Continue lesson ${lesson.number} at step ${p.furthestStep + 1}`}
                    onClick={() => start(lesson.id, p.furthestStep)}
                  >
                    Continue
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </dialog>
  );
}
