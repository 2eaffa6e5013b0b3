// Headless runner: `npm run sim -- [scenario id or path.json] [--seed N] [--duration SECONDS] [--json] [--progress]`.
// Exit codes: 0 done; 2 for anything the input caused (a bad field, a run that stalls, a limit it
// reaches), with a sentence naming the field; 130 when stopped with Ctrl-C (the summary so far is
// printed, marked partial); 1 only for a bug in Faultline. Never a stack trace.
// The run goes in slices, yielding to the event loop between them, so Ctrl-C is seen at once.
import { readFileSync } from 'node:fs';
import {
  InputError,
  builtInScenarios,
  createSimulation,
  getBuiltInScenario,
  parseScenario,
  type BudgetLimits,
  type Scenario,
  type Simulation,
} from '../src/sim/index';
import { describeSummary, summarize } from './simSummary';

class UsageError extends Error {}

interface Options {
  scenario: Scenario;
  seed: number;
  durationS: number;
  json: boolean;
  progress: boolean;
  budget: Partial<BudgetLimits>;
}

const USAGE = `usage: npm run sim -- [scenario id or path.json] [--seed N] [--duration SECONDS] [--json] [--progress]
  --progress         a line on stderr every few seconds (on by default when stderr is a terminal)
  --budget-floor N   events always allowed before the stall guard looks at the pace (default 3000000)
  --budget-margin X  times the scenario's explained event rate a run may reach (default 50)
scenarios: ${builtInScenarios.map((s) => s.id).join(', ')}`;

function loadScenario(arg: string | undefined): Scenario {
  if (arg === undefined) return getBuiltInScenario('default') as Scenario;
  const builtIn = getBuiltInScenario(arg);
  if (builtIn) return builtIn;
  if (!arg.endsWith('.json')) throw new UsageError(`unknown scenario "${arg}"\n${USAGE}`);
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch {
    throw new UsageError(`cannot read scenario file "${arg}"`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${arg} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new UsageError(`${arg} is not a valid scenario:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.value;
}

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
  let seed = 1;
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
  const scenario = loadScenario(scenarioArg);
  return { scenario, seed, durationS: durationS ?? scenario.durationS, json, progress, budget };
}

/** Events per slice: small enough that Ctrl-C is seen within a fraction of a second. */
const SLICE_EVENTS = 100_000;
const PROGRESS_EVERY_MS = 2000;

function progressLine(sim: Simulation, untilMs: number, events: number, wallMs: number): string {
  const share = untilMs > 0 ? (100 * sim.nowMs) / untilMs : 100;
  const rate = wallMs > 0 ? Math.round((events * 1000) / wallMs) : 0;
  return `simulated ${(sim.nowMs / 1000).toFixed(1)} s of ${untilMs / 1000} s (${share.toFixed(1)}%), ${rate.toLocaleString('en')} events/s`;
}

/** Runs to untilMs in slices; resolves false if `stopped()` said to stop first. */
async function runInSlices(sim: Simulation, untilMs: number, progress: boolean, stopped: () => boolean) {
  const started = performance.now();
  let lastLine = started;
  let lastEvents = 0;
  while (sim.nowMs < untilMs) {
    if (stopped()) return false;
    sim.runUntil(untilMs, SLICE_EVENTS);
    const now = performance.now();
    if (progress && now - lastLine >= PROGRESS_EVERY_MS) {
      console.error(progressLine(sim, untilMs, sim.events - lastEvents, now - lastLine));
      lastLine = now;
      lastEvents = sim.events;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (progress) console.error(`${progressLine(sim, untilMs, sim.events, performance.now() - started)}: done`);
  return true;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const sim = createSimulation(options.scenario, options.seed, options.budget);
  let interrupted = false;
  process.on('SIGINT', () => {
    interrupted = true;
  });
  const finished = await runInSlices(sim, options.durationS * 1000, options.progress, () => interrupted);
  const result = summarize(sim, { seed: options.seed, durationS: options.durationS, partial: !finished });
  if (options.json) console.log(JSON.stringify(result));
  else console.log(describeSummary(options.scenario.name, result, options.scenario.slo));
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
