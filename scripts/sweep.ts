// The sweep on the command line: `npm run sweep -- <scenario or experiment> --seeds A-B …` runs the
// experiment once per seed in worker threads and says how likely each outcome is; `--shard i/n`
// runs one slice, `--merge` combines the slices (scripts/sweepArgs.ts has the usage).
// Exit codes, as `npm run sim`: 0 done; 2 for bad input, with a sentence naming it; 130 when
// stopped with Ctrl-C; 1 only for a bug in Faultline. On any error or stop nothing is written: the
// output is printed, or its file renamed into place, only once everything is computed.
import { markovLines } from './sweepMarkovLine';
import { readFileSync } from 'node:fs';
import { InputError, type Scenario } from '../src/sim/index';
import { fromData } from '../src/share/experiment';
import { mergeOutputs } from '../src/sweep/mergeOutputs';
import { PoolCancelled, runPool } from '../src/sweep/pool';
import type { SeedRow } from '../src/sweep/runSeed';
import { seedCount, shardRange } from '../src/sweep/seedRange';
import { identityOf, outputOf, type SweepOutput } from '../src/sweep/sweepOutput';
import { prepareSweep } from '../src/sweep/sweepSpec';
import { parseSweepArgs, type Format, type MergeCommand, type RunCommand } from './sweepArgs';
import { UsageError } from './simInput';
import { progressReporter } from './sweepProgress';
import { startThreads } from './sweepThreads';
import { describeSweep } from './sweepWords';
import { checkWritable, outputCsv, outputJson, printPieces, rowsOf, writeAtomically } from './sweepWrite';

// A reader that stops early (`| head`) is not an error of the sweep's: leave quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** Ctrl-C: the first stops the sweep (exit 130, nothing written), a second leaves at once. */
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

async function runSweep(command: RunCommand): Promise<{ output: SweepOutput; rows: SeedRow[] }> {
  const prepared = prepareSweep(command.spec);
  if (!prepared.ok) throw new UsageError(prepared.error);
  const { seeds } = command.spec;
  const slice = command.shard === null ? seeds : shardRange(seeds, command.shard);
  let rows: SeedRow[] = [];
  if (slice !== null) {
    const pool = startThreads(command.spec, Math.min(command.workers, seedCount(slice)));
    const progress = progressReporter(command.progress, seedCount(slice));
    const stop = () => void pool.stop();
    interrupt.signal.addEventListener('abort', stop, { once: true });
    try {
      rows = await runPool(slice, pool.runners, { onProgress: progress.tick, signal: interrupt.signal });
      progress.done();
    } finally {
      interrupt.signal.removeEventListener('abort', stop);
      await pool.stop();
    }
  }
  return { output: outputOf(identityOf(prepared.value), rows, command.shard), rows };
}

function readShardFile(file: string): { name: string; data: unknown } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return { name: file, data: JSON.parse(text) };
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function merge(command: MergeCommand): { output: SweepOutput; rows: SeedRow[] } {
  const merged = mergeOutputs(command.files.map(readShardFile));
  if (!merged.ok) throw new UsageError(merged.error);
  return { output: merged.value, rows: rowsOf(merged.value) };
}

function scenarioOf(output: SweepOutput): Scenario {
  const decoded = fromData(output.experiment, Number.POSITIVE_INFINITY);
  if (!decoded.ok) throw new UsageError(`the sweep's experiment cannot be read: ${decoded.error}`);
  return decoded.experiment.scenario;
}

function piecesOf(format: Format, output: SweepOutput, rows: readonly SeedRow[]): Iterable<string> {
  switch (format) {
    case 'json':
      return outputJson(output);
    case 'csv':
      return outputCsv(rows);
    case 'words':
      return [describeSweep(output, scenarioOf(output), rows, markovLines)];
    default: {
      const unknown: never = format;
      throw new Error(`unknown format ${String(unknown)}`);
    }
  }
}

async function main(): Promise<number> {
  const command = parseSweepArgs(process.argv.slice(2), process.stderr.isTTY === true);
  if (command.out !== null) checkWritable(command.out);
  let result;
  try {
    result = command.kind === 'merge' ? merge(command) : await runSweep(command);
  } catch (error) {
    if (error instanceof PoolCancelled || interrupt.signal.aborted) return stopped();
    throw error;
  }
  if (interrupt.signal.aborted) return stopped();
  const pieces = piecesOf(command.format, result.output, result.rows);
  if (command.out === null) await printPieces(pieces);
  else writeAtomically(command.out, pieces);
  return 0;
}

function stopped(): number {
  console.error('sweep stopped (Ctrl-C): nothing written');
  return 130;
}

/** The exit code for what went wrong: 2 for bad input, 1 for a bug; one line, never a stack trace. */
function failed(error: unknown): number {
  if (error instanceof UsageError || error instanceof InputError) {
    console.error(error.message);
    return 2;
  }
  console.error(`faultline: a bug, please report it: ${(error as Error).message}`);
  return 1;
}

void main()
  .catch(failed)
  .then((code) => {
    process.exitCode = code;
  });
