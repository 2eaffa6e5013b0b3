// The lesson the learner is following: which step is on, the runs it starts in the lab (rebuilt
// from the earlier steps for a link, Back or a restart), predictions, looking back and progress.
// What happens in a step's run (setup, the learner's action, holding playback, the reveal) is
// watched by lessonWatch.ts. The lab stays the one owner of the simulation; the lesson only issues
// commands through it, like a user would.
import { createStore } from 'zustand/vanilla';
import { getLesson } from '../lessons/catalog/index';
import type { FigureValues, MarkRecord } from '../lessons/figures';
import { scenarioForStep } from '../lessons/headless';
import type { Lesson, Step } from '../lessons/lessonSchema';
import { advance, loadProgress, saveProgress } from '../lessons/progress';
import { rebuildInProcess, RebuildSlot, type Rebuilder, type RebuiltSteps } from '../lessons/rebuild';
import { parseCommand } from '../sim/index';
import type { Replay } from '../worker/labProtocol';
import type { AppStore } from './appState';
import {
  NEW_STEP,
  PREDICT_FIRST,
  REBUILD_CANCELLED,
  type LessonActions,
  type LessonState,
  type LessonStore,
} from './lessonState';
import { createStepWatch } from './lessonWatch';

export {
  NEW_STEP,
  PREDICT_FIRST,
  REBUILD_CANCELLED,
  RUN_REPLACED,
  TOO_EARLY,
  type Answer,
  type LessonState,
  type LessonStore,
  type StepStatus,
} from './lessonState';

/** `rebuild` replays a step's earlier steps: in a worker on the page, in-process in tests. */
export function createLessonStore(
  app: AppStore,
  storage: Storage | null,
  rebuild: Rebuilder = rebuildInProcess,
): LessonStore {
  const watch = createStepWatch(app);
  const rebuilds = new RebuildSlot(rebuild);

  const store = createStore<LessonState>()((set, get) => {
    const current = (): { lesson: Lesson; step: Step } | null => {
      const lesson = getLesson(get().lessonId ?? '');
      const step = lesson?.steps[get().stepIndex];
      return lesson && step ? { lesson, step } : null;
    };

    const remember = (lessonId: string, stepIndex: number, done: boolean) => {
      const progress = advance(get().progress, lessonId, stepIndex, done);
      saveProgress(storage, progress);
      return progress;
    };

    /**
     * Enters a step; `fresh` starts its run anew (deep link, Back, restart), which for a later step
     * first rebuilds the earlier ones (see rebuild.ts), showing how far it got.
     */
    const enter = (lesson: Lesson, stepIndex: number, fresh: boolean) => {
      rebuilds.cancel();
      if (!fresh || stepIndex === 0) return settle(lesson, stepIndex, fresh, null);
      watch.release();
      set({ lessonId: lesson.id, stepIndex, finished: false, reviewIndex: null, message: null, pickerOpen: false });
      set({ status: NEW_STEP, rebuilding: { stepsDone: 0, of: stepIndex } });
      rebuilds.start(
        { lessonId: lesson.id, seed: app.getState().seed, stepIndex },
        (stepsDone) => set({ rebuilding: { stepsDone, of: stepIndex } }),
        (result) => settle(lesson, stepIndex, true, result),
        (message) => set({ rebuilding: null, message: `This lesson could not start: ${message}` }),
      );
    };

    /** Enters a step once any rebuild is done: its run, marks and figures. */
    const settle = (lesson: Lesson, stepIndex: number, fresh: boolean, rebuilt: RebuiltSteps | null) => {
      const step = lesson.steps[stepIndex] as Step;
      let marks: Readonly<Record<string, MarkRecord>> = rebuilt?.run?.marks ?? (fresh ? {} : get().marks);
      const figures: FigureValues = rebuilt?.figures ?? (fresh ? {} : get().figures);
      const replay: Replay | undefined = rebuilt?.run && {
        commands: rebuilt.run.commands,
        untilMs: rebuilt.run.untilMs,
      };
      if (step.restart) marks = {};
      const newRun = fresh || step.restart !== undefined || stepIndex === 0;
      // Claim the next run before anything notifies the listener below (an in-process
      // simulation even answers within startRun itself).
      if (newRun) {
        watch.claimNextRun();
      }
      const newLesson = get().lessonId !== lesson.id || (fresh && stepIndex === 0);
      const predictions = newLesson ? {} : get().predictions;
      const skipped = newLesson ? {} : get().skippedPredictions;
      set({
        lessonId: lesson.id,
        stepIndex,
        finished: false,
        status: NEW_STEP,
        reviewIndex: null,
        rebuilding: null,
        predictions,
        skippedPredictions: rebuilt ? skipUnpredicted(lesson.steps.slice(0, stepIndex), predictions, skipped) : skipped,
        marks,
        figures,
        // A rebuild closed the list when it began; the learner may have opened it again since.
        ...(rebuilt === null && { pickerOpen: false }),
        message: null,
        progress: remember(lesson.id, stepIndex, false),
      });
      app.getState().actions.setStopAt(null);
      if (newRun) {
        const lab = app.getState();
        lab.actions.startRun(scenarioForStep(lesson, stepIndex), lab.seed, replay);
      } else {
        watch.begin(app.getState());
      }
    };

    const actions: LessonActions = {
      open: (lessonId, stepIndex = 0) => {
        const lesson = getLesson(lessonId);
        if (!lesson)
          return set({ message: `There is no lesson called "${lessonId}". Pick one from the list.`, pickerOpen: true });
        if (stepIndex >= lesson.steps.length)
          return set({
            message: `"${lesson.title}" has ${lesson.steps.length} steps, not ${stepIndex + 1}.`,
            pickerOpen: true,
          });
        try {
          enter(lesson, stepIndex, true);
        } catch (error) {
          set({ message: `This lesson could not start: ${(error as Error).message}` });
        }
      },
      close: () => {
        app.getState().actions.setStopAt(null);
        watch.release();
        set({ lessonId: null, stepIndex: 0, finished: false, status: NEW_STEP, reviewIndex: null, message: null });
      },
      next: () => {
        const here = current();
        if (!here) return;
        const review = get().reviewIndex;
        if (review !== null) return set({ reviewIndex: review + 1 < get().stepIndex ? review + 1 : null });
        if (waitsForPrediction(get()) !== null) return;
        if (get().stepIndex + 1 < here.lesson.steps.length) return enter(here.lesson, get().stepIndex + 1, false);
        app.getState().actions.setStopAt(null);
        set({ finished: true, progress: remember(here.lesson.id, get().stepIndex, true) });
      },
      back: () => {
        const { finished, reviewIndex, stepIndex } = get();
        if (finished) return set({ finished: false });
        const before = (reviewIndex ?? stepIndex) - 1;
        if (before >= 0) set({ reviewIndex: before });
      },
      resume: () => set({ reviewIndex: null }),
      restartStep: () => {
        const id = get().lessonId;
        if (id) actions.open(id, get().reviewIndex ?? get().stepIndex);
      },
      predict: (prediction) => {
        const id = current()?.step.id;
        if (!id || get().reviewIndex !== null) return;
        const { [id]: _dropped, ...skipped } = get().skippedPredictions;
        set({
          status: { ...get().status, prediction, predictionSkipped: false },
          predictions: { ...get().predictions, [id]: prediction },
          skippedPredictions: skipped,
        });
      },
      skipPrediction: () => {
        const step = current()?.step;
        if (!step?.prediction || get().reviewIndex !== null || get().status.prediction !== null) return;
        const { [step.id]: _dropped, ...predictions } = get().predictions;
        set({
          status: { ...get().status, predictionSkipped: true },
          predictions,
          skippedPredictions: { ...get().skippedPredictions, [step.id]: true },
        });
      },
      doItForMe: () => {
        const step = current()?.step;
        if (!step?.action || get().reviewIndex !== null || get().status.actedAtMs !== null) return;
        const ready = watch.readyAtMs(step);
        const now = app.getState().frame?.timeMs ?? 0;
        if (ready === null || now < ready) return;
        for (const input of step.action.perform) {
          const parsed = parseCommand(input);
          if (parsed.ok) app.getState().actions.apply(parsed.value, `lesson: ${step.action.prompt}`);
        }
      },
      cancelRebuild: () => {
        const lesson = rebuilds.busy ? getLesson(get().lessonId ?? '') : undefined;
        if (!lesson) return;
        enter(lesson, 0, true);
        set({ message: REBUILD_CANCELLED });
      },
      recordOdds: (values) => {
        if (current()?.step.odds) set({ figures: { ...get().figures, ...values } });
      },
      setPickerOpen: (pickerOpen) => set({ pickerOpen }),
      report: (message) => set({ message, pickerOpen: true }),
    };

    return {
      lessonId: null,
      stepIndex: 0,
      finished: false,
      status: NEW_STEP,
      reviewIndex: null,
      predictions: {},
      skippedPredictions: {},
      marks: {},
      figures: {},
      pickerOpen: false,
      progress: loadProgress(storage),
      message: null,
      rebuilding: null,
      actions,
    };
  });

  watch.attach(store);
  app.subscribe((lab) => watch.onLabChange(lab));

  return store;
}

/**
 * The controls the current step offers (menu-item command types and panel ids), or null for
 * all of them. The same array each time, so it is safe as a selector.
 */
export function selectOnlyControls(s: LessonState): readonly string[] | null {
  if (s.lessonId === null || s.finished) return null;
  return getLesson(s.lessonId)?.steps[s.stepIndex]?.only ?? null;
}

/**
 * Why Next cannot go on yet, or null when it can: the current step asks for a prediction and the
 * learner has neither locked one in nor chosen to skip it. Looking back never waits.
 */
export function waitsForPrediction(s: LessonState): string | null {
  if (s.lessonId === null || s.finished || s.reviewIndex !== null || s.rebuilding) return null;
  const step = getLesson(s.lessonId)?.steps[s.stepIndex];
  if (!step?.prediction || s.status.prediction !== null || s.status.predictionSkipped) return null;
  return PREDICT_FIRST;
}

/** Earlier steps a link or restart rebuilt: those that asked for a prediction and got none count as skipped. */
function skipUnpredicted(
  steps: readonly Step[],
  predictions: Readonly<Record<string, unknown>>,
  skipped: Readonly<Record<string, true>>,
): Readonly<Record<string, true>> {
  const out: Record<string, true> = { ...skipped };
  for (const step of steps) if (step.prediction && !(step.id in predictions)) out[step.id] = true;
  return out;
}
