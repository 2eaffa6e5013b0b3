// Lesson 2, steps 6 and 7 (issue 16): the chance of losing data in a year, over 1,000 seeds, beside
// the Markov model of a replica group. First two copies repaired in a day (the learner predicts
// the share); then a third copy against a repair six times faster (the learner predicts which
// helps more). The fleets are ten groups on disks of their own, where the model is exact, so its
// value must sit inside each sweep's 95% interval (claims check it).
import type { LessonInput } from '../lessonSchema';
import { oddsFigures } from '../oddsStep';
import { choice } from './builders';
import { copiesAndRepairCases } from './oddsCases';

type StepInput = LessonInput['steps'][number];

const [twoDay, ...alternatives] = copiesAndRepairCases;
const twoCopies = twoDay ? [twoDay] : [];

export const disksAtScaleOddsStep: StepInput = {
  id: 'odds',
  title: 'The odds of losing data in a year',
  prose:
    'Each run so far showed one possible year. Whether a year loses data is a matter of **odds**, so this step runs the same year over **1,000 seeds**: a thousand possible futures, in the background, while the lab stays yours.\n\nThe fleet is small: **ten replica groups** of **two copies**, each group on disks of its own, repaired in **a day**. Its disks fail far more often than real ones (an MTTF of **3,500 hours**, about five months), so that the odds are big enough to see in 1,000 years: the 20 disks that hold data fail about 50 times a year.\n\nBeside the measured share you will see its **95% interval** (where the true chance lies, given 1,000 seeds) and the chance from the **Markov model** of a replica group: each copy fails at random at a rate 1/MTTF, a lost copy comes back after the repair time, and a group is lost when every copy is down at once.',
  prediction: {
    kind: 'number',
    question: 'In what share of years does at least one of the ten groups lose both copies?',
    unit: 'percent',
    answer: 'twoDayShare',
    tolerance: 0.5,
    min: 0,
    max: 1,
  },
  odds: { years: 1, seeds: 1000, cases: twoCopies },
  figures: oddsFigures(twoCopies),
  reveal:
    '{{twoDayShare}} of the 1,000 years lost data (95% interval {{twoDayLow}} to {{twoDayHigh}}); the model says {{twoDayModel}}, inside the interval. A group is lost when its second disk fails within a day of the first: about 50 failures a year, each followed by a day in which the partner dies with a chance of about 24 / 3,500, or 0.7%. That is about 0.34 losses in an average year, so at least one in close to 30% of the years.',
};

export const disksAtScaleCopiesOrRepairStep: StepInput = {
  id: 'odds-copies-or-repair',
  title: 'A third copy, or a faster repair?',
  prose:
    'Two ways to lower those odds, each over another 1,000 seeds: a **third copy** of every group, still repaired in a day, or the same two copies repaired in **four hours**, six times faster.',
  prediction: choice('Which lowers the chance of losing data in a year more?', 'third', {
    third: 'The third copy, by far',
    repair: 'The repair six times faster, by far',
    same: 'About the same',
  }),
  odds: { years: 1, seeds: 1000, cases: alternatives },
  figures: oddsFigures(alternatives),
  reveal:
    'Three copies lost data in {{threeDayShare}} of the years (95% interval {{threeDayLow}} to {{threeDayHigh}}; the model: {{threeDayModel}}): a loss now needs three failures within a day of each other, and each extra one has again a chance of about 24 / 3,500. The faster repair cut two copies’ odds to {{twoFourHoursShare}} (the model: {{twoFourHoursModel}}), about a fifth. With two copies the odds grow in proportion to the repair time; with three, with its square, so the two fixes multiply.\n\nThe model fits because these groups share nothing: each disk fails on its own. A real layout spreads thousands of partitions over shared disks, so its groups are not independent, and a shared fault (a rack, a power feed) breaks the model altogether: the next lesson measures that.',
};
