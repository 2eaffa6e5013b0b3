// What each node looks like this frame, read from the frame's flat arrays, and how it is named
// for screen readers. Plain values only, so a glyph re-renders only when what it shows changed.
import type { Frame, NodeKind, Topology } from '../../sim/index';
import { isPipelineKind } from './layoutPipeline';
import { PIPELINE_KINDS, pipelineFactsOf, sameFacts, type PipelineFacts } from './pipelineKinds';

export type NodeStatusWord = 'up' | 'crashed' | 'powered off' | 'absent' | 'starting';
/** One letter per disk: h healthy, f failed, r healthy and receiving rebuilt replicas. */
export type DiskCode = 'h' | 'f' | 'r';

export interface NodeView {
  readonly status: NodeStatusWord;
  readonly slowFactor: number;
  readonly overloaded: boolean;
  readonly badConfig: boolean;
  /** App servers: whether the balancer sends them requests. Always true for other kinds. */
  readonly inRotation: boolean;
  readonly side: number;
  /** Share of workers busy, rounded to 5% so a glyph does not re-render on every wiggle. */
  readonly utilization: number;
  readonly queue: number;
  /** Queue length against the queue limit, on a log scale, 0..1. */
  readonly queueShare: number;
  readonly disks: string;
  readonly replicas: number;
  /** An app server being removed: it takes no new requests and finishes the ones it holds. */
  readonly draining: boolean;
  /** How many times faster its machine is than at the start (scale up); 1 mostly. */
  readonly speed: number;
  /** Cache nodes: keys held, and that against the most a node holds (0..1, to 5%). */
  readonly cacheKeys: number;
  readonly cacheFill: number;
  /** Cache nodes: this node's hit share over the last window (0..1, to 1%), null without lookups. */
  readonly cacheHitShare: number | null;
  /** Brokers, consumers and index nodes: their facts from frame.pipeline (null for other kinds). */
  readonly pipeline: PipelineFacts | null;
  readonly label: string;
}

/** Frame status codes 0..4 (src/sim/frame.ts). */
const STATUS: readonly NodeStatusWord[] = ['up', 'crashed', 'powered off', 'absent', 'starting'];

export const KIND_WORD: Record<NodeKind, string> = {
  clients: 'users',
  loadBalancer: 'load balancer',
  app: 'app server',
  cache: 'cache node',
  storage: 'storage node',
  broker: 'broker',
  consumer: 'consumer',
  index: 'index node',
};

/** Index of each storage node's first disk in the frame's disk arrays (-1 for other nodes). */
export function diskOffsets(topology: Topology): Int32Array {
  const offsets = new Int32Array(topology.nodes.length).fill(-1);
  let storageIndex = 0;
  topology.nodes.forEach((node, index) => {
    if (node.kind === 'storage') offsets[index] = storageIndex++ * topology.disksPerNode;
  });
  return offsets;
}

function diskCodes(frame: Frame, first: number, count: number): { disks: string; replicas: number } {
  let disks = '';
  let replicas = 0;
  for (let d = first; d < first + count; d++) {
    const failed = frame.diskStatus[d] === 1;
    disks += failed ? 'f' : (frame.diskRebuilding[d] ?? 0) > 0 ? 'r' : 'h';
    replicas += frame.diskReplicas[d] ?? 0;
  }
  return { disks, replicas };
}

export function nodeViewOf(topology: Topology, frame: Frame, index: number, firstDisk: number): NodeView {
  const node = topology.nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  const view = nodeFieldsOf(topology, frame, index, firstDisk);
  return { ...view, label: nodeLabel(node.id, node.kind, view) };
}

type NodeFields = Omit<NodeView, 'label'>;

function nodeFieldsOf(topology: Topology, frame: Frame, index: number, firstDisk: number): NodeFields {
  const node = topology.nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  const utilization = Math.round((frame.nodeUtilization[index] ?? 0) * 20) / 20;
  const queue = frame.nodeQueue[index] ?? 0;
  // A storage node queues only when the scenario gives it a capacity: then its disk slots all
  // busy with work waiting is its overload, as a busy app server's is.
  const capacity = node.kind === 'storage' ? topology.storageCapacity : null;
  const queueLimit = capacity ? capacity.queueLimit : frame.policy.queueLimit;
  const overloaded = capacity
    ? queue > 0 && (frame.nodeBusy[index] ?? 0) >= capacity.slots
    : queue > 0 && (frame.nodeUtilization[index] ?? 0) > 0.9;
  const { disks, replicas } =
    firstDisk >= 0 ? diskCodes(frame, firstDisk, topology.disksPerNode) : { disks: '', replicas: 0 };
  return {
    status: STATUS[frame.nodeStatus[index] ?? 0] ?? 'up',
    slowFactor: frame.nodeSlow[index] ?? 1,
    overloaded,
    badConfig: frame.nodeBadConfig[index] === 1,
    inRotation: node.kind !== 'app' || frame.nodeInRotation[index] === 1,
    side: frame.nodeSide[index] ?? 0,
    utilization,
    queue,
    // Log scale: a queue of 10 out of 100 already shows as half full, as it already hurts.
    queueShare: Math.min(1, Math.log1p(queue) / Math.log1p(Math.max(1, queueLimit))),
    disks,
    replicas,
    draining: frame.nodeDraining[index] === 1,
    speed: frame.nodeSpeed[index] ?? 1,
    ...cacheFieldsOf(topology, frame, index),
    pipeline: isPipelineKind(node.kind) ? pipelineFactsOf(frame, index) : null,
  };
}

function cacheFieldsOf(
  topology: Topology,
  frame: Frame,
  index: number,
): Pick<NodeView, 'cacheKeys' | 'cacheFill' | 'cacheHitShare'> {
  const cacheKeys = frame.nodeCacheKeys[index] ?? 0;
  const most = topology.cache?.keysPerNode ?? 0;
  // -1 (no lookups in the window) and a frame from before the figure existed both read as none.
  const share = frame.nodeCacheHitShare?.[index] ?? -1;
  return {
    cacheKeys,
    cacheFill: most > 0 ? Math.min(1, Math.round((cacheKeys / most) * 20) / 20) : 0,
    cacheHitShare: share < 0 ? null : Math.round(share * 100) / 100,
  };
}

/** The views of the previous frame, per topology: an unchanged node keeps its view object. */
const previousViews = new WeakMap<Topology, readonly NodeView[]>();

function sameView(a: NodeFields, b: NodeFields): boolean {
  return (
    a.status === b.status &&
    a.slowFactor === b.slowFactor &&
    a.overloaded === b.overloaded &&
    a.badConfig === b.badConfig &&
    a.inRotation === b.inRotation &&
    a.side === b.side &&
    a.utilization === b.utilization &&
    a.queue === b.queue &&
    a.queueShare === b.queueShare &&
    a.disks === b.disks &&
    a.replicas === b.replicas &&
    a.draining === b.draining &&
    a.speed === b.speed &&
    a.cacheKeys === b.cacheKeys &&
    a.cacheHitShare === b.cacheHitShare &&
    sameFacts(a.pipeline, b.pipeline)
  );
}

/**
 * Every node's view this frame. Views equal to last frame's are the same objects, so glyphs
 * and their memo checks see identity and the 500-node picture costs little when little changed.
 */
export function nodeViewsOf(topology: Topology, frame: Frame, offsets: Int32Array): readonly NodeView[] {
  const previous = previousViews.get(topology);
  let changed = previous === undefined;
  const views = topology.nodes.map((node, index) => {
    const next = nodeFieldsOf(topology, frame, index, offsets[index] ?? -1);
    const before = previous?.[index];
    if (before && sameView(before, next)) return before;
    changed = true;
    return { ...next, label: nodeLabel(node.id, node.kind, next) };
  });
  if (!changed && previous) return previous;
  previousViews.set(topology, views);
  return views;
}

/** Conditions other than the status, most urgent first, as short words for badges and names. */
export function conditionsOf(kind: NodeKind, view: Omit<NodeView, 'label'>): string[] {
  const out: string[] = [];
  if (view.draining) out.push('draining');
  if (view.overloaded) out.push('overloaded');
  if (kind === 'app' && view.status === 'up' && !view.inRotation) out.push('out of rotation');
  if (kind === 'app' && view.status !== 'up' && view.inRotation) out.push('still in rotation');
  if (view.slowFactor > 1) out.push(`slow ×${formatFactor(view.slowFactor)}`);
  if (view.badConfig) out.push('bad config');
  if (view.side !== 0) out.push(`side ${view.side}`);
  if (view.speed !== 1) out.push(`machine ×${formatFactor(view.speed)}`);
  if (view.pipeline && isPipelineKind(kind)) out.unshift(...PIPELINE_KINDS[kind].conditions(view.pipeline));
  return out;
}

export function formatFactor(factor: number): string {
  return Number.isInteger(factor) ? String(factor) : factor.toFixed(1);
}

/** The accessible name: id first, then kind, status and anything unusual, e.g. "db-3, storage node, crashed, disk 1 failed". */
export function nodeLabel(id: string, kind: NodeKind, view: Omit<NodeView, 'label'>): string {
  if (kind === 'clients') return `${id}, ${KIND_WORD[kind]}, sending requests`;
  const parts = [id, KIND_WORD[kind], view.status];
  if (view.pipeline && isPipelineKind(kind) && view.status !== 'absent')
    parts.push(...PIPELINE_KINDS[kind].spoken(view.pipeline, view.status === 'up'));
  for (const condition of conditionsOf(kind, view)) {
    if (condition === 'disk failed') continue; // said with the facts
    if (condition === 'overloaded') parts.push(`overloaded, queue ${view.queue}`);
    else if (condition === 'draining') parts.push('draining: takes no new requests, finishing the ones it holds');
    else if (condition.startsWith('machine')) parts.push(`machine ${formatFactor(view.speed)} times as fast`);
    else if (condition.startsWith('slow')) parts.push(`slowed down ${formatFactor(view.slowFactor)} times`);
    else if (condition.startsWith('side')) parts.push(`cut off on partition side ${view.side}`);
    else if (condition.endsWith('rotation')) parts.push(`${condition.replace('rotation', 'load balancer rotation')}`);
    else parts.push(condition);
  }
  if (kind === 'cache' && view.status !== 'absent') {
    parts.push(`holds ${view.cacheKeys.toLocaleString('en-US')} keys`);
    parts.push(hitShareWords(view.cacheHitShare));
  }
  [...view.disks].forEach((code, disk) => {
    if (code === 'f') parts.push(`disk ${disk} failed`);
    if (code === 'r') parts.push(`disk ${disk} rebuilding`);
  });
  return parts.join(', ');
}

/** The figure under the users and the balancer: offered load, app servers in rotation. */
export function frontDetailsOf(topology: Topology, frame: Frame): Map<number, string> {
  const details = new Map<number, string>();
  let apps = 0;
  let inRotation = 0;
  topology.nodes.forEach((node, index) => {
    if (node.kind !== 'app') return;
    apps++;
    inRotation += frame.nodeInRotation[index] ?? 0;
  });
  topology.nodes.forEach((node, index) => {
    if (node.kind === 'clients')
      details.set(index, Math.round(frame.load.rateRps * frame.loadMultiplier).toLocaleString('en-US'));
    if (node.kind === 'loadBalancer') details.set(index, `${inRotation} of ${apps}`);
  });
  return details;
}

/** A cache node's own hit share over the last second, in words for its card and its name. */
export function hitShareWords(share: number | null): string {
  return share === null ? 'no lookups' : `${Math.round(share * 100)}% hits`;
}
