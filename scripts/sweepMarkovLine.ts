// The Markov model's chance beside a durability sweep's measured one (src/sweep/markovReference.ts):
// exact when each partition's copies sit on disks of their own, an overstatement when partitions
// share disks, which the line says so a reader does not take it for the answer.
import type { Scenario } from '../src/sim/index';
import { markovReferenceOf } from '../src/sweep/markovReference';
import type { ReferenceLines } from './sweepWords';

const percent = (p: number) => (p >= 0.001 ? `${(p * 100).toPrecision(3)}%` : `${p.toExponential(2)}`);

export const markovLines: ReferenceLines = (scenario: Scenario, durationMs: number) => {
  if (!scenario.hardwareFaults.enabled) return [];
  const m = markovReferenceOf(scenario, durationMs);
  const disks = scenario.storage.count * scenario.storage.disksPerNode;
  const shared = m.groups * m.replicas > disks;
  return [
    `  Markov model  ${percent(m.probability)}: ${m.groups.toLocaleString('en')} independent groups of ${m.replicas} copies, disk MTTF ${m.mttfHours.toLocaleString('en')} h, repair ${Number(m.mttrHours.toFixed(2))} h`,
    ...(shared
      ? [
          `                (likely an overstatement here: ${m.groups.toLocaleString('en')} partitions share ${disks.toLocaleString('en')} disks, so fewer groups fail independently)`,
        ]
      : []),
  ];
};
