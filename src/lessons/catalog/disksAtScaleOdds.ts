// Lesson 2, step 6 (issue 16): the chance of losing data in a year, over 1,000 seeds, beside the
// Markov model of a replica group. The fleets are ten groups on disks of their own, where the
// model is exact, so its value must sit inside the sweep's 95% interval (a claim checks it).
import type { LessonInput } from '../lessonSchema';
import { oddsFigures } from '../oddsStep';
import { copiesAndRepairCases } from './oddsCases';

type StepInput = LessonInput['steps'][number];

export const disksAtScaleOddsStep: StepInput = {
  id: 'odds',
  title: 'The odds of losing data in a year',
  prose:
    'Each run so far showed one possible year. Whether a year loses data is a matter of **odds**, so this step runs the same year over **1,000 seeds**: a thousand possible futures, in the background, while the lab stays yours.\n\nThe fleets are small: **ten replica groups**, each on disks of its own, whose disks fail far more often than real ones (an MTTF of **3,500 hours**, about five months), so that the odds are big enough to see in 1,000 years. Three cases: **two copies** repaired in **a day**, **three copies** repaired in a day, and two copies repaired in **four hours**.\n\nBeside each measured share you will see its **95% interval** (where the true chance lies, given 1,000 seeds) and the chance from the **Markov model** of a replica group: each copy fails at random at a rate 1/MTTF, a lost copy comes back after the repair time, and a group is lost when every copy is down at once.',
  prediction: {
    kind: 'number',
    question:
      'With two copies and a day to repair, in what share of years does at least one of the ten groups lose both copies?',
    unit: 'percent',
    answer: 'twoDayShare',
    tolerance: 0.5,
    min: 0,
    max: 1,
  },
  odds: { years: 1, seeds: 1000, cases: [...copiesAndRepairCases] },
  figures: oddsFigures(copiesAndRepairCases),
  reveal:
    'With two copies and a day to repair, {{twoDayShare}} of the 1,000 years lost data (95% interval {{twoDayLow}} to {{twoDayHigh}}); the model says {{twoDayModel}}. A group is lost when its second disk fails within a day of the first: about 75 failures a year, each followed by a day in which the partner dies with a chance of 24 / 3,500.\n\nA **third copy** brings it down to {{threeDayShare}} (the model: {{threeDayModel}}): a loss now needs three failures within a day of each other, and the chance of each extra one is again about 24 / 3,500. **Faster repair** helps too: four hours instead of a day cuts two copies’ odds to {{twoFourHoursShare}} (the model: {{twoFourHoursModel}}), about a sixth. With two copies the odds grow in proportion to the repair time; with three, with its square.\n\nThe model fits because these groups share nothing: each disk fails on its own. A real layout spreads thousands of partitions over shared disks, so its groups are not independent, and a shared fault (a rack, a power feed) breaks the model altogether: the next lesson measures that.',
};
