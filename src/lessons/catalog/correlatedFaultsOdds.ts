// Lesson 3, step 5 (issue 16): the odds of losing data in a year over 1,000 seeds, with two copies
// and three and a faster repair, where the Markov model of independent failures holds; then one
// correlated fault (a surge in one rack on day 10) that puts the measured odds far above it.
import type { LessonInput } from '../lessonSchema';
import { oddsFigures } from '../oddsStep';
import { HOUR_MS } from './builders';
import { copiesAndRepairClaims } from './oddsClaims';
import { copiesAndRepairCases, surgeCase } from './oddsCases';

type StepInput = LessonInput['steps'][number];

const DAY_PER_SECOND = 86_400;
/** Day 10 of the year, an hour without power: in simulated ms at a day per second. */
const SURGE_AT_MS = 10_000;
const POWER_OUT_MS = HOUR_MS / DAY_PER_SECOND;

const cases = [...copiesAndRepairCases, surgeCase(SURGE_AT_MS, POWER_OUT_MS)];

export const correlatedFaultsOddsStep: StepInput = {
  id: 'odds',
  title: 'The odds, with and without a shared fault',
  prose:
    'How likely is it to lose data in a year? This step runs a year over **1,000 seeds** for small fleets of **ten replica groups**, each group in a rack of its own with all its copies, on disks that fail far more often than real ones (an MTTF of 3,500 hours, about five months) so the odds show in 1,000 years. Three cases repeat lesson 2’s question (two copies or three, repaired in a day, and two copies repaired in four hours); the fourth adds one **correlated fault**: on day 10, a power surge in **rack-1** cuts its power for an hour and destroys each disk in it with a chance of one in two.\n\nBeside each measured share: its **95% interval**, and the chance from the **Markov model** of a replica group, which assumes that every disk fails on its own.',
  prediction: {
    kind: 'number',
    question:
      'Three copies, repaired in a day, and the surge in rack-1 on day 10: in what share of years is data lost?',
    unit: 'percent',
    answer: 'threeSurgeShare',
    tolerance: 0.5,
    min: 0,
    max: 1,
  },
  odds: { years: 1, seeds: 1000, cases },
  figures: oddsFigures(cases),
  reveal:
    'With independent failures the model fits: two copies repaired in a day lost data in {{twoDayShare}} of the years (the model: {{twoDayModel}}), three copies in {{threeDayShare}} (the model: {{threeDayModel}}), and two copies repaired in four hours in {{twoFourHoursShare}} (the model: {{twoFourHoursModel}}).\n\nThe surge changes everything: with three copies, {{threeSurgeShare}} of the years lost data (95% interval {{threeSurgeLow}} to {{threeSurgeHigh}}), while the model still says {{threeSurgeModel}}. All three copies of rack-1’s group sat behind one power feed, and each died with a chance of one in two: all three with a chance of one in eight, in a single moment, with no time to repair. The model multiplies small independent chances; a shared fault does not multiply. Spreading copies over racks, as the first steps did, is what makes the model’s arithmetic true.',
};

/** The odds step's claims: the model inside the interval where failures are independent, far below it with the surge. */
export const correlatedOddsClaims: LessonInput['claims'] = [
  ...copiesAndRepairClaims,
  {
    id: 'odds-surge-far-above-model',
    text: 'Over 1,000 seeds, with three copies in one rack and a surge there, the low end of the measured 95% interval is more than ten times the Markov model’s chance.',
    figure: 'threeSurgeLow',
    op: '>',
    than: { figure: 'threeSurgeModel', times: 10 },
  },
  {
    id: 'odds-surge-near-an-eighth',
    text: 'Over 1,000 seeds, with three copies in one rack and a surge that kills each disk with a chance of one half, data is lost in at least 8% of years (one in eight, plus the random failures).',
    figure: 'threeSurgeShare',
    op: '>=',
    than: 0.08,
  },
];
