// The lesson the learner is following: it starts runs in the lab, applies each step's setup,
// recognises the learner's action among the commands they issue, holds playback at the end of
// the step's observation and then measures the figures its reveal quotes. The lab stays the
// one owner of the simulation; this store only issues commands through it, like a user would.
import { createStore } from 'zustand/vanilla';
import { matchesAny } from '../lessons/actions';
import { getLesson } from '../lessons/catalog/index';
import { markOf, measureFigures, type FigureValues, type MarkRecord } from '../lessons/figures';
import { LessonPlayer, scenarioForStep } from '../lessons/headless';
import type { Lesson, Step } from '../lessons/lessonSchema';
import { advance, loadProgress, saveProgress } from '../lessons/progress';
import { parseCommand, type Command } from '../sim/index';
import type { Replay } from '../worker/labProtocol';
import type { AppState, AppStore } from './appState';
import { NEW_STEP, type LessonActions, type LessonState, type LessonStore } from './lessonState';

export { NEW_STEP, type Answer, type LessonState, type LessonStore, type StepStatus } from './lessonState';

export const RUN_REPLACED =
  'The run this step was measuring was reset or replaced, so it cannot go on. Restart the step to measure it again.';

export const TOO_EARLY =
  'That action came before the step had measured its baseline, so it does not count. Restart the step to measure it cleanly.';

export function createLessonStore(app: AppStore, storage: Storage | null): LessonStore {
  /** The lab run this lesson step belongs to, and whether it has not delivered a frame yet. */
  let ownRunId = -1;
  let waitingForRun = false;
  let commandsSeen = 0;
  /** Commands the lesson itself issued (setup), which never count as the learner's action. */
  const ownCommands = new WeakSet<Command>();

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

    /** Enters a step; `rebuild` replays the earlier steps (deep link, Back, restart). */
    const enter = (lesson: Lesson, stepIndex: number, rebuild: boolean) => {
      const step = lesson.steps[stepIndex] as Step;
      let marks: Readonly<Record<string, MarkRecord>> = rebuild ? {} : get().marks;
      let figures: FigureValues = rebuild ? {} : get().figures;
      let replay: Replay | undefined;
      if (rebuild && stepIndex > 0) {
        const player = new LessonPlayer(lesson, app.getState().seed);
        for (let i = 0; i < stepIndex; i++) player.play(i);
        figures = player.figures;
        if (!step.restart) {
          const state = player.state();
          replay = { commands: state.commands, untilMs: state.untilMs };
          marks = state.marks;
        }
      }
      if (step.restart) marks = {};
      const newRun = rebuild || step.restart !== undefined || stepIndex === 0;
      // Claim the next run before anything notifies the listener below (an in-process
      // simulation even answers within startRun itself).
      if (newRun) {
        ownRunId = app.getState().runId + 1;
        waitingForRun = true;
      }
      set({
        lessonId: lesson.id,
        stepIndex,
        finished: false,
        status: NEW_STEP,
        reviewIndex: null,
        ...((get().lessonId !== lesson.id || (rebuild && stepIndex === 0)) && { predictions: {} }),
        marks,
        figures,
        pickerOpen: false,
        message: null,
        progress: remember(lesson.id, stepIndex, false),
      });
      app.getState().actions.setStopAt(null);
      if (newRun) {
        const lab = app.getState();
        lab.actions.startRun(scenarioForStep(lesson, stepIndex), lab.seed, replay);
      } else {
        begin(app.getState());
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
        ownRunId = -1;
        set({ lessonId: null, stepIndex: 0, finished: false, status: NEW_STEP, reviewIndex: null, message: null });
      },
      next: () => {
        const here = current();
        if (!here) return;
        const review = get().reviewIndex;
        if (review !== null) return set({ reviewIndex: review + 1 < get().stepIndex ? review + 1 : null });
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
        set({
          status: { ...get().status, prediction },
          ...(id && { predictions: { ...get().predictions, [id]: prediction } }),
        });
      },
      doItForMe: () => {
        const step = current()?.step;
        if (!step?.action || get().reviewIndex !== null || get().status.actedAtMs !== null) return;
        const ready = readyAtMs(step);
        const now = app.getState().frame?.timeMs ?? 0;
        if (ready === null || now < ready) return;
        for (const input of step.action.perform) {
          const parsed = parseCommand(input);
          if (parsed.ok) app.getState().actions.apply(parsed.value, `lesson: ${step.action.prompt}`);
        }
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
      marks: {},
      figures: {},
      pickerOpen: false,
      progress: loadProgress(storage),
      message: null,
      actions,
    };
  });

  const currentStep = (): Step | null => {
    const s = store.getState();
    return s.lessonId === null || s.finished ? null : (getLesson(s.lessonId)?.steps[s.stepIndex] ?? null);
  };

  /** The step starts: its setup commands go in and its starting moment is marked. */
  function begin(lab: AppState): void {
    const step = currentStep();
    if (!step || !lab.frame) return;
    for (const input of step.setup) {
      const parsed = parseCommand(input);
      if (!parsed.ok) {
        store.setState({ message: `A setup command of this step is invalid: ${parsed.errors.join('; ')}` });
        continue;
      }
      ownCommands.add(parsed.value);
      lab.actions.apply(parsed.value, `lesson setup: ${parsed.value.type}`);
    }
    commandsSeen = lab.commandLog.length;
    const startedAtMs = lab.frame.timeMs;
    store.setState({
      marks: { ...store.getState().marks, [`step:${step.id}`]: markOf(lab.frame) },
      status: { ...store.getState().status, startedAtMs },
    });
    if (!step.action) watchUntil(lab, startedAtMs + step.observeMs);
    else if (step.action.afterMs > 0) lab.actions.setStopAt(startedAtMs + step.action.afterMs);
  }

  /** When the action may count: after the step's baseline. */
  function readyAtMs(step: Step): number | null {
    const started = store.getState().status.startedAtMs;
    return started === null ? null : started + (step.action?.afterMs ?? 0);
  }

  /** The baseline is over: stop holding playback there and let the learner act. */
  function maybeEndBaseline(lab: AppState): void {
    const step = currentStep();
    const ready = step ? readyAtMs(step) : null;
    if (!step?.action || ready === null || store.getState().status.actedAtMs !== null) return;
    if (lab.stopAtMs !== ready || !lab.frame || lab.frame.timeMs < ready) return;
    lab.actions.setStopAt(null);
    if (lab.playing) lab.actions.pause();
  }

  function watchUntil(lab: AppState, untilMs: number): void {
    lab.actions.setStopAt(untilMs);
    maybeReveal(lab);
  }

  function maybeReveal(lab: AppState): void {
    const step = currentStep();
    const { status, marks, figures } = store.getState();
    if (!step || !lab.frame || status.revealed || status.startedAtMs === null) return;
    const from = step.action ? status.actedAtMs : status.startedAtMs;
    if (from === null || lab.frame.timeMs < from + step.observeMs) return;
    const measured = measureFigures({ frame: lab.frame, windows: lab.windows, marks }, step.figures, figures);
    // Record the reveal before touching playback: that notifies this store's listener again.
    store.setState({ figures: measured, status: { ...status, revealed: true } });
    lab.actions.setStopAt(null);
    if (lab.playing && step.observeMs > 0) lab.actions.pause();
  }

  function noticeActions(lab: AppState): void {
    const step = currentStep();
    const log = lab.commandLog;
    const fresh = log.slice(commandsSeen);
    commandsSeen = log.length;
    if (!step?.action || !lab.topology || !lab.frame || store.getState().status.actedAtMs !== null) return;
    const { topology } = lab;
    const match = step.action.match;
    const ready = readyAtMs(step) ?? Number.POSITIVE_INFINITY;
    const matching = fresh.filter((c) => !ownCommands.has(c.command) && matchesAny(c.command, match, topology));
    const acted = matching.find((c) => c.atMs >= ready);
    if (!acted) {
      if (matching.length > 0) store.setState({ message: TOO_EARLY });
      return;
    }
    store.setState({
      marks: { ...store.getState().marks, [`action:${step.id}`]: markOf(lab.frame) },
      status: { ...store.getState().status, actedAtMs: acted.atMs },
    });
    watchUntil(lab, acted.atMs + step.observeMs);
  }

  app.subscribe((lab) => {
    const s = store.getState();
    if (s.lessonId === null || s.finished) return;
    if (lab.runId !== ownRunId) {
      if (!waitingForRun && s.message !== RUN_REPLACED) store.setState({ message: RUN_REPLACED });
      return;
    }
    if (waitingForRun) {
      if (!lab.frame) return;
      waitingForRun = false;
      begin(lab);
      return;
    }
    if (lab.commandLog.length !== commandsSeen) noticeActions(lab);
    maybeEndBaseline(lab);
    maybeReveal(lab);
  });

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
