// Watches the lab's run for the lesson step: the step begins once its run delivers a frame (its
// setup goes in, its start is marked), the learner's action is recognised among the commands they
// issue, playback is held at the end of the baseline and of the observation, and the reveal's
// figures are measured from the run. Split from lessonStore.ts, which decides which step is on.
import { matchesAny } from '../lessons/actions';
import { getLesson } from '../lessons/catalog/index';
import { markOf, measureFigures } from '../lessons/figures';
import type { Step } from '../lessons/lessonSchema';
import { parseCommand, type Command } from '../sim/index';
import type { AppState, AppStore } from './appState';
import { RUN_REPLACED, TOO_EARLY, type LessonStore } from './lessonState';

export function createStepWatch(app: AppStore) {
  let store: LessonStore | null = null;
  /** The lab run this lesson step belongs to, and whether it has not delivered a frame yet. */
  let ownRunId = -1;
  let waitingForRun = false;
  let commandsSeen = 0;
  /** Commands the lesson itself issued (setup), which never count as the learner's action. */
  const ownCommands = new WeakSet<Command>();

  const lessons = (): LessonStore => {
    if (!store) throw new Error('the step watch has no lesson store yet');
    return store;
  };

  const currentStep = (): Step | null => {
    const s = lessons().getState();
    return s.lessonId === null || s.finished ? null : (getLesson(s.lessonId)?.steps[s.stepIndex] ?? null);
  };

  /** The step starts: its setup commands go in and its starting moment is marked. */
  function begin(lab: AppState): void {
    const step = currentStep();
    if (!step || !lab.frame) return;
    for (const input of step.setup) {
      const parsed = parseCommand(input);
      if (!parsed.ok) {
        lessons().setState({ message: `A setup command of this step is invalid: ${parsed.errors.join('; ')}` });
        continue;
      }
      ownCommands.add(parsed.value);
      lab.actions.apply(parsed.value, `lesson setup: ${parsed.value.type}`);
    }
    commandsSeen = lab.commandLog.length;
    const startedAtMs = lab.frame.timeMs;
    lessons().setState({
      marks: { ...lessons().getState().marks, [`step:${step.id}`]: markOf(lab.frame) },
      status: { ...lessons().getState().status, startedAtMs },
    });
    if (!step.action) watchUntil(lab, startedAtMs + step.observeMs);
    else if (step.action.afterMs > 0) lab.actions.setStopAt(startedAtMs + step.action.afterMs);
  }

  /** When the action may count: after the step's baseline. */
  function readyAtMs(step: Step): number | null {
    const started = lessons().getState().status.startedAtMs;
    return started === null ? null : started + (step.action?.afterMs ?? 0);
  }

  /** The baseline is over: stop holding playback there and let the learner act. */
  function maybeEndBaseline(lab: AppState): void {
    const step = currentStep();
    const ready = step ? readyAtMs(step) : null;
    if (!step?.action || ready === null || lessons().getState().status.actedAtMs !== null) return;
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
    const { status, marks, figures } = lessons().getState();
    if (!step || !lab.frame || status.revealed || status.startedAtMs === null) return;
    const from = step.action ? status.actedAtMs : status.startedAtMs;
    if (from === null || lab.frame.timeMs < from + step.observeMs) return;
    const measured = measureFigures({ frame: lab.frame, windows: lab.windows, marks }, step.figures, figures);
    // Record the reveal before touching playback: that notifies this store's listener again.
    lessons().setState({ figures: measured, status: { ...status, revealed: true } });
    lab.actions.setStopAt(null);
    if (lab.playing && step.observeMs > 0) lab.actions.pause();
  }

  function noticeActions(lab: AppState): void {
    const step = currentStep();
    const log = lab.commandLog;
    const fresh = log.slice(commandsSeen);
    commandsSeen = log.length;
    if (!step?.action || !lab.topology || !lab.frame || lessons().getState().status.actedAtMs !== null) return;
    const { topology } = lab;
    const match = step.action.match;
    const ready = readyAtMs(step) ?? Number.POSITIVE_INFINITY;
    const matching = fresh.filter((c) => !ownCommands.has(c.command) && matchesAny(c.command, match, topology));
    const acted = matching.find((c) => c.atMs >= ready);
    if (!acted) {
      if (matching.length > 0) lessons().setState({ message: TOO_EARLY });
      return;
    }
    lessons().setState({
      marks: { ...lessons().getState().marks, [`action:${step.id}`]: markOf(lab.frame) },
      status: { ...lessons().getState().status, actedAtMs: acted.atMs },
    });
    watchUntil(lab, acted.atMs + step.observeMs);
  }

  return {
    attach(lessonStore: LessonStore): void {
      store = lessonStore;
    },
    /** The lab's next run is this step's: it begins when that run delivers its first frame. */
    claimNextRun(): void {
      ownRunId = app.getState().runId + 1;
      waitingForRun = true;
    },
    /** No run is the step's (a rebuild is under way, or the lesson closed). */
    release(): void {
      ownRunId = -1;
    },
    begin,
    readyAtMs,
    onLabChange(lab: AppState): void {
      const s = lessons().getState();
      if (s.lessonId === null || s.finished || s.rebuilding) return;
      if (lab.runId !== ownRunId) {
        if (!waitingForRun && s.message !== RUN_REPLACED) lessons().setState({ message: RUN_REPLACED });
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
    },
  };
}
