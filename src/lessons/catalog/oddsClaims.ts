// Claims over an odds step's sweeps: the Markov model inside the 95% interval where it applies.
// The sweeps run seeds 1 to 1,000 whatever the lesson's seed, so each claim is one honest check.
import type { LessonInput } from '../lessonSchema';
import { oddsFigureId } from '../oddsSchema';

type Claim = LessonInput['claims'][number];

/** Two claims: the model's value at or above the interval's low end, and at or below its high end. */
export function modelInsideClaims(caseId: string, label: string): Claim[] {
  const kebab = caseId.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const model = oddsFigureId(caseId, 'model');
  return [
    {
      id: `odds-${kebab}-model-above-low`,
      text: `Over 1,000 seeds, ${label}: the Markov model’s chance is at or above the low end of the measured 95% interval.`,
      figure: model,
      op: '>=',
      than: { figure: oddsFigureId(caseId, 'low'), times: 1 },
    },
    {
      id: `odds-${kebab}-model-below-high`,
      text: `Over 1,000 seeds, ${label}: the Markov model’s chance is at or below the high end of the measured 95% interval.`,
      figure: model,
      op: '<=',
      than: { figure: oddsFigureId(caseId, 'high'), times: 1 },
    },
  ];
}

/** The model inside the interval for two copies and three, and for the faster repair; and the differences they teach. */
export const copiesAndRepairClaims: readonly Claim[] = [
  ...modelInsideClaims('twoDay', 'two copies repaired in a day'),
  ...modelInsideClaims('threeDay', 'three copies repaired in a day'),
  ...modelInsideClaims('twoFourHours', 'two copies repaired in four hours'),
  {
    id: 'odds-two-copies-visible',
    text: 'Over 1,000 seeds, two copies repaired in a day lose data in at least 15% of years.',
    figure: 'twoDayShare',
    op: '>=',
    than: 0.15,
  },
  {
    id: 'odds-third-copy',
    text: 'Over 1,000 seeds, three copies lose data in at most a twentieth as many years as two copies.',
    figure: 'threeDayShare',
    op: '<=',
    than: { figure: 'twoDayShare', times: 0.05 },
  },
  {
    id: 'odds-faster-repair',
    text: 'Over 1,000 seeds, repairing two copies in four hours instead of a day loses data in at most a third as many years.',
    figure: 'twoFourHoursShare',
    op: '<=',
    than: { figure: 'twoDayShare', times: 1 / 3 },
  },
];
