// The picture leaves out nodes that are absent (a tier's room to grow, or a node removed) and
// their links. Every slot keeps the place the layout gave it, so a node that is added appears
// where it will stay and nothing else moves (but a consumer group's band grows by one card).
import type { Frame, Topology } from '../../sim/index';
import type { TopologyLayout } from './layout';

/** Frame status code of a slot with no node in it (src/sim/frame.ts). */
export const ABSENT = 3;

/** One character per node, 1 when it is drawn: a cheap key that changes only when a node comes or goes. */
export function presenceKey(frame: Frame | null): string {
  if (!frame) return '';
  let key = '';
  for (let i = 0; i < frame.nodeStatus.length; i++) key += frame.nodeStatus[i] === ABSENT ? '0' : '1';
  return key;
}

/**
 * The layout without absent nodes and their links; the same object when every node is present.
 * Bundles (big clusters) stay: one carries many links, and an absent node's links carry nothing.
 */
export function presentLayout(layout: TopologyLayout, presence: string): TopologyLayout {
  if (!presence.includes('0')) return layout;
  const absent = new Set(layout.nodes.flatMap((node) => (presence[node.index] === '0' ? [node.id] : [])));
  return {
    ...layout,
    nodes: layout.nodes.filter((node) => !absent.has(node.id)),
    // A link's id is its two node ids joined by "~" (src/sim/commands.ts linkIdOf).
    links: layout.links.filter((line) => !line.id.split('~').some((id) => absent.has(id))),
  };
}

/**
 * Which nodes get a place: those present, and in each tier the next slot too, so the next node
 * added appears in room already kept for it (what grows after that glides, see nodes.css).
 * Keeping room for every slot a tier may grow to (12 app servers where 6 run) made the picture
 * twice as tall and unreadably small.
 */
export function placedKey(topology: Topology, frame: Frame | null): string {
  const consumers = topology.nodes.some((node) => node.kind === 'consumer');
  if (!frame || (!topology.scaling && !consumers)) return '';
  const spare = new Set<string>();
  let key = '';
  topology.nodes.forEach((node, index) => {
    const absent = frame.nodeStatus[index] === ABSENT;
    // A consumer group's absent slots get no room (up to six a group would double the picture's
    // height): its "+" counts them, and the bands below glide down when a consumer is added.
    const grows = topology.scaling !== null && (node.kind === 'app' || node.kind === 'storage');
    const keep = !absent || node.kind === 'cache' || (grows && !spare.has(node.kind));
    if (absent && keep) spare.add(node.kind);
    key += keep ? '1' : '0';
  });
  return key;
}
