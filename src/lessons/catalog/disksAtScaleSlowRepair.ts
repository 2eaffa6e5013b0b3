// Lesson 2, step 5: two copies repaired once a quarter lose partitions, about 2 × P × t × MTTR /
// MTTF² a year. That is an average over many years; one year's count also depends on how many
// disks failed in it (a loss takes two failures close together, so it grows with their square),
// and the reveal quotes the formula for the run's own failures too. The copies are placed at
// random: the lab's rack-aware layout with 100 nodes in three racks pairs a third of the
// partitions on the same 330 pairs of disks (20 or 21 each), so one unlucky pair lost 20 at once
// and single runs strayed far from the formula (24 against about 10 at the lab's seed 1).
import type { LessonInput } from '../lessonSchema';
import { constantFigure, HOUR_MS, ratioFigure, totalFigure } from './builders';

type StepInput = LessonInput['steps'][number];

export const DISK_MTTF_HOURS = 262_800; // 30 years: about 3% of disks fail each year, as large fleets report
export const YEAR_HOURS = 8_760;
export const DAY_PER_SECOND = 86_400; // time compression: one simulated second is one day of hardware life
export const YEAR_MS = (YEAR_HOURS * HOUR_MS) / DAY_PER_SECOND;
export const PARTITIONS = 20_000;
export const QUARTER_REPAIR_HOURS = 2_160;
const DISKS = 1_000;

/** Partitions lost in a year of two copies: 2 × P × t × MTTR / MTTF², less the repair windows cut off by the year's end. */
export function expectedPartitionsLost(repairHours: number): number {
  return ((2 * PARTITIONS * YEAR_HOURS * repairHours) / DISK_MTTF_HOURS ** 2) * (1 - repairHours / (2 * YEAR_HOURS));
}

/** `fleet` is the lesson's fleet of 100 storage nodes with the 90-day repair. */
export function slowRepairStep(fleet: { readonly storage: Record<string, unknown> }): StepInput {
  return {
    id: 'slow-repair',
    title: 'Two copies, repaired once a quarter',
    prose:
      'Repair speed matters as much as the number of copies. The run restarts with **two copies** of each partition, on two disks of different machines picked at random, and this time a lost replica is rebuilt only 90 days after its disk failed, as if nobody looked before the quarterly check: the MTTR is 90 days.\n\nA partition is lost when its second disk fails before the first one is replaced. The data is split into 20,000 partitions. Each has two disks, so a first failure hits it at a rate of 2 / MTTF; the other disk then fails within the repair window with a chance of about MTTR / MTTF. Over a year that is 20,000 × 2 × 8,760 × 2,160 / 262,800² ≈ 11 partitions, or about 9.6 once you allow for failures late in the year, whose repair window runs past the year’s end.\n\nThat is the average over many years. Let one more year go by.',
    restart: {
      ...fleet,
      storage: { ...fleet.storage, placement: 'random' },
      policy: { replicationFactor: 2, writeQuorum: 1 },
    },
    prediction: {
      kind: 'number',
      question: 'How many partitions will lose both copies this year?',
      unit: 'count',
      answer: 'slowPartitionsLost',
      tolerance: 1,
      min: 0,
      max: 10_000,
    },
    observeMs: YEAR_MS,
    figures: [
      totalFigure('slowFailures', 'disks that failed, quarterly repair', 'diskFailures', 'step:slow-repair'),
      totalFigure('slowPartitionsLost', 'partitions that lost both copies', 'partitionsLost', 'step:slow-repair'),
      totalFigure('slowLost', 'acknowledged writes lost, quarterly repair', 'ackedWritesLost', 'step:slow-repair'),
      constantFigure(
        'slowExpected',
        'expected partitions lost, 2 × P × t × MTTR / MTTF²',
        expectedPartitionsLost(QUARTER_REPAIR_HOURS),
      ),
      constantFigure(
        'slowFailuresExpected',
        'expected disk failures, N × t / MTTF',
        (DISKS * YEAR_HOURS) / DISK_MTTF_HOURS,
      ),
      // The formula for this run's failures: slowExpected × (F / expected F)², by ratios of ratios.
      ratioFigure('slowFailureShare', 'failures against the average', 'slowFailures', 'slowFailuresExpected'),
      ratioFigure('slowFailureShareInverse', 'the average against failures', 'slowFailuresExpected', 'slowFailures'),
      ratioFigure('slowSquareInverse', 'one over the square', 'slowFailureShareInverse', 'slowFailureShare'),
      ratioFigure(
        'slowExpectedForRun',
        'expected partitions lost for this run’s failures',
        'slowExpected',
        'slowSquareInverse',
        'count',
      ),
    ],
    reveal:
      'With {{slowFailures}} disk failures and a 90-day repair, {{slowPartitionsLost}} partitions lost both copies, taking {{slowLost}} acknowledged writes with them (this run writes only ten times a second, so most partitions held few writes; in a real store each would hold many).\n\nThe formula expects {{slowExpected}} in an average year, which has about 33 disk failures. A loss takes two failures close together, so it grows with the **square** of the failures: for the {{slowFailures}} of your run the formula gives {{slowExpectedForRun}}. Even then runs differ by a few either way, by about the square root of that number, as any count of rare events does.\n\nThe expected loss also grows in proportion to the repair time: the same two copies repaired in four hours would lose about one partition in 50 years. A second copy only protects you for as long as it takes to make a new one.',
  };
}
