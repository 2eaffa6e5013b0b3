// Headless runner: `npm run sim -- [scenario id, scenario.json or experiment.json] [--seed N] [--duration SECONDS] [--json] [--progress]`.
// Exit codes: 0 done; 2 for anything the input caused (a bad field, a run that stalls, a limit it
// reaches), with a sentence naming the field; 130 when stopped with Ctrl-C (the summary so far is
// printed, marked partial); 1 only for a bug in Faultline. Never a stack trace.
// The run goes in slices, yielding to the event loop between them, so Ctrl-C is seen at once.
import { InputError, createSimulation, type BudgetLimits, type Simulation, type TimedCommand } from '../src/sim/index';
import { loadInput, SCENARIO_IDS, UsageError, type RunInput } from './simInput';
import { describeSummary, summarize } from './simSummary';

interface Options {
  input: RunInput;
  seed: number;
  durationS: number;
  json: boolean;
  progress: boolean;
  budget: Partial<BudgetLimits>;
}

const USAGE = `usage: npm run sim -- [scenario id, scenario.json or experiment.json] [--seed N] [--duration SECONDS] [--json] [--progress]
  an experiment file (Share > Save as file in the lab) replays its commands at their times; its seed
  and moment are the defaults for --seed and --duration
  --progress         a line on stderr every few seconds (on by default when stderr is a terminal)
  --budget-floor N   events always allowed before the stall guard looks at the pace (default 3000000)
  --budget-margin X  times the scenario's explained event rate a run may reach (default 50)
scenarios: ${SCENARIO_IDS}`;

function numberFlag(name: string, value: string | undefined, min: number, max: number, integer: boolean): number {
  const n = Number(value);
  if (
    value === undefined ||
    value === '' ||
    !Number.isFinite(n) ||
    n < min ||
    n > max ||
    (integer && !Number.isInteger(n))
  ) {
    throw new UsageError(
      `--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${value ?? ''}"`,
    );
  }
  return n;
}

function parseArgs(argv: string[]): Options {
  let scenarioArg: string | undefined;
  let seed: number | undefined;
  let durationS: number | undefined;
  let json = false;
  let progress = process.stderr.isTTY === true;
  const budget: Partial<BudgetLimits> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--seed') seed = numberFlag('seed', value(), 0, 2 ** 32 - 1, true);
    else if (flag === '--duration') durationS = numberFlag('duration', value(), 0.001, 1e7, false);
    else if (flag === '--json') json = true;
    else if (flag === '--progress') progress = true;
    else if (flag === '--budget-floor') {
      budget.floorEvents = numberFlag('budget-floor', value(), 1, 1e12, true);
      budget.checkEvents = Math.max(1, Math.min(1 << 18, Math.ceil(budget.floorEvents / 10))); // look often enough
    } else if (flag === '--budget-margin') budget.margin = numberFlag('budget-margin', value(), 1e-9, 1e12, false);
    else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else if (flag.startsWith('-')) throw new UsageError(`unknown option "${flag}"\n${USAGE}`);
    else if (scenarioArg === undefined) scenarioArg = arg;
    else throw new UsageError(`only one scenario may be given, got "${scenarioArg}" and "${arg}"`);
  }
  let input: RunInput;
  try {
    input = loadInput(scenarioArg);
  } catch (error) {
    if (error instanceof UsageError && scenarioArg !== undefined && !scenarioArg.endsWith('.json'))
      throw new UsageError(`${error.message}\n${USAGE}`);
    throw error;
  }
  seed ??= input.seed ?? 1;
  durationS ??= input.durationS ?? input.scenario.durationS;
  return { input, seed, durationS, json, progress, budget };
}

/** Events per slice: small enough that Ctrl-C is seen within a fraction of a second. */
const SLICE_EVENTS = 100_000;
const PROGRESS_EVERY_MS = 2000;

function progressLine(sim: Simulation, untilMs: number, events: number, wallMs: number): string {
  const share = untilMs > 0 ? (100 * sim.nowMs) / untilMs : 100;
  const rate = wallMs > 0 ? Math.round((events * 1000) / wallMs) : 0;
  return `simulated ${(sim.nowMs / 1000).toFixed(1)} s of ${untilMs / 1000} s (${share.toFixed(1)}%), ${rate.toLocaleString('en')} events/s`;
}

/** Progress on stderr every PROGRESS_EVERY_MS, over a whole run made of several stretches. */
function progressReporter(sim: Simulation, untilMs: number, enabled: boolean) {
  const started = performance.now();
  let lastLine = started;
  let lastEvents = 0;
  return {
    tick(): void {
      const now = performance.now();
      if (!enabled || now - lastLine < PROGRESS_EVERY_MS) return;
      console.error(progressLine(sim, untilMs, sim.events - lastEvents, now - lastLine));
      lastLine = now;
      lastEvents = sim.events;
    },
    done(): void {
      if (enabled) console.error(`${progressLine(sim, untilMs, sim.events, performance.now() - started)}: done`);
    },
  };
}

/**
 * Runs to untilMs in slices, as one `runUntil(untilMs)` would (at least one call, so events a
 * command scheduled for this very moment run before the next command, as on replay in the lab);
 * resolves false if `stopped()` said to stop first.
 */
async function runInSlices(sim: Simulation, untilMs: number, tick: () => void, stopped: () => boolean) {
  do {
    if (stopped()) return false;
    sim.runUntil(untilMs, SLICE_EVENTS);
    tick();
    await new Promise((resolve) => setImmediate(resolve));
  } while (sim.nowMs < untilMs);
  return true;
}

/** The run with its commands applied at their times (those up to untilMs); false if stopped first. */
async function runWithCommands(
  sim: Simulation,
  commands: readonly TimedCommand[],
  untilMs: number,
  progress: boolean,
  stopped: () => boolean,
): Promise<boolean> {
  const reporter = progressReporter(sim, untilMs, progress);
  for (const [i, { atMs, command }] of commands.entries()) {
    if (atMs > untilMs) break;
    if (!(await runInSlices(sim, atMs, reporter.tick, stopped))) return false;
    const result = sim.apply(command);
    if (!result.ok)
      throw new InputError(
        `commands.${i}`,
        `commands.${i}: ${command.type} at ${atMs} ms was refused: ${result.error}`,
      );
  }
  if (!(await runInSlices(sim, untilMs, reporter.tick, stopped))) return false;
  reporter.done();
  return true;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const { scenario, commands } = options.input;
  const sim = createSimulation(scenario, options.seed, options.budget);
  let interrupted = false;
  process.on('SIGINT', () => {
    interrupted = true;
  });
  const untilMs = options.durationS * 1000;
  const finished = await runWithCommands(sim, commands, untilMs, options.progress, () => interrupted);
  const result = summarize(sim, { seed: options.seed, durationS: options.durationS, partial: !finished });
  if (options.json) console.log(JSON.stringify(result));
  else console.log(describeSummary(scenario.name, result, scenario.slo));
  return finished ? 0 : 130;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    // Anything else is a bug in Faultline, but the user still gets one line, not a stack trace.
    console.error(`faultline: a bug, please report it: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
