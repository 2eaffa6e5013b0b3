// The odds steps of lessons 2 and 3 (issue 16): their cases are the fleets the Markov model
// describes, their sweeps run in Node exactly as in the lab's workers, and the schema refuses
// odds a browser worker could not run in seconds. The claims over them are in each lesson.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../sim/index';
import { replicaGroupFleet } from '../sweep/markovReference';
import { getLesson } from './catalog/index';
import type { FigureValues } from './figures';
import type { Lesson, Step } from './lessonSchema';
import { stepSchema } from './lessonSchema';
import { oddsFigureId } from './oddsSchema';
import { measureOddsInProcess, oddsCaseScenario, oddsCaseSpec } from './oddsStep';
import { lessonScenario } from './scenarioEdits';

// Measured: 3,000 to 4,000 seed-years of a 30- to 40-disk fleet, 2 to 3 ms each on a busy core.
const SWEEP_TIMEOUT_MS = 120_000;

function oddsStepOf(lessonId: string): { lesson: Lesson; step: Step } {
  const lesson = getLesson(lessonId) as Lesson;
  const step = lesson.steps.find((s) => s.odds) as Step;
  return { lesson, step };
}

describe('odds steps', () => {
  it('refuses more than four cases, over 64 groups and under 100 seeds', () => {
    const fleet = { replicas: 2, groups: 10, mttfHours: 3500, repairHours: 24 };
    const base = { id: 'odds', title: 'Odds', prose: 'p' };
    const c = (id: string) => ({ id, label: id, fleet });
    const cases = ['a', 'b', 'c', 'd', 'e'].map(c);
    expect(stepSchema.safeParse({ ...base, odds: { years: 1, cases } }).success).toBe(false);
    expect(stepSchema.safeParse({ ...base, odds: { years: 1, cases: cases.slice(0, 4) } }).success).toBe(true);
    const big = [{ ...c('a'), fleet: { ...fleet, groups: 65 } }];
    expect(stepSchema.safeParse({ ...base, odds: { years: 1, cases: big } }).success).toBe(false);
    expect(stepSchema.safeParse({ ...base, odds: { years: 1, seeds: 99, cases: [c('a')] } }).success).toBe(false);
  });

  it('runs each case on the fleet of independent replica groups the model describes, seeds 1 to 1,000', () => {
    const lesson = getLesson('disks-at-scale') as Lesson;
    const steps = lesson.steps.filter((s) => s.odds);
    expect(steps.map((s) => s.odds?.cases.length)).toEqual([1, 2]);
    for (const { odds } of steps) {
      for (const c of odds?.cases ?? []) {
        const expected = replicaGroupFleet(lessonScenario(lesson.scenario, lesson.edits), c.fleet);
        expect(oddsCaseScenario(lesson, c)).toEqual(expected);
        if (odds) expect(oddsCaseSpec(lesson, odds, c).seeds).toEqual({ from: 1, to: 1000 });
      }
    }
  });

  it('puts the surge of lesson 3 in the schedule of its fleet, on rack-1 where group 1 lives', () => {
    const { lesson, step } = oddsStepOf('correlated-faults');
    const surge = step.odds?.cases.find((c) => c.id === 'threeSurge');
    if (!surge) throw new Error('lesson 3 has no surge case');
    const scenario: Scenario = oddsCaseScenario(lesson, surge);
    expect(surge.modelApplies).toBe(false);
    expect(scenario.schedule).toHaveLength(1);
    expect(scenario.schedule[0]?.command).toMatchObject({ type: 'powerFailRack', rackId: 'rack-1' });
    expect(scenario.storage.placement).toBe('single-rack');
    expect(getBuiltInScenario(lesson.scenario)).toBeDefined();
  });

  it.each(['disks-at-scale', 'correlated-faults'])(
    '%s: the sweeps give every figure the step declares',
    (lessonId) => {
      const lesson = getLesson(lessonId) as Lesson;
      const steps = lesson.steps.filter((s) => s.odds);
      const values = Object.assign({}, ...steps.map((step) => measureOddsInProcess(lesson, step))) as FigureValues;
      for (const f of steps.flatMap((step) => step.figures)) expect(Number.isFinite(values[f.id]), f.id).toBe(true);
      const table = steps
        .flatMap((step) => step.odds?.cases ?? [])
        .map((c) => {
          const v = (stat: 'share' | 'low' | 'high' | 'model') => (values[oddsFigureId(c.id, stat)] ?? 0).toFixed(4);
          return `${c.id}: ${v('share')} [${v('low')}, ${v('high')}] model ${v('model')}`;
        });
      console.info(`${lessonId}\n${table.join('\n')}`);
      // Lesson 3 repeats lesson 2's cases: the same seeds give the same figures (from memory).
      for (const step of steps) expect(values).toMatchObject(measureOddsInProcess(lesson, step));
    },
    SWEEP_TIMEOUT_MS,
  );
});
