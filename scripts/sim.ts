// Headless runner: `npm run sim -- [scenario id or path.json] [--seed N] [--duration SECONDS] [--json]`.
// Invalid input exits with code 2 and one line per problem, naming the field; never a stack trace.
import { readFileSync } from 'node:fs';
import { builtInScenarios, createSimulation, getBuiltInScenario, parseScenario, type Scenario } from '../src/sim/index';

class UsageError extends Error {}

interface Options {
  scenario: Scenario;
  seed: number;
  durationS: number;
  json: boolean;
}

const USAGE = `usage: npm run sim -- [scenario id or path.json] [--seed N] [--duration SECONDS] [--json]
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
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--seed') seed = numberFlag('seed', value(), 0, 2 ** 32 - 1, true);
    else if (flag === '--duration') durationS = numberFlag('duration', value(), 0.001, 1e7, false);
    else if (flag === '--json') json = true;
    else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else if (flag.startsWith('-')) throw new UsageError(`unknown option "${flag}"\n${USAGE}`);
    else if (scenarioArg === undefined) scenarioArg = arg;
    else throw new UsageError(`only one scenario may be given, got "${scenarioArg}" and "${arg}"`);
  }
  const scenario = loadScenario(scenarioArg);
  return { scenario, seed, durationS: durationS ?? scenario.durationS, json };
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  let sim: ReturnType<typeof createSimulation>;
  try {
    sim = createSimulation(options.scenario, options.seed);
  } catch (error) {
    throw new UsageError((error as Error).message); // e.g. a scheduled command naming an unknown node
  }
  sim.runUntil(options.durationS * 1000);
  const snap = sim.snapshot();
  const c = snap.cumulative;
  const l = c.latencyMs;
  const d = snap.durability;
  const result = {
    scenario: snap.scenarioId,
    seed: options.seed,
    durationS: options.durationS,
    events: snap.events,
    logHash: snap.logHash,
    metrics: {
      requests: c.issued,
      succeeded: c.succeeded,
      failed: c.failed,
      inFlight: c.inFlight,
      retries: c.retries,
      availability: round(c.availability, 6),
      throughputRps: round(c.throughputRps, 2),
      latencyMs: { mean: round(l.mean), p50: round(l.p50), p95: round(l.p95), p99: round(l.p99), p999: round(l.p999) },
      ackedWritesLost: d.ackedWritesLost,
      writesAcked: d.writesAcked,
      underReplicatedPartitions: d.underReplicatedPartitions,
      diskFailures: d.diskFailures,
      nodeFailures: d.nodeFailures,
      repairsCompleted: d.repairsCompleted,
    },
  };
  if (options.json) {
    console.log(JSON.stringify(result));
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
  console.log(`${options.scenario.name} (${result.scenario}), seed ${result.seed}, ${result.durationS} simulated s`);
  console.log(`  events        ${result.events.toLocaleString('en')}   log hash ${result.logHash}`);
  console.log(
    `  requests      ${c.issued.toLocaleString('en')} issued, ${c.succeeded.toLocaleString('en')} succeeded, ${c.failed.toLocaleString('en')} failed, ${c.inFlight} in flight`,
  );
  console.log(
    `  availability  ${pct(c.availability)} (SLO ${pct(snap.slo.availability)}, error budget used ${pct(c.errorBudgetUsed)})`,
  );
  console.log(`  throughput    ${result.metrics.throughputRps} req/s served`);
  console.log(
    `  latency (ms)  mean ${round(l.mean, 1)}  p50 ${round(l.p50, 1)}  p95 ${round(l.p95, 1)}  p99 ${round(l.p99, 1)}  p999 ${round(l.p999, 1)}`,
  );
  console.log(
    `  durability    ${d.writesAcked.toLocaleString('en')} writes acknowledged, ${d.ackedWritesLost} lost; ${d.underReplicatedPartitions} partitions under-replicated`,
  );
  console.log(
    `  faults        ${d.diskFailures} disk failures, ${d.nodeFailures} machine failures, ${d.repairsCompleted} replicas rebuilt`,
  );
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  // Anything else is a bug in Faultline, but the user still gets one line, not a stack trace.
  console.error(`faultline: ${(error as Error).message}`);
  process.exit(1);
}
