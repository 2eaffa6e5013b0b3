// Lesson 2: one disk is reliable, thousands are not. Failures arrive at N / MTTF, so a big fleet
// loses disks every day; replication plus quick repair is what keeps acknowledged writes safe.
import type { LessonInput } from '../lessonSchema';
import { HOUR_MS, choice, constantFigure, ratioFigure, totalFigure } from './builders';
import { disksAtScaleClaims } from './disksAtScaleClaims';
import { disksAtScaleCopiesOrRepairStep, disksAtScaleOddsStep } from './disksAtScaleOdds';
import {
  DAY_PER_SECOND,
  DISK_MTTF_HOURS,
  PARTITIONS,
  QUARTER_REPAIR_HOURS,
  slowRepairStep,
  YEAR_HOURS,
  YEAR_MS,
} from './disksAtScaleSlowRepair';

const MONTH_HOURS = 720;

/**
 * A fleet of storage nodes with ten disks each, written to slowly so a simulated year stays cheap.
 * Repair: noticed after half an hour, copied in three and a half (MTTR about four hours).
 */
function fleet(nodes: number, enabled: boolean, repairHours = 4) {
  return {
    clients: { rateRps: 10, readShare: 0 },
    storage: {
      count: nodes,
      disksPerNode: 10,
      partitions: PARTITIONS,
      repairDetectMs: (repairHours - 3.5) * HOUR_MS,
      repairCopyMs: 3.5 * HOUR_MS,
      maxParallelRepairs: 50,
      antiEntropyIntervalMs: 60_000,
    },
    hardwareFaults: {
      enabled,
      diskMttfHours: DISK_MTTF_HOURS,
      nodeMttfHours: 50_000,
      nodeRepairHours: 4,
      timeCompression: DAY_PER_SECOND,
    },
  };
}

export const disksAtScale: LessonInput = {
  id: 'disks-at-scale',
  number: 2,
  title: 'Disks die at scale',
  summary:
    'A disk lasts decades, but a fleet of thousands loses one almost every day. Count the failures, lose data with one copy, and keep it with three copies and fast repair.',
  minutes: 10,
  scenario: 'default',
  edits: { policy: { replicationFactor: 1, writeQuorum: 1, readQuorum: 1 } },
  steps: [
    {
      id: 'one-disk',
      title: 'A disk takes its data with it',
      prose:
        'This cluster keeps **one copy** of every partition: replication factor 1. Six storage nodes with three disks each hold 120 partitions, so each disk holds about one eighteenth of the data.\n\nLet the users write for a few seconds, then click any storage node and choose **Fail disk 0** (or any disk).',
      prediction: choice(
        'With one copy of each partition, what happens to the writes stored on the disk you fail?',
        'gone',
        {
          safe: 'Nothing: the cluster copies them elsewhere',
          gone: 'They are gone for good, even though users were told they were saved',
          all: 'Every write in the cluster is lost',
        },
      ),
      action: {
        prompt: 'Fail any disk of any storage node.',
        match: [{ type: 'failDisk' }],
        perform: [{ type: 'failDisk', nodeId: 'db-2', disk: 0 }],
        afterMs: 10_000,
      },
      observeMs: 1000,
      only: ['failDisk'],
      figures: [
        totalFigure('oneDiskAcked', 'writes acknowledged so far', 'writesAcked', 'step:one-disk'),
        totalFigure('oneDiskLost', 'acknowledged writes lost with the disk', 'ackedWritesLost', 'step:one-disk'),
        totalFigure('oneDiskPartitions', 'partitions that lost their only copy', 'partitionsLost', 'step:one-disk'),
        ratioFigure('oneDiskShare', 'share of all saved writes lost', 'oneDiskLost', 'oneDiskAcked', 'percent'),
      ],
      reveal:
        'The disk took {{oneDiskPartitions}} partitions with it, and with them {{oneDiskLost}} writes that users had been told were saved: {{oneDiskShare}} of the {{oneDiskAcked}} acknowledged so far, close to the one eighteenth (5.6%) a single disk holds. The cluster will rebuild those partitions on other disks, but empty: with one copy there is nothing to copy from.',
    },
    {
      id: 'at-scale',
      title: 'Ten thousand disks',
      prose:
        'One disk fails rarely. A good disk has a **mean time to failure** (MTTF) of about 30 years: 262,800 hours. But failures add up across a fleet: with N disks, each failing at random at a rate of 1/MTTF, the fleet loses about **N × t / MTTF** disks in a time t.\n\nThe run restarts with 1,000 storage nodes of ten disks each: 10,000 disks. Time is compressed so that one simulated second is one day of hardware life. Open the **Faults** panel and turn on **random hardware failures** (the disk MTTF is already 262,800 hours), then let a month go by. Machines fail too, now and then, but a failed machine comes back with its disks after about four hours: only a failed disk destroys data.',
      restart: fleet(1_000, false),
      prediction: {
        kind: 'number',
        question: 'How many of the 10,000 disks will fail in 30 days?',
        unit: 'count',
        answer: 'monthFailures',
        tolerance: 0.35,
        min: 0,
        max: 1000,
      },
      action: {
        prompt: 'Turn on random hardware failures in the Faults panel.',
        match: [{ type: 'setHardwareFaults', fields: { enabled: true } }],
        perform: [
          {
            type: 'setHardwareFaults',
            enabled: true,
            diskMttfHours: DISK_MTTF_HOURS,
            nodeMttfHours: 50_000,
            timeCompression: DAY_PER_SECOND,
          },
        ],
        afterMs: 1000,
      },
      observeMs: (MONTH_HOURS * HOUR_MS) / DAY_PER_SECOND,
      only: ['faults'],
      figures: [
        totalFigure('monthHours', 'hardware time that passed', 'hardwareHours', 'action:at-scale', 'hours'),
        totalFigure('monthFailures', 'disks that failed in 30 days', 'diskFailures', 'action:at-scale'),
        constantFigure('monthExpected', 'expected failures, N × t / MTTF', (10_000 * MONTH_HOURS) / DISK_MTTF_HOURS),
      ],
      reveal:
        'In {{monthHours}} of hardware life, {{monthFailures}} disks failed. The formula gives 10,000 × 720 / 262,800 ≈ {{monthExpected}}: close to one a day. Failures arrive at random, so your count differs from the formula by a few: the typical spread is about the square root of the expected count, here about 5. For one disk, a failure is a once-in-decades event. For a fleet, it is part of every day, and the system has to be designed to live with it.',
    },
    {
      id: 'year-one-copy',
      title: 'A year with one copy',
      prose:
        'The run restarts with a tenth of that fleet, 1,000 disks, so a whole year fits in a few minutes. Random failures are already on, and every request is a write. Each partition still has **one copy**. When a disk fails, its partitions are rebuilt on other disks within about four hours, but empty.\n\nSpeed up playback and let a full year (365 simulated seconds) go by. Watch the count of acknowledged writes lost.',
      restart: fleet(100, true),
      prediction: choice(
        'About 33 of the 1,000 disks will fail this year. What share of the year’s acknowledged writes will be lost?',
        'small',
        {
          none: 'None: each disk is rebuilt within hours',
          small: 'A small but real share, around 1 or 2%',
          third: 'About a third',
        },
      ),
      observeMs: YEAR_MS,
      figures: [
        totalFigure('yearFailures', 'disks that failed in a year', 'diskFailures', 'step:year-one-copy'),
        constantFigure('yearExpected', 'expected failures, N × t / MTTF', (1_000 * YEAR_HOURS) / DISK_MTTF_HOURS),
        totalFigure('yearAcked', 'writes acknowledged in the year', 'writesAcked', 'step:year-one-copy'),
        totalFigure('yearLost', 'acknowledged writes lost, one copy', 'ackedWritesLost', 'step:year-one-copy'),
        constantFigure(
          'lossDivisor',
          'one over the expected share lost, 2 × MTTF / t',
          (2 * DISK_MTTF_HOURS) / YEAR_HOURS,
        ),
        ratioFigure(
          'yearLostExpected',
          'expected writes lost, W × t / (2 × MTTF)',
          'yearAcked',
          'lossDivisor',
          'count',
        ),
        ratioFigure('yearLostShare', 'share of the year’s writes lost', 'yearLost', 'yearAcked', 'percent'),
      ],
      reveal:
        '{{yearFailures}} disks failed (the formula says {{yearExpected}}), and {{yearLost}} of {{yearAcked}} acknowledged writes were lost: {{yearLostShare}}. There is a formula for that too. A write made at a random moment of the year sits on one disk for the rest of the year, half a year on average, and that disk dies within half a year with a chance of about 4,380 / 262,800. So about 1 in 60 writes is lost: {{yearLostExpected}} here. Every user of this system would, sooner or later, lose something they were told was saved.',
    },
    {
      id: 'year-three-copies',
      title: 'Three copies, repaired in four hours',
      prose:
        'The run restarts with the same 1,000 disks and the same random failures, but now every partition has **three copies** on three different nodes (replication factor 3, and a write is acknowledged once two copies have it). When a disk dies, the cluster notices within half an hour and copies each lost replica from a surviving one to a healthy disk, which takes about three and a half hours: the **mean time to repair** (MTTR) is about four hours.\n\nLet another year go by.',
      restart: { ...fleet(100, true), policy: { replicationFactor: 3, writeQuorum: 2 } },
      prediction: choice('How many acknowledged writes will be lost this year?', 'none', {
        none: 'None',
        third: 'About a third as many as with one copy',
        same: 'About as many as with one copy',
      }),
      observeMs: YEAR_MS,
      figures: [
        totalFigure('rf3Failures', 'disks that failed, three copies', 'diskFailures', 'step:year-three-copies'),
        totalFigure('rf3Repairs', 'replicas rebuilt', 'repairsCompleted', 'step:year-three-copies'),
        totalFigure('rf3Lost', 'acknowledged writes lost, three copies', 'ackedWritesLost', 'step:year-three-copies'),
        totalFigure('rf3PartitionsLost', 'partitions that lost every copy', 'partitionsLost', 'step:year-three-copies'),
      ],
      reveal:
        'Again {{rf3Failures}} disks failed, and the cluster rebuilt {{rf3Repairs}} replicas, but {{rf3Lost}} acknowledged writes were lost. To lose a write, all three disks holding it would have to fail within the same few hours, before a new copy is made. With a four-hour repair and a 30-year MTTF, the chance that a given other disk fails in that window is about 4 / 262,800, and it must happen twice. Redundancy does not stop disks from failing; it turns each failure into routine repair work.',
    },
    slowRepairStep(fleet(100, true, QUARTER_REPAIR_HOURS)),
    disksAtScaleOddsStep,
    disksAtScaleCopiesOrRepairStep,
  ],
  claims: disksAtScaleClaims,
  conclusion:
    'You saw {{monthFailures}} of 10,000 disks fail in a month, as N × t / MTTF predicts: at scale, hardware faults are a daily event. With one copy, a year of failures lost {{yearLost}} acknowledged writes. With three copies and a four-hour repair, the same year of failures lost {{rf3Lost}}. With two copies and a 90-day repair, {{slowPartitionsLost}} partitions were lost anyway. Durability comes from redundancy and from repairing faster than the next failure arrives.',
  freeExperiment:
    'Keep two copies but shorten the repair: how short must the repair be before a year passes with no partition lost? Or turn machine failures up in the Faults panel: a crashed machine keeps its disks, so do you lose data, or only availability?',
};
