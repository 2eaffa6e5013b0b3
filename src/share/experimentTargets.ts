// Checks that every node, link, disk and rack an experiment's commands name exists in its
// scenario, when the experiment is read rather than halfway through its replay. The names come
// from the simulation's own topology, so they cannot drift from what the run would accept.
import { createSimulation, type Command, type Scenario, type TimedCommand, type Topology } from '../sim/index';

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
};

interface Parts {
  readonly nodes: ReadonlyMap<string, Topology['nodes'][number]>;
  readonly links: ReadonlySet<string>;
  readonly racks: ReadonlySet<string>;
}

function partsOf(topology: Topology): Parts {
  const links = new Set<string>();
  for (const link of topology.links) {
    const [a, b] = link.id.split('~');
    links.add(link.id).add(`${b}~${a}`); // the simulation accepts a link named from either end
  }
  return { nodes: new Map(topology.nodes.map((n) => [n.id, n])), links, racks: new Set(topology.racks) };
}

/** What is wrong with the one id a command names, or null. */
function missingPart(parts: Parts, c: Command): string | null {
  const node = (id: string) => (parts.nodes.has(id) ? null : `node "${id}"`);
  switch (c.type) {
    case 'crashNode':
    case 'restartNode':
    case 'slowNode':
      return node(c.nodeId);
    case 'failDisk':
    case 'replaceDisk': {
      const disks = parts.nodes.get(c.nodeId)?.disks;
      if (disks === undefined) return node(c.nodeId);
      return c.disk < disks
        ? null
        : `disk ${c.disk} of ${c.nodeId} (it has ${disks === 0 ? 'no disks' : `disks 0 to ${disks - 1}`})`;
    }
    case 'partitionLink':
    case 'healLink':
    case 'setLinkLoss':
    case 'setLinkLatency':
      return parts.links.has(c.linkId) ? null : `link "${c.linkId}"`;
    case 'partitionGroup':
    case 'rollOutConfig': {
      const unknown = c.nodeIds.find((id) => !parts.nodes.has(id));
      return unknown === undefined ? null : `node "${unknown}"`;
    }
    case 'powerFailRack':
    case 'restoreRackPower':
      return parts.racks.has(c.rackId) ? null : `rack "${c.rackId}"`;
    default:
      return null;
  }
}

/** The first command that names something the scenario does not have, as a sentence, or null. */
export function describeMissingTargets(
  scenario: Scenario,
  seed: number,
  commands: readonly TimedCommand[],
): string | null {
  if (!commands.some(({ command }) => COMMAND_NAMES[command.type])) return null;
  const parts = partsOf(createSimulation(scenario, seed).topology());
  for (const [i, { command }] of commands.entries()) {
    const missing = missingPart(parts, command);
    if (missing)
      return `Command ${i + 1} (${COMMAND_NAMES[command.type] ?? command.type}) names ${missing}, which this scenario does not have.`;
  }
  return null;
}
