// Refuses an experiment whose commands can never run in its scenario (a node, link, disk or rack
// the cluster lacks) when it is read, instead of halfway through its replay. The simulation
// decides (findUnrunnableCommand applies its own check); this file puts it in the words on screen.
import { findUnrunnableCommand, type Command, type Scenario, type TimedCommand } from '../sim/index';

/** The words on screen for each command that names a part of the cluster. */
const COMMAND_NAMES: Partial<Record<Command['type'], string>> = {
  crashNode: 'Crash node',
  restartNode: 'Restart node',
  slowNode: 'Slow down',
  failDisk: 'Fail disk',
  replaceDisk: 'Replace disk',
  partitionLink: 'Partition link',
  healLink: 'Heal link',
  setLinkLoss: 'Add packet loss',
  setLinkLatency: 'Add latency',
  partitionGroup: 'Partition group from the rest',
  powerFailRack: 'Power-fail rack',
  restoreRackPower: 'Restore rack power',
  rollOutConfig: 'Roll out config',
  removeNode: 'Remove this node',
  flushCache: 'Flush cache',
};

/** The first command that cannot run in the scenario, as a sentence, or null. */
export function describeMissingTargets(
  scenario: Scenario,
  seed: number,
  commands: readonly TimedCommand[],
): string | null {
  const found = findUnrunnableCommand(scenario, seed, commands);
  if (!found) return null;
  const type = (commands[found.index] as TimedCommand).command.type;
  const what = `Command ${found.index + 1} (${COMMAND_NAMES[type] ?? type})`;
  // The simulation says `unknown node "db-9"`; the learner reads which part the link names.
  const unknown = /^unknown (node|link|rack) (".*")$/.exec(found.problem);
  if (unknown) return `${what} names ${unknown[1]} ${unknown[2]}, which this scenario does not have.`;
  return `${what} cannot run in this scenario: ${found.problem}.`;
}
