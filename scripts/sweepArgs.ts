// The sweep's command line read into what to do: run a sweep (or one shard of it) or merge shard
// files. Every refusal is a UsageError with a sentence naming the flag (exit code 2).
import { availableParallelism } from 'node:os';
import { MAX_SEEDS, parseSeedRange, parseShard, type SeedRange, type Shard } from '../src/sweep/seedRange';
import { MAX_SWEEP_DURATION_MS, specOf, yearsToMs, type SweepSpec } from '../src/sweep/sweepSpec';
import { loadInput, SCENARIO_IDS, UsageError } from './simInput';

export type Format = 'words' | 'json' | 'csv';

interface Common {
  readonly format: Format;
  readonly out: string | null;
}

export interface RunCommand extends Common {
  readonly kind: 'run';
  readonly spec: SweepSpec;
  readonly shard: Shard | null;
  readonly workers: number;
  readonly progress: boolean;
}

export interface MergeCommand extends Common {
  readonly kind: 'merge';
  readonly files: readonly string[];
}

export const MAX_WORKERS = 256;

export const USAGE = `usage: npm run sweep -- <scenario id | scenario.json | experiment.json> --seeds A-B [--duration S | --years Y]
         [--durability] [--workers N] [--shard i/n] [--json | --csv] [--out FILE] [--progress]
       npm run sweep -- --merge <shard files (JSON)…> [--json | --csv] [--out FILE]
  runs the experiment once per seed from A to B (at most ${MAX_SEEDS.toLocaleString('en-US')}) and says how likely each outcome is
  --duration S    simulated seconds a seed (default: the experiment's moment, or the scenario's durationS)
  --years Y       the horizon in hardware years instead, at the scenario's time compression (needs hardware faults)
  --durability    no request traffic: only hardware faults, detection and repair, for long horizons
  --workers N     worker threads (default: every core, ${availableParallelism()} here)
  --shard i/n     run only the i-th of n slices of the seeds and write a shard file (needs --json)
  --merge         combine the shard files of one sweep into what one machine computes
  --json, --csv   the whole output as JSON (docs/sweep.md), or one line per seed; words by default
  --out FILE      write there (all or nothing) instead of printing
  --progress      seeds done, rate and time left on stderr (on by default when stderr is a terminal)
scenarios: ${SCENARIO_IDS}`;

function numberFlag(name: string, value: string | undefined, min: number, max: number, integer: boolean): number {
  const n = Number(value);
  const bad = value === undefined || value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n));
  if (bad || n < min || n > max)
    throw new UsageError(
      `--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not "${value ?? ''}"`,
    );
  return n;
}

function parsed<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new UsageError(result.error);
  return result.value;
}

interface Flags {
  positional: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

const VALUE_FLAGS = ['--seeds', '--duration', '--years', '--workers', '--shard', '--out'];
const SWITCHES = ['--durability', '--json', '--csv', '--progress', '--merge'];

function readFlags(argv: readonly string[]): Flags {
  const flags: Flags = { positional: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    if (VALUE_FLAGS.includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`${flag} needs a value`);
      if (flags.values.has(flag)) throw new UsageError(`${flag} is given twice`);
      flags.values.set(flag, value);
    } else if (SWITCHES.includes(flag) && inline === undefined) flags.switches.add(flag);
    else if (flag.startsWith('-')) throw new UsageError(`unknown option "${arg}"\n${USAGE}`);
    else flags.positional.push(arg);
  }
  return flags;
}

function formatOf(flags: Flags): Format {
  const json = flags.switches.has('--json');
  const csv = flags.switches.has('--csv');
  if (json && csv) throw new UsageError('choose one of --json and --csv');
  return json ? 'json' : csv ? 'csv' : 'words';
}

export function parseSweepArgs(argv: readonly string[], stderrIsTty: boolean): RunCommand | MergeCommand {
  const flags = readFlags(argv);
  const format = formatOf(flags);
  const out = flags.values.get('--out') ?? null;
  if (out === '') throw new UsageError('--out needs a file name');
  if (flags.switches.has('--merge')) {
    const stray = [...flags.values.keys(), ...flags.switches].filter(
      (f) => !['--merge', '--out', '--json', '--csv'].includes(f),
    );
    if (stray.length > 0)
      throw new UsageError(`${stray[0]} has no meaning with --merge, which only combines finished shard files`);
    if (flags.positional.length === 0) throw new UsageError('--merge needs the shard files to combine');
    return { kind: 'merge', files: flags.positional, format, out };
  }
  return runCommand(flags, format, out, stderrIsTty);
}

function runCommand(flags: Flags, format: Format, out: string | null, stderrIsTty: boolean): RunCommand {
  const [inputArg, ...extra] = flags.positional;
  if (inputArg === undefined) throw new UsageError(`give a scenario id, scenario.json or experiment.json\n${USAGE}`);
  if (extra.length > 0) throw new UsageError(`only one scenario may be given, got "${inputArg}" and "${extra[0]}"`);
  const seedsText = flags.values.get('--seeds');
  if (seedsText === undefined) throw new UsageError('--seeds is needed: the range of seeds to run, like 1-1000');
  const seeds: SeedRange = parsed(parseSeedRange(seedsText));
  const shardText = flags.values.get('--shard');
  const shard = shardText === undefined ? null : parsed(parseShard(shardText));
  if (shard !== null && format !== 'json')
    throw new UsageError('--shard writes a shard file for --merge, which reads JSON: add --json');
  const workersText = flags.values.get('--workers');
  const workers =
    workersText === undefined ? availableParallelism() : numberFlag('workers', workersText, 1, MAX_WORKERS, true);
  let input;
  try {
    input = loadInput(inputArg);
  } catch (error) {
    if (error instanceof UsageError && !inputArg.endsWith('.json')) throw new UsageError(`${error.message}\n${USAGE}`);
    throw error;
  }
  const mode = flags.switches.has('--durability') ? 'durability' : 'requests';
  const durationMs = durationOf(flags, input.scenario, input.durationS);
  const atMs = input.durationS === undefined ? durationMs : input.durationS * 1000;
  const experiment = { scenario: input.scenario, seed: input.seed ?? 1, commands: input.commands, atMs };
  const progress = stderrIsTty || flags.switches.has('--progress');
  return { kind: 'run', spec: specOf(experiment, seeds, durationMs, mode), shard, workers, progress, format, out };
}

type Scenario = ReturnType<typeof loadInput>['scenario'];

function durationOf(flags: Flags, scenario: Scenario, experimentS: number | undefined): number {
  const durationText = flags.values.get('--duration');
  const yearsText = flags.values.get('--years');
  const maxS = MAX_SWEEP_DURATION_MS / 1000;
  if (durationText !== undefined && yearsText !== undefined)
    throw new UsageError('give the horizon once: --duration in simulated seconds or --years in hardware years');
  if (durationText !== undefined) return numberFlag('duration', durationText, 0.001, maxS, false) * 1000;
  if (yearsText !== undefined) {
    const years = numberFlag('years', yearsText, 1e-6, 1000, false);
    if (!scenario.hardwareFaults.enabled)
      throw new UsageError(
        `--years counts hardware time, but ${scenario.id} has hardware faults off (hardwareFaults.enabled): give --duration in simulated seconds, or turn the faults on`,
      );
    const ms = yearsToMs(scenario, years);
    if (ms > MAX_SWEEP_DURATION_MS)
      throw new UsageError(
        `--years ${yearsText} is ${(ms / 1000).toLocaleString('en-US')} simulated seconds at ${scenario.id}'s time compression (${scenario.hardwareFaults.timeCompression.toLocaleString('en-US')} hardware seconds a second); a seed may cover at most ${maxS.toLocaleString('en-US')} s`,
      );
    return ms;
  }
  const fromExperiment = experimentS !== undefined && experimentS > 0;
  const seconds = fromExperiment ? experimentS : scenario.durationS;
  if (seconds > maxS)
    throw new UsageError(
      `${fromExperiment ? "the experiment's moment" : `${scenario.id}'s durationS`} (${seconds.toLocaleString('en-US')} s) is longer than a seed may cover (${maxS.toLocaleString('en-US')} s): give --duration`,
    );
  return seconds * 1000;
}
