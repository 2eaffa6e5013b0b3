// The file a sweep writes (`npm run sweep -- … --json`, the lab's Export JSON): what was run, the
// rows of every seed (compact: one array per seed, in `columns` order) and the summary. A shard's
// file holds its slice's rows; merging every shard of one sweep gives, byte for byte, the file one
// machine writes for the whole range. Files arrive from anywhere, so merge reads them with zod.
import { z } from 'zod';
import type { ExperimentData } from '../share/experiment';
import type { SeedRow } from './runSeed';
import { shardRange, type Parsed, type SeedRange, type Shard } from './seedRange';
import { summarize, type SweepSummary } from './summary';
import type { PreparedSweep, SweepMode } from './sweepSpec';

export const SWEEP_FORMAT = 'faultline-sweep';
export const SWEEP_FORMAT_VERSION = 1;

export const COLUMNS = [
  'seed',
  'requests',
  'failed',
  'availability',
  'p99Ms',
  'sloMet',
  'writesAcked',
  'ackedWritesLost',
  'partitionsLost',
  'diskFailures',
  'repairs',
  'refused',
  'logHash',
] as const satisfies readonly (keyof SeedRow)[];

export interface SweepOutput {
  readonly format: typeof SWEEP_FORMAT;
  readonly version: typeof SWEEP_FORMAT_VERSION;
  /** Names the experiment, duration and mode; every shard of one sweep has the same. */
  readonly key: string;
  readonly experiment: ExperimentData;
  readonly mode: SweepMode;
  readonly durationMs: number;
  /** The whole sweep's seeds; a shard's rows are its slice of them. */
  readonly seeds: SeedRange;
  readonly shard: Shard | null;
  readonly columns: typeof COLUMNS;
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
  /** Null for a shard whose slice is empty (more shards than seeds). */
  readonly summary: SweepSummary | null;
}

/** What a file says it ran. */
export interface SweepIdentity {
  readonly key: string;
  readonly experiment: ExperimentData;
  readonly mode: SweepMode;
  readonly durationMs: number;
  readonly seeds: SeedRange;
}

export function identityOf(sweep: PreparedSweep): SweepIdentity {
  const { experiment, mode, durationMs, seeds } = sweep.spec;
  return { key: sweep.key, experiment, mode, durationMs, seeds };
}

export function outputOf(who: SweepIdentity, rows: readonly SeedRow[], shard: Shard | null): SweepOutput {
  return {
    format: SWEEP_FORMAT,
    version: SWEEP_FORMAT_VERSION,
    key: who.key,
    experiment: who.experiment,
    mode: who.mode,
    durationMs: who.durationMs,
    seeds: who.seeds,
    shard,
    columns: COLUMNS,
    rows: rows.map((r) => COLUMNS.map((c) => r[c])),
    summary: rows.length === 0 ? null : summarize(rows, who.mode),
  };
}

/** One line per seed, with a header: for spreadsheets. */
export function rowsCsv(rows: readonly SeedRow[]): string {
  const cell = (v: string | number | boolean | null) => (v === null ? '' : String(v));
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/** The rows as objects again, from their compact arrays (in COLUMNS order). */
export function rowsOf(output: Pick<SweepOutput, 'rows'>): SeedRow[] {
  return output.rows.map(
    (cells) => Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i] ?? null])) as unknown as SeedRow,
  );
}

const cellSchema = z.union([z.string().max(64), z.number(), z.boolean(), z.null()]);
const shardSchema = z.strictObject({ index: z.number().int().min(1), of: z.number().int().min(1) });
const outputSchema = z.object({
  format: z.literal(SWEEP_FORMAT),
  version: z.literal(SWEEP_FORMAT_VERSION),
  key: z.string().max(64),
  experiment: z.record(z.string(), z.unknown()),
  mode: z.enum(['requests', 'durability']),
  durationMs: z.number().positive(),
  seeds: z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(0) }),
  shard: shardSchema.nullable(),
  columns: z.array(z.string()),
  rows: z.array(z.array(cellSchema)),
});

/** Reads one shard file's rows back, checked; `name` is how messages call the file. */
export function readOutput(
  name: string,
  data: unknown,
): Parsed<{ output: z.infer<typeof outputSchema>; rows: SeedRow[] }> {
  const parsed = outputSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `${name} is not a sweep output: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    };
  }
  const output = parsed.data;
  if (output.columns.join() !== COLUMNS.join())
    return { ok: false, error: `${name} has other columns than this version writes (${output.columns.join(', ')})` };
  const rows = rowsOf(output);
  const slice = output.shard === null ? output.seeds : shardRange(output.seeds, output.shard);
  const expected = slice === null ? 0 : slice.to - slice.from + 1;
  const inOrder = rows.every((r, i) => slice !== null && r.seed === slice.from + i);
  if (rows.length !== expected || !inOrder)
    return { ok: false, error: `${name} should hold ${expected} seeds in order (its slice of the range) but does not` };
  return { ok: true, value: { output, rows } };
}
