// The compact picture sent to the lab once per animation frame: flat typed arrays indexed like
// the topology (built once), plus the metrics. Unlike snapshot(), nothing here grows with the
// number of links unless link state changed, and new windows and events come as deltas.
import { bucketUpper } from './histogram';
import type { Policy } from './scenarioSchema';
import type {
  CacheSnapshot,
  CumulativeMetrics,
  DurabilityMetrics,
  NodeKind,
  NotableEvent,
  ScalingSnapshot,
  WindowMetrics,
} from './snapshot';
import { cacheFrameOf, scalingFrameOf } from './tierFrames';
import { pipelineSnapshotOf, type PipelineSnapshot } from './pipeline/pipelineSnapshot';
import { durabilityOf, kindOf } from './snapshotBuilder';
import type { SimState } from './state';

export interface TopologyNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly rack: string;
  readonly disks: number;
}

export interface TopologyLink {
  readonly id: string;
  readonly a: number;
  readonly b: number;
}

/** What does not change during a run: the nodes and links, indexed as the frame arrays are. */
export interface Topology {
  readonly scenarioId: string;
  readonly racks: readonly string[];
  readonly nodes: readonly TopologyNode[];
  readonly links: readonly TopologyLink[];
  readonly workers: number;
  readonly disksPerNode: number;
  /** Each storage node's concurrent disk operations and queue, when the scenario limits them. */
  readonly storageCapacity: { readonly slots: number; readonly queueLimit: number } | null;
  /** The cache tier's fixed settings, when the scenario has one. */
  readonly cache: { readonly keysPerNode: number; readonly keys: number } | null;
  /** Room to scale, when the scenario has it: nodes added take provisioningMs to serve. */
  readonly scaling: { readonly provisioningMs: number; readonly autoscaler: boolean } | null;
}

export interface LinkFrame {
  readonly version: number;
  readonly cut: Uint8Array;
  readonly loss: Float32Array;
  readonly latencyMs: Float32Array;
}

export interface Frame {
  readonly timeMs: number;
  readonly hardwareTimeMs: number;
  readonly events: number;
  readonly logHash: string;
  readonly loadMultiplier: number;
  readonly load: {
    readonly rateRps: number;
    readonly readShare: number;
    /** Share of requests that are searches (0 without a search index). */
    readonly searchShare: number;
    readonly fanOut: number;
    readonly writeFanOut: number;
  };
  readonly policy: Policy;
  readonly hardware: {
    readonly enabled: boolean;
    readonly diskMttfHours: number;
    readonly nodeMttfHours: number;
    readonly timeCompression: number;
  };
  readonly rolloutPending: boolean;
  /** Operations each storage node may queue now (setStorageQueueLimit changes it); null without storage.capacity. */
  readonly storageQueueLimit: number | null;
  /** Per node (topology order): 0 up, 1 crashed, 2 powered off, 3 absent (not added, or removed), 4 starting. */
  readonly nodeStatus: Uint8Array;
  /** App servers: attempts queued and workers busy. Storage nodes with a capacity: operations queued and slots busy. */
  readonly nodeQueue: Int32Array;
  readonly nodeBusy: Int32Array;
  readonly nodeUtilization: Float32Array;
  readonly nodeInRotation: Uint8Array;
  readonly nodeBadConfig: Uint8Array;
  readonly nodeSlow: Float32Array;
  readonly nodeSide: Int32Array;
  /** Per disk (storage node index * disksPerNode + disk): 0 healthy, 1 failed. */
  readonly diskStatus: Uint8Array;
  readonly diskReplicas: Int32Array;
  readonly diskRebuilding: Int32Array;
  /** Link state, only when it changed since the version the caller has. */
  readonly links: LinkFrame | null;
  /** Messages sent and dropped per link since the run began (rates come from differences). */
  readonly linkSent: Float64Array | null;
  readonly linkDropped: Float64Array | null;
  readonly cumulative: CumulativeMetrics;
  readonly durability: DurabilityMetrics;
  /** Windows closed after `windowsAfterMs`, oldest first. */
  readonly newWindows: readonly WindowMetrics[];
  /** Notable events after the first `eventsSeen`, oldest first, and the new total. */
  readonly newEvents: readonly NotableEvent[];
  readonly eventsTotal: number;
  /** Per node: 1 for an app server draining before removal. */
  readonly nodeDraining: Uint8Array;
  /** Per node: how many times faster its machine is than at the start (scaleUp); 1 mostly. */
  readonly nodeSpeed: Float32Array;
  /** Per node: keys a cache node holds now (0 for other nodes). */
  readonly nodeCacheKeys: Int32Array;
  /** Per node: a cache node's hit share over the last closed window (-1: no lookups, or not a cache node; frames carry no NaN). */
  readonly nodeCacheHitShare: Float32Array;
  readonly cache: CacheSnapshot | null;
  readonly scaling: ScalingSnapshot | null;
  /** The log, consumer groups and search index, when the scenario has them. */
  readonly pipeline: PipelineSnapshot | null;
  /** The cumulative latency histogram in coarse log bins: [upper bound ms, count] pairs. */
  readonly histogram: readonly (readonly [number, number])[];
}

// Links beyond LINK_TRAFFIC_LIMIT are not sent per frame (a view of a big cluster draws tier bundles).
export { LINK_TRAFFIC_LIMIT } from './cluster/network';

export function buildTopology(st: SimState): Topology {
  const nodes: TopologyNode[] = st.nodeIds.map((id, node) => ({
    id,
    kind: kindOf(st, node),
    rack: node === 0 ? '' : (st.rackIds[st.nodeRack[node] as number] as string),
    disks: st.isStorage(node) ? st.disksPerNode : 0,
  }));
  const links: TopologyLink[] = [];
  for (let l = 0; l < st.linkCount; l++) {
    const a = st.linkA[l] as number;
    const b = st.linkB[l] as number;
    links.push({ id: `${st.nodeIds[a]}~${st.nodeIds[b]}`, a, b });
  }
  return {
    scenarioId: st.scenario.id,
    racks: [...st.rackIds],
    nodes,
    links,
    workers: st.workers,
    disksPerNode: st.disksPerNode,
    storageCapacity: st.scenario.storage.capacity ?? null,
    cache:
      st.scenario.cache === undefined
        ? null
        : { keysPerNode: st.scenario.cache.keysPerNode, keys: st.scenario.cache.keys },
    scaling:
      st.scenario.scaling === undefined
        ? null
        : {
            provisioningMs: st.scenario.scaling.provisioningMs,
            autoscaler: st.scenario.scaling.autoscaler !== undefined,
          },
  };
}

function histogramBins(st: SimState): [number, number][] {
  const h = st.metrics.latency;
  if (h.count === 0) return [];
  // 8 bins per doubling between the smallest and largest latency seen.
  const lo = Math.max(h.min, 1e-3);
  const bins: [number, number][] = [];
  let edge = lo;
  const counts = h.counts;
  let bucket = 0;
  const step = 2 ** (1 / 8);
  while (edge < h.max * step && bins.length < 400) {
    const upper = edge * step;
    let n = 0;
    for (; bucket < counts.length; bucket++) {
      if (bucketUpper(bucket) > upper) break;
      n += counts[bucket] as number;
    }
    bins.push([upper, n]);
    edge = upper;
  }
  return bins;
}

export function buildFrame(st: SimState, linkVersionSeen: number, windowsAfterMs: number, eventsSeen: number): Frame {
  const a = st.appCount;
  const n = st.nodeCount;
  const queue = new Int32Array(n);
  const busy = new Int32Array(n);
  const utilization = new Float32Array(n);
  const inRotation = new Uint8Array(n);
  // Plain loops rather than TypedArray.from(source, map): the mapped form is several times slower.
  const badConfig = new Uint8Array(n);
  for (let i = 0; i < n; i++) badConfig[i] = st.badConfig[i] === null ? 0 : 1;
  const replicas = new Int32Array(st.diskReplicas.length);
  for (let i = 0; i < replicas.length; i++) replicas[i] = (st.diskReplicas[i] as Set<number>).size;
  for (let i = 0; i < a; i++) {
    queue[2 + i] = st.queueLength[i] as number;
    busy[2 + i] = st.busy[i] as number;
    utilization[2 + i] = st.utilization[i] as number;
    inRotation[2 + i] = st.inRotation[i] as number;
  }
  const storage = st.storageQueues;
  for (let s = 0; storage !== null && s < st.storageCount; s++) {
    const node = st.storageNode(s);
    const epoch = st.nodeEpoch[node] as number;
    queue[node] = storage.queuedAt(s, epoch, st.nowMs);
    busy[node] = storage.busyAt(s, epoch, st.nowMs);
  }
  const linksChanged = st.linkVersion !== linkVersionSeen;
  const small = st.linkTraffic;
  const { newEvents, total } = st.log.since(eventsSeen);
  return {
    timeMs: st.nowMs,
    hardwareTimeMs: st.hardwareNowMs(),
    events: st.log.events,
    logHash: st.log.hash(),
    loadMultiplier: st.loadMultiplier,
    load: {
      rateRps: st.rateRps,
      readShare: st.readShare,
      searchShare: st.searchShare,
      fanOut: st.fanOut,
      writeFanOut: st.writeFanOut,
    },
    policy: { ...st.policy, retry: { ...st.policy.retry } },
    hardware: {
      enabled: st.hardware.enabled,
      diskMttfHours: st.hardware.diskMttfHours,
      nodeMttfHours: st.hardware.nodeMttfHours,
      timeCompression: st.hardware.timeCompression,
    },
    rolloutPending: st.pendingRollout !== null,
    storageQueueLimit: st.storageQueues?.queueLimit ?? null,
    nodeStatus: Uint8Array.from(st.nodeStatus),
    nodeQueue: queue,
    nodeBusy: busy,
    nodeUtilization: utilization,
    nodeInRotation: inRotation,
    nodeBadConfig: badConfig,
    nodeSlow: Float32Array.from(st.nodeSlow),
    nodeSide: Int32Array.from(st.nodeSide),
    diskStatus: Uint8Array.from(st.diskStatus),
    diskReplicas: replicas,
    diskRebuilding: Int32Array.from(st.diskRebuilding),
    links: linksChanged
      ? {
          version: st.linkVersion,
          cut: Uint8Array.from(st.linkCut),
          loss: Float32Array.from(st.linkLoss),
          latencyMs: Float32Array.from(st.linkLatencyMs),
        }
      : null,
    linkSent: small ? Float64Array.from(st.linkSent) : null,
    linkDropped: small ? Float64Array.from(st.linkDropped) : null,
    cumulative: st.metrics.cumulative(st.nowMs, st.requestsInFlight),
    durability: durabilityOf(st),
    newWindows: st.metrics.windowsAfter(windowsAfterMs),
    newEvents,
    eventsTotal: total,
    ...cacheFrameOf(st),
    ...scalingFrameOf(st),
    pipeline: pipelineSnapshotOf(st),
    histogram: histogramBins(st),
  };
}
