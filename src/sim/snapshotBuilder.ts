// Builds the readonly snapshot from the mutable state: copies, never references, so nothing
// outside can change the simulation through it. Cost grows with the topology, not the run.
import { pipelineSnapshotOf, type PipelineSnapshot } from './pipeline/pipelineSnapshot';
import type { SimState } from './state';
import { MAX_RF, NodeStatusCode, SlotState } from './codes';
import { cacheNodeOf, cacheSnapshotOf } from './tierFrames';
import type {
  CacheSnapshot,
  DiskSnapshot,
  DurabilityMetrics,
  LinkSnapshot,
  NodeKind,
  NodeSnapshot,
  SimulationSnapshot,
} from './snapshot';
import { scalingNodeFields, scalingSnapshotOf } from './scaling/scalingSnapshot';

const STATUS = ['up', 'crashed', 'powered-off', 'absent', 'starting'] as const;

export function kindOf(st: SimState, node: number): NodeKind {
  if (node === 0) return 'clients';
  if (node === 1) return 'loadBalancer';
  if (st.isApp(node)) return 'app';
  if (st.isStorage(node)) return 'storage';
  if (st.isCache(node)) return 'cache';
  return st.pipeline?.role(node) ?? 'storage';
}

function disksOf(st: SimState, node: number): DiskSnapshot[] {
  if (!st.isStorage(node)) return [];
  const first = (node - 2 - st.appCount) * st.disksPerNode;
  const disks: DiskSnapshot[] = [];
  for (let d = 0; d < st.disksPerNode; d++) {
    const disk = first + d;
    const failed = st.diskStatus[disk] !== 0;
    disks.push({
      index: d,
      status: failed ? 'failed' : (st.diskChangedAt[disk] as number) >= 0 ? 'replaced' : 'healthy',
      replicas: (st.diskReplicas[disk] as Set<number>).size,
      rebuilding: st.diskRebuilding[disk] as number,
    });
  }
  return disks;
}

function nodeSnapshot(st: SimState, node: number): NodeSnapshot {
  const app = st.isApp(node);
  const a = node - 2;
  return {
    id: st.nodeIds[node] as string,
    kind: kindOf(st, node),
    rack: node === 0 ? '' : (st.rackIds[st.nodeRack[node] as number] as string),
    status: STATUS[st.nodeStatus[node] as number] ?? 'up',
    slowFactor: st.nodeSlow[node] as number,
    queueLength: app ? (st.queueLength[a] as number) : 0,
    busyWorkers: app ? (st.busy[a] as number) : 0,
    workers: app ? st.workers : 0,
    utilization: app ? (st.utilization[a] as number) : 0,
    inRotation: app ? st.inRotation[a] === 1 : false,
    badConfig: st.badConfig[node] !== null,
    partitionSide: st.nodeSide[node] as number,
    disks: disksOf(st, node),
    ...(st.isCache(node) ? { cache: cacheNodeOf(st, node) } : {}),
    ...scalingNodeFields(st, node),
  };
}

function linkSnapshot(st: SimState, link: number): LinkSnapshot {
  const a = st.nodeIds[st.linkA[link] as number] as string;
  const b = st.nodeIds[st.linkB[link] as number] as string;
  return {
    id: `${a}~${b}`,
    a,
    b,
    cut: st.linkCut[link] === 1,
    extraLoss: st.linkLoss[link] as number,
    extraLatencyMs: st.linkLatencyMs[link] as number,
  };
}

export function durabilityOf(st: SimState): DurabilityMetrics {
  const rf = st.policy.replicationFactor;
  let under = 0;
  let unavailable = 0;
  let backlog = 0;
  const needed = Math.max(st.policy.writeQuorum, st.policy.readQuorum);
  for (let p = 0; p < st.partitions; p++) {
    let live = 0;
    for (let s = 0; s < rf; s++) {
      const idx = p * MAX_RF + s;
      if (st.slotState[idx] !== SlotState.present) {
        backlog++;
        continue;
      }
      const node = st.storageNode(Math.floor((st.slotDisk[idx] as number) / st.disksPerNode));
      if (st.nodeStatus[node] === NodeStatusCode.up) live++;
    }
    if ((st.presentSlots[p] as number) < rf) under++;
    if (live < needed) unavailable++;
  }
  const d = st.metrics.durability;
  return {
    writesAcked: d.writesAcked,
    ackedWritesLost: d.ackedWritesLost,
    partitionsLost: d.lostPartitions.size,
    partitionLossEvents: d.partitionLossEvents,
    underReplicatedPartitions: under,
    unavailablePartitions: unavailable,
    rereplicationBacklog: backlog,
    repairsInProgress: st.repairsActive,
    repairsCompleted: d.repairsCompleted,
    diskFailures: d.diskFailures,
    nodeFailures: d.nodeFailures,
  };
}

export function buildSnapshot(st: SimState): SimulationSnapshot {
  const nodes: NodeSnapshot[] = [];
  for (let node = 0; node < st.nodeCount; node++) nodes.push(nodeSnapshot(st, node));
  const links: LinkSnapshot[] = [];
  for (let link = 0; link < st.linkCount; link++) links.push(linkSnapshot(st, link));
  return {
    scenarioId: st.scenario.id,
    seed: st.seed,
    timeMs: st.nowMs,
    hardwareTimeMs: st.hardwareNowMs(),
    events: st.log.events,
    logHash: st.log.hash(),
    loadMultiplier: st.loadMultiplier,
    nodes,
    links,
    cumulative: st.metrics.cumulative(st.nowMs, st.requestsInFlight),
    window: st.metrics.lastWindow(),
    windows: st.metrics.closedWindows(),
    durability: durabilityOf(st),
    recentEvents: st.log.recent(),
    slo: { ...st.scenario.slo },
    ...(st.cacheTier === null ? {} : { cache: cacheSnapshotOf(st) as CacheSnapshot }),
    ...scalingOf(st),
    ...(st.pipeline === null ? {} : { pipeline: pipelineSnapshotOf(st) as PipelineSnapshot }),
  };
}

function scalingOf(st: SimState): { scaling?: NonNullable<ReturnType<typeof scalingSnapshotOf>> } {
  const scaling = scalingSnapshotOf(st);
  return scaling === null ? {} : { scaling };
}
