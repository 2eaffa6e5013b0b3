// What an odds step runs and shows: each case's scenario (the lesson's cluster rebuilt as a fleet
// of independent replica groups, then the case's edits), the sweep spec for it, and the figures a
// finished sweep gives (share of seeds that lost data, its 95% interval, the Markov model's value).
// The lab runs the sweeps in Web Workers; tests and rebuilds run them here, once per step.
import { parseScenario, type Scenario } from '../sim/index';
import { markovReferenceOf, replicaGroupFleet } from '../sweep/markovReference';
import { runSeeds } from '../sweep/runSeed';
import { summarize, type Proportion } from '../sweep/summary';
import { prepareSweep, specOf, yearsToMs, type SweepSpec } from '../sweep/sweepSpec';
import type { FigureValues } from './figures';
import type { Lesson, LessonInput, Step } from './lessonSchema';
import { oddsFigureId, oddsStats, type Odds, type OddsCase, type OddsStat } from './oddsSchema';
import { lessonScenario, mergePatch } from './scenarioEdits';

type FigureInput = NonNullable<LessonInput['steps'][number]['figures']>[number];

/** The scenario a case's seeds run: the lesson's cluster as the case's fleet, then its edits. */
export function oddsCaseScenario(lesson: Lesson, c: OddsCase): Scenario {
  const fleet = replicaGroupFleet(lessonScenario(lesson.scenario, lesson.edits), c.fleet);
  if (!c.edits) return fleet;
  const parsed = parseScenario(mergePatch(fleet, c.edits));
  if (!parsed.ok) throw new Error(`odds case ${c.id} is invalid: ${parsed.errors.join('; ')}`);
  return parsed.value;
}

/** Seeds 1 to `seeds`, the same for every learner: the results are the lesson's, not the run's. */
export function oddsCaseSpec(lesson: Lesson, odds: Odds, c: OddsCase): SweepSpec {
  const scenario = oddsCaseScenario(lesson, c);
  return specOf(
    { scenario, seed: 1, commands: [], atMs: 0 },
    { from: 1, to: odds.seeds },
    yearsToMs(scenario, odds.years),
    'durability',
  );
}

/** The Markov model's chance for a case: every group independent, failures at random. */
export function oddsCaseModel(lesson: Lesson, odds: Odds, c: OddsCase): number {
  const scenario = oddsCaseScenario(lesson, c);
  return markovReferenceOf(scenario, yearsToMs(scenario, odds.years)).probability;
}

/** The figures a case's finished sweep gives. */
export function oddsCaseValues(c: OddsCase, lost: Proportion, model: number): FigureValues {
  const values: Record<OddsStat, number> = {
    share: lost.share,
    low: lost.low,
    high: lost.high,
    model,
    count: lost.count,
  };
  return Object.fromEntries(oddsStats.map((stat) => [oddsFigureId(c.id, stat), values[stat]]));
}

/** Whether a case's figures are all in (its sweep finished). */
export function oddsCaseMeasured(c: OddsCase, figures: FigureValues): boolean {
  return oddsStats.every((stat) => Number.isFinite(figures[oddsFigureId(c.id, stat)]));
}

const STAT_LABELS: Readonly<Record<OddsStat, string>> = {
  share: 'share of seeds that lost data',
  low: 'lower end of the 95% interval',
  high: 'upper end of the 95% interval',
  model: 'the Markov model’s chance',
  count: 'seeds that lost data',
};

/** The figures an odds step declares, so reveals, predictions and claims can name them. */
export function oddsFigures(cases: readonly { readonly id: string; readonly label: string }[]): FigureInput[] {
  return cases.flatMap((c) =>
    oddsStats.map((stat) => ({
      id: oddsFigureId(c.id, stat),
      label: `${STAT_LABELS[stat]}, ${c.label}`,
      unit: stat === 'count' ? ('count' as const) : ('percent' as const),
      measure: { kind: 'odds' as const, case: c.id, stat },
    })),
  );
}

/** Sweeps already run on this thread, by what they ran (two lessons share cases): their proportions. */
const swept = new Map<string, Proportion>();

function sweepInProcess(lesson: Lesson, odds: Odds, c: OddsCase): Proportion {
  const prepared = prepareSweep(oddsCaseSpec(lesson, odds, c));
  if (!prepared.ok) throw new Error(`odds case ${c.id}: ${prepared.error}`);
  const key = `${prepared.value.key} ${odds.seeds}`;
  const known = swept.get(key);
  if (known) return known;
  const lost = summarize(runSeeds(prepared.value, 1, odds.seeds), 'durability').dataLost;
  swept.set(key, lost);
  return lost;
}

/** An odds step's figures computed on this thread (claim tests, rebuilds); each sweep runs once. */
export function measureOddsInProcess(lesson: Lesson, step: Step): FigureValues {
  const odds = step.odds;
  if (!odds) return {};
  return Object.assign(
    {},
    ...odds.cases.map((c) => oddsCaseValues(c, sweepInProcess(lesson, odds, c), oddsCaseModel(lesson, odds, c))),
  ) as FigureValues;
}
