// Rebuilding a lesson step reached by a link, Back or a restart: the earlier steps played without
// a screen, as the learner would have (each action's `perform`), for the figures their reveals
// quoted and the run the step goes on from. Pure and synchronous; the page runs it in a worker
// (it can take seconds for a lesson with a simulated year in it) and tests run it in-process.
import type { TimedCommand } from '../sim/index';
import { getLesson } from './catalog/index';
import type { FigureValues, MarkRecord } from './figures';
import { LessonPlayer } from './headless';

export interface RebuildRequest {
  readonly lessonId: string;
  readonly seed: number;
  /** The step to rebuild up to (zero-based): steps before it are played. */
  readonly stepIndex: number;
}

export interface RebuiltSteps {
  readonly figures: FigureValues;
  /** Where the run stands after the earlier steps (absent when the step restarts its own run). */
  readonly run?: {
    readonly commands: readonly TimedCommand[];
    readonly untilMs: number;
    readonly marks: Readonly<Record<string, MarkRecord>>;
  };
}

/** Plays the steps before `stepIndex`, telling `onStep` after each; throws for an unknown lesson or step. */
export function rebuildSteps(request: RebuildRequest, onStep: (done: number) => void = () => {}): RebuiltSteps {
  const lesson = getLesson(request.lessonId);
  const step = lesson?.steps[request.stepIndex];
  if (!lesson || !step) throw new Error(`There is no step ${request.stepIndex + 1} in lesson "${request.lessonId}".`);
  const player = new LessonPlayer(lesson, request.seed);
  for (let i = 0; i < request.stepIndex; i++) {
    player.play(i);
    onStep(i + 1);
  }
  if (step.restart) return { figures: player.figures };
  const { commands, untilMs, marks } = player.state();
  return { figures: player.figures, run: { commands: [...commands], untilMs, marks } };
}

/** How the lesson store gets a rebuild done; `cancel` drops it (no callback follows). */
export type Rebuilder = (
  request: RebuildRequest,
  callbacks: {
    readonly onProgress: (stepsDone: number) => void;
    readonly onDone: (result: RebuiltSteps) => void;
    readonly onError: (message: string) => void;
  },
) => { cancel(): void };

/** On the calling thread, answering before it returns (store tests, the custom element's lab). */
export const rebuildInProcess: Rebuilder = (request, { onProgress, onDone, onError }) => {
  try {
    onDone(rebuildSteps(request, onProgress));
  } catch (error) {
    onError((error as Error).message);
  }
  return { cancel: () => {} };
};

/** At most one rebuild at a time: starting another, or cancel(), drops the one under way. */
export class RebuildSlot {
  private handle: { cancel(): void } | null = null;

  constructor(private readonly rebuild: Rebuilder) {}

  start(
    request: RebuildRequest,
    onProgress: (stepsDone: number) => void,
    onDone: (result: RebuiltSteps) => void,
    onError: (message: string) => void,
  ): void {
    this.cancel();
    let answered = false;
    const settle = () => {
      answered = true;
      this.handle = null;
    };
    const handle = this.rebuild(request, {
      onProgress,
      onDone: (result) => (settle(), onDone(result)),
      onError: (message) => (settle(), onError(message)),
    });
    // An in-process rebuild has answered before it returns.
    if (!answered) this.handle = handle;
  }

  /** Whether a rebuild is under way. */
  get busy(): boolean {
    return this.handle !== null;
  }

  cancel(): void {
    this.handle?.cancel();
    this.handle = null;
  }
}
