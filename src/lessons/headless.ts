// Runs a lesson without a screen, doing what the learner is asked to do (each action's
// `perform`), so tests can check every claim over many seeds. Same figures code as the lab.
import {
  createSimulation,
  parseCommand,
  type Frame,
  type Scenario,
  type Simulation,
  type TimedCommand,
  type WindowMetrics,
} from '../sim/index';
import { matchesAny } from './actions';
import { judgeClaims, type ClaimResult } from './claims';
import { markOf, measureFigures, type FigureValues, type MarkRecord, type RunRecord } from './figures';
import type { Lesson, Step } from './lessonSchema';
import { measureOddsInProcess } from './oddsStep';
import { lessonScenario } from './scenarioEdits';

// The simulation keeps ten minutes of windows; collect them more often than that.
const CHUNK_MS = 300_000;

class HeadlessRun {
  readonly windows: WindowMetrics[] = [];
  readonly marks: Record<string, MarkRecord> = {};
  private lastFrame: Frame;

  constructor(readonly sim: Simulation) {
    this.lastFrame = sim.frame(-1, -1, Number.MAX_SAFE_INTEGER);
  }

  advance(ms: number): void {
    const until = this.sim.nowMs + ms;
    while (this.sim.nowMs < until) {
      this.sim.runUntil(Math.min(until, this.sim.nowMs + CHUNK_MS));
      this.refresh();
    }
    this.refresh();
  }

  private refresh(): void {
    const seen = this.windows.at(-1)?.endMs ?? -1;
    this.lastFrame = this.sim.frame(Number.MAX_SAFE_INTEGER, seen, Number.MAX_SAFE_INTEGER);
    this.windows.push(...this.lastFrame.newWindows);
  }

  mark(name: string): void {
    this.refresh();
    this.marks[name] = markOf(this.lastFrame);
  }

  record(): RunRecord {
    this.refresh();
    return { frame: this.lastFrame, windows: this.windows, marks: this.marks };
  }
}

function apply(sim: Simulation, input: unknown, where: string): void {
  const result = sim.apply(input);
  if (!result.ok) throw new Error(`${where}: command rejected: ${result.error}`);
}

/** The scenario a step runs in: the lesson's, changed by the latest restart at or before it. */
export function scenarioForStep(lesson: Lesson, stepIndex: number): Scenario {
  const restart = lesson.steps
    .slice(0, stepIndex + 1)
    .reverse()
    .find((s) => s.restart)?.restart;
  return lessonScenario(lesson.scenario, lesson.edits, ...(restart ? [restart] : []));
}

/** A lesson played step by step without a screen, the learner's actions done by `perform`. */
export class LessonPlayer {
  private run: HeadlessRun;
  figures: FigureValues = {};

  constructor(
    private readonly lesson: Lesson,
    private readonly seed: number,
  ) {
    this.run = new HeadlessRun(createSimulation(scenarioForStep(lesson, 0), seed));
  }

  play(stepIndex: number): void {
    const lesson = this.lesson;
    const step = lesson.steps[stepIndex] as Step;
    const where = `lesson ${lesson.id}, step ${step.id}`;
    if (step.restart) this.run = new HeadlessRun(createSimulation(scenarioForStep(lesson, stepIndex), this.seed));
    const run = this.run;
    for (const command of step.setup) apply(run.sim, command, `${where} setup`);
    run.mark(`step:${step.id}`);
    if (step.action) {
      run.advance(step.action.afterMs);
      const topology = run.sim.topology();
      for (const command of step.action.perform) {
        const parsed = parseCommand(command);
        if (!parsed.ok || !matchesAny(parsed.value, step.action.match, topology))
          throw new Error(`${where}: perform ${JSON.stringify(command)} does not satisfy the action it stands for`);
        apply(run.sim, command, `${where} action`);
      }
      run.mark(`action:${step.id}`);
    }
    run.advance(step.observeMs);
    const known = step.odds ? { ...this.figures, ...measureOddsInProcess(lesson, step) } : this.figures;
    this.figures = measureFigures(run.record(), step.figures, known);
  }

  /** Where the current run stands: enough to rebuild it elsewhere (the lab's worker) exactly. */
  state(): { commands: readonly TimedCommand[]; untilMs: number; marks: Readonly<Record<string, MarkRecord>> } {
    return { commands: this.run.sim.commands(), untilMs: this.run.sim.nowMs, marks: { ...this.run.marks } };
  }
}

/** The seeds the claim tests run every lesson with (and `npm run lesson` by default). */
export const CLAIM_SEEDS: readonly number[] = Array.from({ length: 20 }, (_, i) => 1000 + i * 7919);

export interface LessonOutcome {
  readonly figures: FigureValues;
  readonly claims: ClaimResult[];
}

export function runLesson(lesson: Lesson, seed: number): LessonOutcome {
  const player = new LessonPlayer(lesson, seed);
  lesson.steps.forEach((_, i) => player.play(i));
  return { figures: player.figures, claims: judgeClaims(lesson.claims, player.figures) };
}
