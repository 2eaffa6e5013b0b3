// What the headless runner runs: a built-in scenario, a scenario file, or an experiment file (the
// lab's Share > Save as file, or a link's contents), whose commands are replayed at their times.
// Experiments have no interactive horizon here: this is where the lab sends runs too long for it.
import { readFileSync } from 'node:fs';
import { fromData } from '../src/share/experiment';
import {
  builtInScenarios,
  getBuiltInScenario,
  parseScenario,
  type Scenario,
  type TimedCommand,
} from '../src/sim/index';

/** Bad input given on the command line (exit code 2). */
export class UsageError extends Error {}

export interface RunInput {
  readonly scenario: Scenario;
  readonly commands: readonly TimedCommand[];
  /** An experiment's own seed and moment: the defaults when --seed and --duration are not given. */
  readonly seed?: number;
  readonly durationS?: number;
}

export const SCENARIO_IDS = builtInScenarios.map((s) => s.id).join(', ');

export function loadInput(arg: string | undefined): RunInput {
  if (arg === undefined) return { scenario: getBuiltInScenario('default') as Scenario, commands: [] };
  const builtIn = getBuiltInScenario(arg);
  if (builtIn) return { scenario: builtIn, commands: [] };
  if (!arg.endsWith('.json')) throw new UsageError(`unknown scenario "${arg}" (built in: ${SCENARIO_IDS})`);
  const data = readJson(arg);
  // An experiment carries its format version in `v`; a scenario has `version`.
  if (typeof data === 'object' && data !== null && 'v' in data) {
    const result = fromData(data, Number.POSITIVE_INFINITY);
    if (!result.ok) throw new UsageError(`${arg} is not a valid experiment: ${result.error}`);
    const { scenario, commands, seed, atMs } = result.experiment;
    return { scenario, commands, seed, durationS: atMs / 1000 };
  }
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new UsageError(`${arg} is not a valid scenario:\n  ${parsed.errors.join('\n  ')}`);
  return { scenario: parsed.value, commands: [] };
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read file "${path}"`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
