// The state scaling adds to a run: which node slots exist, which app servers drain, each tier's
// machine size, what the cluster costs, the replica copies of a storage move, and the autoscaler's
// memory. Only with scenario.scaling; without it SimState.scaling is null and nothing here runs.
// Every tier gets a slot for each node it may grow to (maxAppServers, maxStorageNodes) so node
// indexes, links and typed arrays never move; a slot beyond the starting count begins absent.
import { MAX_RF, NodeStatusCode } from '../codes';
import { LATENCY_BIN_COUNT } from '../latencyBins';
import type { Scaling } from '../tierSchemas';
import type { Scenario } from '../scenarioSchema';
import type { SimState } from '../state';
import type { AutoscalerPolicy } from './autoscalerSchema';
import type { Recommendation } from './autoscaler';
import { CostTier, MachineSeconds } from './machineSeconds';

/** Slots per tier: the most nodes each may have (never fewer than it starts with). */
export function slotCounts(scenario: Scenario): { app: number; storage: number } {
  const app = scenario.appServers.count;
  const storage = scenario.storage.count;
  const scaling = scenario.scaling;
  if (scaling === undefined) return { app, storage };
  return {
    app: Math.max(app, scaling.maxAppServers ?? app),
    storage: Math.max(storage, scaling.maxStorageNodes ?? storage),
  };
}

/** What the autoscaler measured since its last evaluation, one closed window at a time. */
export class AutoscalerWindows {
  busyWorkerMs = 0;
  /** Serving servers × window length, summed: the capacity the busy time is measured against. */
  servingMs = 0;
  windowMs = 0;
  failed = 0;
  readonly bins = new Float64Array(LATENCY_BIN_COUNT);

  reset(): void {
    this.busyWorkerMs = 0;
    this.servingMs = 0;
    this.windowMs = 0;
    this.failed = 0;
    this.bins.fill(0);
  }
}

export class ScalingState {
  readonly settings: Scaling;
  /** Per node: 1 while an app server drains or a storage node's replicas are copied off before removal. */
  readonly draining: Uint8Array;
  /** Per tier (CostTier): the speed factor scaleUp gave it, which new nodes of the tier get too. */
  readonly tierSpeed = new Float64Array(4).fill(1);
  readonly cost = new MachineSeconds(0);
  /** Bumped when a node is removed, so its pending "ready" and drain checks become stale. */
  readonly slotEpoch: Int32Array;

  // Storage moves (slot index = partition * MAX_RF + slot): the disk a replica is being copied to.
  readonly moveTarget: Int32Array;
  /** The slot's generation when its copy began: a replica destroyed meanwhile voids the copy. */
  readonly moveGen: Int32Array;
  /** Slots being copied now, in the order their copies began. */
  readonly moving: number[] = [];
  /** Per disk: copies on their way to it (so two moves do not pick the same emptiest disk). */
  readonly diskIncoming: Int32Array;
  /** A retry of stalled moves is scheduled (one at a time). */
  retryScheduled = false;
  /** A storage node joined or is leaving: replicas move until the spread is even. */
  rebalancing = false;
  /** Replica copies finished in the current rebalance, for its closing event. */
  movesDone = 0;

  // The autoscaler.
  autoscaler: AutoscalerPolicy | null = null;
  nextEvaluationMs = 0;
  lastScaleMs: number | null = null;
  recommendations: Recommendation[] = [];
  lastDecision: string | null = null;
  readonly measured = new AutoscalerWindows();

  constructor(st: SimState, settings: Scaling) {
    this.settings = settings;
    this.draining = new Uint8Array(st.nodeCount);
    this.slotEpoch = new Int32Array(st.nodeCount);
    this.moveTarget = new Int32Array(st.partitions * MAX_RF).fill(-1);
    this.moveGen = new Int32Array(st.partitions * MAX_RF);
    this.diskIncoming = new Int32Array(st.diskStatus.length);
    const scenario = st.scenario;
    for (let a = scenario.appServers.count; a < st.appCount; a++) {
      st.nodeStatus[st.appNode(a)] = NodeStatusCode.absent;
      st.inRotation[a] = 0;
    }
    for (let s = scenario.storage.count; s < st.storageCount; s++)
      st.nodeStatus[st.storageNode(s)] = NodeStatusCode.absent;
    this.cost.add(CostTier.balancer, 0, 1);
    this.cost.add(CostTier.app, 0, scenario.appServers.count);
    this.cost.add(CostTier.storage, 0, scenario.storage.count);
    this.cost.add(CostTier.cache, 0, cacheNodesPresent(st));
  }
}

/** Cache nodes come after storage in the node layout (the cache tier's own module owns them). */
export function cacheNodesPresent(st: SimState): number {
  let n = 0;
  for (let node = st.cacheNode(0); node < st.cacheNode(st.cacheCount); node++)
    if (st.nodeStatus[node] !== NodeStatusCode.absent) n++;
  return n;
}

/** A node's machine speed (scaleUp): the cache tier reads it for its nodes too. */
export function speedOf(st: SimState, node: number): number {
  return st.nodeSpeed[node] as number;
}

/** App servers that take new work: up, not starting, not absent, not draining. */
export function isServing(st: SimState, a: number): boolean {
  const node = st.appNode(a);
  return st.nodeStatus[node] === NodeStatusCode.up && st.scaling?.draining[node] !== 1;
}

export function servingAppServers(st: SimState): number {
  let n = 0;
  for (let a = 0; a < st.appCount; a++) if (isServing(st, a)) n++;
  return n;
}

/** App servers counted as capacity in utilization: all without scaling; else those that exist and have started. */
export function appCapacityServers(st: SimState): number {
  if (st.scaling === null) return st.appCount;
  let n = 0;
  for (let a = 0; a < st.appCount; a++) {
    const status = st.nodeStatus[st.appNode(a)];
    if (status !== NodeStatusCode.absent && status !== NodeStatusCode.starting) n++;
  }
  return n;
}

/** Whether the load balancer should leave this app server alone (no probes, no rotation). */
export function unprobed(st: SimState, a: number): boolean {
  const node = st.appNode(a);
  const status = st.nodeStatus[node];
  return status === NodeStatusCode.absent || status === NodeStatusCode.starting || st.scaling?.draining[node] === 1;
}

/** App servers and storage nodes in the cluster (not absent), in node order. */
export function machinesInCluster(st: SimState): number[] {
  const out: number[] = [];
  for (let node = 2; node < st.storageNode(st.storageCount); node++)
    if (st.nodeStatus[node] !== NodeStatusCode.absent) out.push(node);
  return out;
}

/** Storage nodes that exist now (starting ones included). */
export function storageNodesPresent(st: SimState): number {
  let n = 0;
  for (let s = 0; s < st.storageCount; s++) if (st.nodeStatus[st.storageNode(s)] !== NodeStatusCode.absent) n++;
  return n;
}

/** Nodes that exist now in a tier (starting and crashed included, absent not). */
export function tierCounts(st: SimState): { app: number; cache: number; storage: number } {
  let app = 0;
  for (let a = 0; a < st.appCount; a++) if (st.nodeStatus[st.appNode(a)] !== NodeStatusCode.absent) app++;
  return { app, cache: cacheNodesPresent(st), storage: storageNodesPresent(st) };
}
