// The "+" and "−" of each consumer group, as data (as tierControls.ts does for the tiers): how
// many consumers it has against its most (every slot, present or not), the command each button
// sends, and why a button does nothing at a limit. "−" removes the group's last consumer present.
import type { Command, Frame, Topology } from '../../sim/index';
import { groupOfId } from './layoutPipeline';
import { ABSENT } from './presentLayout';
import type { TierButton } from './tierControls';

export interface GroupControl {
  readonly group: string;
  readonly label: string;
  readonly count: number;
  readonly limit: number;
  readonly add: TierButton;
  readonly remove: TierButton;
}

/** The consumer slots of the group a consumer id belongs to (or of a group name), in topology order. */
export function consumerSlots(topology: Topology, idOrGroup: string): number[] {
  const group = groupOfId(idOrGroup);
  return topology.nodes.flatMap((n, i) => (n.kind === 'consumer' && groupOfId(n.id) === group ? [i] : []));
}

function groupControl(topology: Topology, frame: Frame, group: string, limit: number): GroupControl {
  const present = consumerSlots(topology, group).filter((i) => frame.nodeStatus[i] !== ABSENT);
  const last = present[present.length - 1];
  const lastId = last === undefined ? null : (topology.nodes[last]?.id ?? null);
  const full = present.length >= limit;
  const one = present.length <= 1;
  return {
    group,
    label: `${group[0]?.toUpperCase() ?? ''}${group.slice(1)} group`,
    count: present.length,
    limit,
    add: {
      name: `Add a consumer to ${group}`,
      command: full ? null : { type: 'addConsumer', group },
      disabledReason: full ? `The ${group} group allows at most ${limit} consumers.` : null,
    },
    remove: {
      name: `Remove a consumer from ${group}`,
      command: one || lastId === null ? null : { type: 'removeConsumer', nodeId: lastId },
      disabledReason: one ? `At least one ${group} consumer must stay.` : null,
    },
  };
}

/** Each consumer group's controls, in the frame's order; none without a pipeline. */
export function groupControlsOf(topology: Topology, frame: Frame): GroupControl[] {
  return (frame.pipeline?.groups ?? []).map((g) => groupControl(topology, frame, g.name, g.maxConsumers));
}

/** How a press is marked on the charts and announced, e.g. "Add a consumer to indexer". */
export function groupAnnounceOf(command: Command): string {
  if (command.type === 'addConsumer') return `Add a consumer to ${command.group}`;
  if (command.type === 'removeConsumer') return `Remove consumer ${command.nodeId}`;
  return command.type;
}
