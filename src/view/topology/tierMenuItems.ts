// The node menu's entries for issue 14's tiers: a cache node's flush (a human error) and its
// app~cache links, and "Remove this node" for any tier with room to scale (an app server can
// drain, finishing the requests it holds, or stop at once, failing them).
import type { Frame, LinkFrame, Topology } from '../../sim/index';
import type { MenuEntry } from './menuItems';
import { ABSENT } from './presentLayout';
import type { ScalableTier } from './tierControls';

const UP = 0;

function cacheLinkEntries(topology: Topology, frame: Frame, links: LinkFrame | null, index: number): MenuEntry[] {
  return topology.links.flatMap((link, l) => {
    if (link.b !== index || frame.nodeStatus[link.a] === ABSENT) return [];
    const cut = links?.cut[l] === 1;
    return [
      cut
        ? {
            label: `Heal link ${link.id}`,
            command: { type: 'healLink', linkId: link.id },
            announce: `Heal link ${link.id}`,
          }
        : {
            label: `Partition link ${link.id}`,
            command: { type: 'partitionLink', linkId: link.id },
            announce: `Partition link ${link.id}`,
          },
    ] satisfies MenuEntry[];
  });
}

/** Flush cache, and cutting it off from the app servers (all at once, or one link at a time). */
export function cacheEntries(
  topology: Topology,
  frame: Frame,
  links: LinkFrame | null,
  id: string,
  index: number,
): MenuEntry[] {
  const up = frame.nodeStatus[index] === UP;
  return [
    {
      label: 'Flush cache',
      disabled: !up || (frame.nodeCacheKeys[index] ?? 0) === 0,
      command: { type: 'flushCache', nodeId: id },
      announce: `Flush cache ${id}`,
    },
    {
      label: 'Partition from app servers',
      submenu: [
        {
          label: 'Cut off from every app server',
          disabled: (frame.nodeSide[index] ?? 0) !== 0,
          command: { type: 'partitionGroup', nodeIds: [id] },
          announce: `Cut ${id} off from every app server`,
        },
        ...cacheLinkEntries(topology, frame, links, index),
      ],
    },
  ];
}

/** "Remove this node" when the scenario has room to scale; disabled for the last node serving in its tier. */
export function removeEntries(topology: Topology, frame: Frame, id: string, index: number): MenuEntry[] {
  const node = topology.nodes[index];
  if (!topology.scaling || !node || (node.kind !== 'app' && node.kind !== 'cache' && node.kind !== 'storage'))
    return [];
  const tier: ScalableTier = node.kind;
  const staying = topology.nodes.filter(
    (n, i) => n.kind === tier && frame.nodeStatus[i] !== ABSENT && frame.nodeDraining[i] !== 1,
  ).length;
  const disabled = frame.nodeStatus[index] === ABSENT || frame.nodeDraining[index] === 1 || staying <= 1;
  if (tier !== 'app')
    return [
      {
        label: 'Remove this node',
        disabled,
        command: { type: 'removeNode', nodeId: id, mode: 'drain' },
        announce: `Remove ${id} (drain)`,
      },
    ];
  return [
    {
      label: 'Remove this node (drain)',
      disabled,
      command: { type: 'removeNode', nodeId: id, mode: 'drain' },
      announce: `Remove ${id} (drain)`,
    },
    {
      label: 'Remove this node now (stop: its requests fail)',
      disabled: disabled && frame.nodeDraining[index] !== 1,
      command: { type: 'removeNode', nodeId: id, mode: 'stop' },
      announce: `Remove ${id} (stop)`,
    },
  ];
}
