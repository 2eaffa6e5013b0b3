// The public entry of the simulation core. Everything outside src/sim imports from here only.
import { Simulation } from './engine';
import type { TimedCommand } from './commands';
import { parseScenario, type Scenario } from './scenarioSchema';
import { InputError } from './limits';
import type { BudgetLimits } from './eventBudget';

export { Simulation, COMMAND_LOG_LIMIT, type ApplyResult, type RunResult } from './engine';
export { commandSchema, parseCommand, linkIdOf, type Command, type CommandType, type TimedCommand } from './commands';
export { findUnrunnableCommand, type UnrunnableCommand } from './commandTargets';
export {
  scenarioSchema,
  parseScenario,
  describeIssues,
  type Scenario,
  type Policy,
  type RetryPolicy,
  type Distribution,
  type ParseResult,
} from './scenarioSchema';
export { builtInScenarios, getBuiltInScenario } from './scenarios/index';
export { InputError, SimulationStalled } from './limits';
export { DEFAULT_BUDGET, type BudgetLimits } from './eventBudget';
export type { ObservedEvent, Observer } from './events';
export { Tracer } from './trace/tracer';
export {
  TRAFFIC_PER_FRAME,
  TRACE_SEARCH_MS,
  type Hop,
  type HopOutcome,
  type Mark,
  type RequestTrace,
  type TraceStep,
  type TraceWish,
  type Traffic,
} from './trace/traceTypes';
export {
  LINK_TRAFFIC_LIMIT,
  type Frame,
  type LinkFrame,
  type Topology,
  type TopologyLink,
  type TopologyNode,
} from './frame';
export type {
  SimulationSnapshot,
  NodeSnapshot,
  LinkSnapshot,
  DiskSnapshot,
  WindowMetrics,
  CumulativeMetrics,
  DurabilityMetrics,
  LatencySummary,
  NotableEvent,
  NodeKind,
  NodeStatus,
  DiskStatus,
} from './snapshot';

/**
 * A new simulation of a (validated) scenario with a seed. Throws InputError on an invalid
 * scenario, naming the fields. `budget` overrides the event budget's limits (eventBudget.ts).
 */
export function createSimulation(scenario: Scenario, seed: number, budget?: Partial<BudgetLimits>): Simulation {
  const parsed = parseScenario(scenario);
  if (!parsed.ok)
    throw new InputError(parsed.errors[0]?.split(':')[0] ?? '(root)', `invalid scenario: ${parsed.errors.join('; ')}`);
  return new Simulation(parsed.value, seed, budget);
}

/**
 * Re-runs a recorded experiment: the same scenario, seed and command log give the same event
 * log (and hash) as the original run, up to untilMs.
 */
export function replay(
  scenario: Scenario,
  seed: number,
  commands: readonly TimedCommand[],
  untilMs: number,
): Simulation {
  return replayOnto(createSimulation(scenario, seed), commands, untilMs);
}

/** Applies each command at its time on a run that has not reached it yet, then runs on to untilMs. */
export function replayOnto(sim: Simulation, commands: readonly TimedCommand[], untilMs: number): Simulation {
  for (const { atMs, command } of commands) {
    sim.runUntil(atMs);
    const result = sim.apply(command);
    if (!result.ok) throw new Error(`command at ${atMs} ms was rejected on replay: ${result.error}`);
  }
  sim.runUntil(untilMs);
  return sim;
}
