// The fleets the odds steps of lessons 2 and 3 sweep: ten replica groups, each on disks of its
// own (the layout the Markov model describes exactly), with disks that fail far more often than
// the lessons' real ones (MTTF 3,500 hours, about five months) so that 1,000 seeds show the odds:
// two copies repaired in a day lose data in about 29% of years, three copies in about 0.3%.
import type { OddsCase } from '../oddsSchema';

type OddsCaseInput = Omit<OddsCase, 'modelApplies'> & { readonly modelApplies?: boolean };

export const ODDS_MTTF_HOURS = 3500;
export const ODDS_GROUPS = 10;

const fleet = (replicas: number, repairHours: number) => ({
  replicas,
  groups: ODDS_GROUPS,
  mttfHours: ODDS_MTTF_HOURS,
  repairHours,
});

/** Two copies and three, repaired in a day, and two copies repaired in four hours. */
export const copiesAndRepairCases: readonly OddsCaseInput[] = [
  { id: 'twoDay', label: 'two copies, a day to repair', fleet: fleet(2, 24) },
  { id: 'threeDay', label: 'three copies, a day to repair', fleet: fleet(3, 24) },
  { id: 'twoFourHours', label: 'two copies, four hours to repair', fleet: fleet(2, 4) },
];

/** Three copies, a day to repair, and on day 10 a surge in rack-1 kills each of its disks with chance 1/2. */
export function surgeCase(atMs: number, powerOutMs: number): OddsCaseInput {
  return {
    id: 'threeSurge',
    label: 'three copies, a day, and a power surge in rack-1',
    fleet: fleet(3, 24),
    edits: {
      schedule: [
        {
          atMs,
          command: { type: 'powerFailRack', rackId: 'rack-1', durationMs: powerOutMs, diskFailShare: 0.5 },
        },
      ],
    },
    modelApplies: false,
  };
}
