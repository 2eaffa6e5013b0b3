// Finds the first command in a log that can never run in its scenario (it names a node, link,
// disk or rack the cluster lacks, or a part that cannot take it), from the scenario's initial
// state and without running anything. It applies the same check() a replay would, so a link can
// be refused when it is read instead of halfway through its replay. Leaves out what depends on
// the run so far: whether a disk has failed yet, and the policy earlier commands set.
import { check } from './applyCommand';
import type { Command, TimedCommand } from './commands';
import type { Scenario } from './scenarioSchema';
import { SimState } from './state';
import { withEverySlotPresent } from './scaling/absentTargets';

export interface UnrunnableCommand {
  /** Zero-based position in the log. */
  readonly index: number;
  /** The simulation's reason, e.g. `unknown node "db-9"`. */
  readonly problem: string;
}

export function findUnrunnableCommand(
  scenario: Scenario,
  seed: number,
  commands: readonly TimedCommand[],
): UnrunnableCommand | null {
  let st: SimState | null = null;
  for (const [index, { command }] of commands.entries()) {
    const checked = checkedAtStart(command);
    if (!checked) continue;
    // Only the state's tables are needed (no replicas placed, no events): cheap even when large.
    // Every slot present: a node the log adds before it names it is a fine target.
    st ??= withEverySlotPresent(new SimState(scenario, seed));
    const problem = check(st, checked);
    if (problem !== null) return { index, problem };
  }
  return null;
}

/** The part of a command that can be checked before the run: its targets. */
function checkedAtStart(c: Command): Command | null {
  if (c.type === 'setPolicy' || c.type === 'addNode') return null;
  // Replacing a disk that has not failed yet is fine later in the run; its target is what counts.
  if (c.type === 'replaceDisk') return { ...c, type: 'failDisk' };
  return c;
}
