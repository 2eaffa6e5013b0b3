// The "+" and "−" of each tier that has room to scale (Topology.scaling), as data: how many nodes
// it has, how many it may have (every slot the topology lays out, present or not), the command
// each button sends, and why a button is disabled. "−" takes away the last node still serving
// (an app server drains: it finishes the requests it holds; stop at once is in the node's menu).
import type { Command, Frame, NodeKind, Topology } from '../../sim/index';
import { ABSENT } from './presentLayout';

export type ScalableTier = 'app' | 'cache' | 'storage';

export const TIER_NAMES: Readonly<Record<ScalableTier, { one: string; many: string; a: string }>> = {
  app: { one: 'app server', many: 'App servers', a: 'an app server' },
  cache: { one: 'cache node', many: 'Cache nodes', a: 'a cache node' },
  storage: { one: 'storage node', many: 'Storage nodes', a: 'a storage node' },
};

export interface TierButton {
  readonly name: string;
  readonly command: Command | null;
  /** Why it does nothing now, said when it is pressed and as its description; null when it works. */
  readonly disabledReason: string | null;
}

export interface TierControl {
  readonly tier: ScalableTier;
  readonly label: string;
  readonly count: number;
  readonly limit: number;
  readonly add: TierButton;
  readonly remove: TierButton;
}

function slotsOf(topology: Topology, kind: NodeKind): number[] {
  return topology.nodes.flatMap((node, index) => (node.kind === kind ? [index] : []));
}

function tierControl(topology: Topology, frame: Frame, tier: ScalableTier): TierControl | null {
  const slots = slotsOf(topology, tier);
  if (slots.length === 0) return null;
  const names = TIER_NAMES[tier];
  const present = slots.filter((i) => frame.nodeStatus[i] !== ABSENT);
  const staying = present.filter((i) => frame.nodeDraining[i] !== 1);
  const last = staying[staying.length - 1];
  const lastId = last === undefined ? null : (topology.nodes[last]?.id ?? null);
  const full = present.length >= slots.length;
  const one = staying.length <= 1;
  return {
    tier,
    label: names.many,
    count: present.length,
    limit: slots.length,
    add: {
      name: `Add ${names.a}`,
      command: full ? null : { type: 'addNode', tier },
      disabledReason: full ? `This scenario allows at most ${slots.length} ${names.many.toLowerCase()}.` : null,
    },
    remove: {
      name: `Remove ${names.a}`,
      command: one || lastId === null ? null : { type: 'removeNode', nodeId: lastId, mode: 'drain' },
      disabledReason: one ? `At least one ${names.one} must stay.` : null,
    },
  };
}

/** The tiers' controls, app servers first; none when the scenario has no room to scale. */
export function tierControlsOf(topology: Topology, frame: Frame): TierControl[] {
  if (!topology.scaling) return [];
  return (['app', 'cache', 'storage'] as const).flatMap((tier) => tierControl(topology, frame, tier) ?? []);
}

/** How a press is marked on the charts and announced, e.g. "Remove app-3 (drain)". */
export function announceOf(command: Command): string {
  if (command.type === 'addNode') return `Add ${TIER_NAMES[command.tier].a}`;
  if (command.type === 'removeNode') return `Remove ${command.nodeId} (${command.mode})`;
  return command.type;
}
