// Writing a sweep's result: JSON or CSV produced in pieces (a sweep of millions of seeds is larger
// than one JavaScript string may be), to stdout or to a file all at once: a temporary file in the
// same folder, renamed over the target only when complete, so a failed or stopped run leaves no
// half-written file.
import { accessSync, closeSync, constants, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { SeedRow } from '../src/sweep/runSeed';
import { COLUMNS, rowsCsv, type SweepOutput } from '../src/sweep/sweepOutput';
import { UsageError } from './simInput';

const ROWS_A_PIECE = 10_000;

/**
 * The output as JSON text in pieces: compact, with each seed's row on a line of its own, so a
 * file reads line by line and diffs well. A merge of shards and one machine write the same bytes.
 */
export function* outputJson(output: SweepOutput): Generator<string> {
  let separator = '{';
  for (const [key, value] of Object.entries(output)) {
    yield `${separator}${JSON.stringify(key)}:`;
    separator = ',';
    if (key !== 'rows') {
      yield JSON.stringify(value);
      continue;
    }
    if (output.rows.length === 0) {
      yield '[]';
      continue;
    }
    for (let i = 0; i < output.rows.length; i += ROWS_A_PIECE)
      yield (
        (i === 0 ? '[\n' : ',\n') +
        output.rows
          .slice(i, i + ROWS_A_PIECE)
          .map((row) => JSON.stringify(row))
          .join(',\n')
      );
    yield '\n]';
  }
  yield '}\n';
}

/** The output's rows as objects again (they are stored as arrays in column order). */
export function rowsOf(output: SweepOutput): SeedRow[] {
  return output.rows.map((cells) => Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i] ?? null])) as never);
}

/** rowsCsv's text in pieces: its header once, then its lines a piece of rows at a time. */
export function* outputCsv(rows: readonly SeedRow[]): Generator<string> {
  if (rows.length === 0) yield rowsCsv([]);
  for (let i = 0; i < rows.length; i += ROWS_A_PIECE) {
    const text = rowsCsv(rows.slice(i, i + ROWS_A_PIECE));
    yield i === 0 ? text : text.slice(text.indexOf('\n') + 1);
  }
}

/** Refuses at the start, not after an hour of running, a file that could not be written. */
export function checkWritable(out: string): void {
  const folder = dirname(resolve(out));
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${out}: the folder ${folder} does not exist or cannot be written`);
  }
  let isFolder = false;
  try {
    isFolder = statSync(out).isDirectory();
  } catch {
    // Not there yet: it will be.
  }
  if (isFolder) throw new UsageError(`--out ${out} is a folder; give a file name`);
}

/** Writes every piece to `out`, or leaves it as it was. */
export function writeAtomically(out: string, pieces: Iterable<string>): void {
  const temp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx');
    for (const piece of pieces) writeSync(fd, piece);
    closeSync(fd);
    fd = null;
    renameSync(temp, out);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${out}: ${(error as Error).message}`);
  }
}

/** Prints every piece on stdout, waiting when the pipe is full. */
export async function printPieces(pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces)
    if (!process.stdout.write(piece)) await new Promise((done) => process.stdout.once('drain', done));
}
