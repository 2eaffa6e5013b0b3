// Runs a lesson without a screen, doing what the learner is asked to do (each action's
// `perform`), so tests can check every claim over many seeds. Same figures code as the lab.
import { createSimulation, parseCommand, type Frame, type Simulation, type WindowMetrics } from '../sim/index';
import { matchesAny } from './actions';
import { judgeClaims, type ClaimResult } from './claims';
import { markOf, measureFigures, type FigureValues, type MarkRecord, type RunRecord } from './figures';
import type { Lesson, Step } from './lessonSchema';
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

function startRun(lesson: Lesson, step: Step | null, seed: number): HeadlessRun {
  const edits = step?.restart ? [lesson.edits, step.restart] : [lesson.edits];
  return new HeadlessRun(createSimulation(lessonScenario(lesson.scenario, ...edits), seed));
}

export interface LessonOutcome {
  readonly figures: FigureValues;
  readonly claims: ClaimResult[];
}

export function runLesson(lesson: Lesson, seed: number): LessonOutcome {
  let run = startRun(lesson, null, seed);
  let figures: FigureValues = {};
  for (const step of lesson.steps) {
    const where = `lesson ${lesson.id}, step ${step.id}`;
    if (step.restart) run = startRun(lesson, step, seed);
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
    figures = measureFigures(run.record(), step.figures, figures);
  }
  return { figures, claims: judgeClaims(lesson.claims, figures) };
}
