// Combines the files of a sharded sweep into the file one machine would have written for the
// whole range. Refuses, naming the files, anything that would give a wrong answer quietly:
// shards of different experiments, of different ranges or splits, a shard given twice, a missing
// shard, or a file that is not a sweep output.
import type { ExperimentData } from '../share/experiment';
import type { SeedRow } from './runSeed';
import type { Parsed } from './seedRange';
import { outputOf, readOutput, type SweepOutput } from './sweepOutput';

export interface NamedFile {
  readonly name: string;
  readonly data: unknown;
}

export function mergeOutputs(files: readonly NamedFile[]): Parsed<SweepOutput> {
  if (files.length === 0) return { ok: false, error: '--merge needs the shard files to combine' };
  const read = [];
  for (const file of files) {
    const one = readOutput(file.name, file.data);
    if (!one.ok) return one;
    read.push({ name: file.name, ...one.value });
  }
  const first = read[0] as (typeof read)[number];
  for (const r of read) {
    if (r.output.key !== first.output.key)
      return {
        ok: false,
        error: `${r.name} is from a different sweep than ${first.name} (experiment, duration or mode differ: key ${r.output.key} against ${first.output.key})`,
      };
    if (r.output.seeds.from !== first.output.seeds.from || r.output.seeds.to !== first.output.seeds.to)
      return {
        ok: false,
        error: `${r.name} covers seeds ${rangeWords(r.output.seeds)}, ${first.name} ${rangeWords(first.output.seeds)}`,
      };
    if (r.output.shard === null)
      return { ok: false, error: `${r.name} is a whole sweep, not a shard: there is nothing to merge it with` };
    if (r.output.shard.of !== first.output.shard?.of)
      return {
        ok: false,
        error: `${r.name} is a shard of ${r.output.shard.of}, ${first.name} of ${first.output.shard?.of}`,
      };
  }
  const of = (first.output.shard as { of: number }).of;
  const byIndex = new Map<number, (typeof read)[number]>();
  for (const r of read) {
    const index = (r.output.shard as { index: number }).index;
    const twice = byIndex.get(index);
    if (twice) return { ok: false, error: `shard ${index}/${of} is given twice (${twice.name} and ${r.name})` };
    byIndex.set(index, r);
  }
  const missing = Array.from({ length: of }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    return {
      ok: false,
      error: `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${of}`).join(', ')} missing: merging part of a sweep would misstate it`,
    };
  const rows: SeedRow[] = [];
  for (let i = 1; i <= of; i++) rows.push(...(byIndex.get(i) as (typeof read)[number]).rows);
  const o = first.output;
  const identity = {
    key: o.key,
    experiment: o.experiment as ExperimentData,
    mode: o.mode,
    durationMs: o.durationMs,
    seeds: o.seeds,
  };
  return { ok: true, value: outputOf(identity, rows, null) };
}

function rangeWords(r: { from: number; to: number }): string {
  return `${r.from}-${r.to}`;
}
