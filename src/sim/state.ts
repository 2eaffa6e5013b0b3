// All mutable simulation state, in flat typed arrays indexed by small integers, so the hot
// path allocates nothing. Node index layout: 0 = clients, 1 = load balancer, then app servers,
// then storage nodes, then cache nodes (only with a cache tier), then the pipeline's nodes. Only the cluster/ modules and the engine write here.
import { EventQueue } from './eventQueue';
import { createStreams, Rng, samplerOf, type Sampler, type Streams } from './random';
import type { Policy, Scenario } from './scenarioSchema';
import { DeadlineQueue } from './deadlineQueue';
import { growRequests } from './requestPool';
import { Metrics } from './metrics';
import { EventLog } from './eventLog';
import type { EventCause } from './snapshot';
import { KIND_SPAN, type EventKind, type Observer } from './events';
import type { Tracer } from './trace/tracer';
import { MASKS, MAX_RF, NodeStatusCode, SlotState, type BadConfig } from './codes';
import { StorageQueues } from './cluster/storageQueue';
import { LINK_TRAFFIC_LIMIT } from './cluster/network';
import { CacheTier, cacheSlots } from './cache/cacheTier';
import { nodeLayout } from './nodeLayout';
import { ScalingState, slotCounts } from './scaling/scalingState';
import { hasPipeline, Pipeline, pipelineNodeNames } from './pipeline/pipeline';
import { TierWindows } from './tierWindows';

export class SimState {
  readonly scenario: Scenario;
  readonly seed: number;
  policy: Policy;
  nowMs = 0;
  readonly queue = new EventQueue(4096);
  readonly deadlines = new DeadlineQueue();
  readonly rng: Streams;
  /** Re-seeded per attempt so a storage round can be recomputed exactly after a fault. */
  readonly storageDraws = new Rng(0);
  readonly metrics: Metrics;
  readonly log: EventLog;
  readonly hopSampler: Sampler;
  readonly diskSampler: Sampler;
  readonly serviceSampler: Sampler;

  // Topology.
  readonly appCount: number;
  readonly storageCount: number;
  /** Cache node slots (0 without a cache tier); the tier's lookups and keys are in cacheTier. */
  readonly cacheCount: number;
  readonly cacheTier: CacheTier | null;
  readonly nodeCount: number;
  readonly disksPerNode: number;
  readonly nodeIds: string[];
  readonly nodeRack: Int32Array;
  readonly rackIds: string[];
  readonly linkCount: number;
  readonly linkA: Int32Array;
  readonly linkB: Int32Array;

  // Nodes.
  readonly nodeStatus: Uint8Array;
  /** Last time the node went down/up or changed network side: work sent before then is void. */
  readonly nodeChangedAt: Float64Array;
  readonly nodeEpoch: Int32Array;
  readonly nodeSlow: Float64Array;
  /** Bigger machines (scaleUp): service and disk time are divided by this; 1 by default. */
  readonly nodeSpeed: Float64Array;
  readonly nodeSide: Int32Array;
  readonly badConfig: (BadConfig | null)[];

  // Links.
  readonly linkCut: Uint8Array;
  /** Links cut now: while none is, a message need not look its link up in linkCut (a cache miss in a large cluster). */
  linksCut = 0;
  readonly linkLoss: Float64Array;
  readonly linkLatencyMs: Float64Array;
  readonly linkChangedAt: Float64Array;
  /** 1 where a link has extra loss or latency: a small array the hot path reads before the large ones. */
  readonly linkDegraded: Uint8Array;
  /** Links with extra loss or latency now: while none has, linkDegraded need not be read either. */
  linksDegraded = 0;
  /** Whether messages are counted per link (see LINK_TRAFFIC_LIMIT); without, the two arrays are empty. */
  readonly linkTraffic: boolean;
  /** Messages sent over each link and messages dropped on it (cut, lost, or sent to a dead node). */
  readonly linkSent: Float64Array;
  readonly linkDropped: Float64Array;
  /** Bumped whenever a link's cut, loss or latency changes, so views can skip unchanged link state. */
  linkVersion = 0;

  // Disks (index = storage * disksPerNode + disk).
  readonly diskStatus: Uint8Array;
  readonly diskChangedAt: Float64Array;
  /** Bumped on every failure and replacement, so a scheduled replacement can tell it is stale. */
  readonly diskEpoch: Int32Array;
  readonly diskReplicas: Set<number>[];
  readonly diskRebuilding: Int32Array;

  // App servers (index a = node - 2).
  readonly workers: number;
  queueCapacity: number;
  queueSlot: Int32Array;
  queueAux: Int32Array;
  readonly queueHead: Int32Array;
  readonly queueLength: Int32Array;
  readonly busy: Int32Array;
  readonly workSlot: Int32Array;
  readonly workAux: Int32Array;
  /** When each worker picked up its attempt: the server's own stopwatch. */
  readonly workStartMs: Float64Array;
  readonly workBusy: Uint8Array;
  readonly busyArea: Float64Array;
  readonly busyChangedAt: Float64Array;
  readonly utilization: Float64Array;
  readonly outstanding: Int32Array;
  readonly inRotation: Uint8Array;
  readonly failedProbes: Int32Array;
  rotation: number[] = [];
  roundRobin = 0;

  // Partitions and replicas (slot index = partition * MAX_RF + slot).
  readonly partitions: number;
  readonly slotDisk: Int32Array;
  readonly slotState: Uint8Array;
  readonly slotChangedAt: Float64Array;
  readonly slotGen: Int32Array;
  readonly slotTarget: Int32Array;
  readonly maskCounts: Float64Array;
  readonly presentSlots: Uint8Array;
  /** Storage nodes' slots and queues when the scenario gives them a capacity; null: unlimited. */
  readonly storageQueues: StorageQueues | null;
  readonly repairQueue: number[] = [];
  repairsActive = 0;

  // Requests (user requests, each with its current attempt).
  requestCapacity = 0;
  reqState = new Uint8Array(0);
  reqGen = new Int32Array(0);
  reqAttempt = new Uint8Array(0);
  reqFlags = new Uint8Array(0);
  reqStartMs = new Float64Array(0);
  reqAttemptStartMs = new Float64Array(0);
  reqServer = new Int32Array(0);
  reqSendMs = new Float64Array(0);
  reqDrawSeed = new Int32Array(0);
  /** Which data a request is about (its partitions), the same for every attempt. */
  reqKeySeed = new Int32Array(0);
  reqFaultEpoch = new Int32Array(0);
  reqOutcome = new Uint8Array(0);
  reqPartition = new Int32Array(0);
  reqMask = new Uint8Array(0);
  /** 1 when the pending reply carries a storage round's result (which a fault may void). */
  reqRound = new Uint8Array(0);
  /** Positions of the current attempt's read that the cache answered (bit k), so a replay keeps them. */
  reqCacheHits = new Int32Array(0);
  freeRequests: number[] = [];
  requestsInFlight = 0;

  // Load and faults.
  loadMultiplier = 1;
  /** The highest arrival rate (rate x spike) since the event budget's window began, req/s. */
  peakLoadRps: number;
  spikeToken = 0;
  arrivalToken = 0;
  rateRps: number;
  readShare: number;
  /** Share of requests that are searches (0 without a search index): drawn after reads. */
  searchShare: number;
  fanOut: number;
  writeFanOut: number;
  retryTokens = 0;
  faultEpoch = 0;
  hardwareToken = 0;
  hardware: Scenario['hardwareFaults'];
  /** Hardware time elapsed up to hardwareSinceMs of simulated time (compression may change). */
  hardwareBaseMs = 0;
  hardwareSinceMs = 0;
  rolloutToken = 0;
  pendingRollout: { nodes: number[]; config: BadConfig } | null = null;
  sideCounter = 0;

  constructor(scenario: Scenario, seed: number) {
    this.scenario = scenario;
    this.seed = seed;
    this.policy = { ...scenario.policy, retry: { ...scenario.policy.retry } };
    this.rng = createStreams(seed);
    this.rateRps = scenario.clients.rateRps;
    this.peakLoadRps = this.rateRps;
    this.readShare = scenario.clients.readShare;
    this.searchShare = scenario.clients.searchShare ?? 0;
    this.fanOut = scenario.clients.fanOut;
    this.writeFanOut = scenario.clients.writeFanOut;
    this.hardware = { ...scenario.hardwareFaults };
    this.hopSampler = samplerOf(scenario.network.hopLatency);
    this.diskSampler = samplerOf(scenario.storage.diskLatency);
    this.serviceSampler = samplerOf(scenario.appServers.serviceTime);

    // With scaling, every node the tiers may grow to has a slot from the start (absent until added).
    const slots = slotCounts(scenario);
    const a = (this.appCount = slots.app);
    const s = (this.storageCount = slots.storage);
    const c = (this.cacheCount = cacheSlots(scenario));
    const pipelineNames = pipelineNodeNames(scenario);
    const n = (this.nodeCount = 2 + a + s + c + pipelineNames.length);
    const d = (this.disksPerNode = scenario.storage.disksPerNode);
    this.rackIds = [...scenario.racks];
    const layout = nodeLayout(scenario, this.rackIds, a, s, c, pipelineNames);
    this.nodeIds = layout.nodeIds;
    this.nodeRack = layout.nodeRack;
    this.linkCount = layout.linkA.length;
    this.linkA = layout.linkA;
    this.linkB = layout.linkB;

    this.nodeStatus = new Uint8Array(n);
    this.nodeChangedAt = new Float64Array(n).fill(-1);
    this.nodeEpoch = new Int32Array(n);
    this.nodeSlow = new Float64Array(n).fill(1);
    this.nodeSpeed = new Float64Array(n).fill(1);
    this.nodeSide = new Int32Array(n);
    this.badConfig = new Array<BadConfig | null>(n).fill(null);
    // Cache node slots beyond the starting ones wait to be added (scaling.maxCacheNodes).
    for (let i = scenario.cache?.nodes ?? 0; i < c; i++) this.nodeStatus[2 + a + s + i] = NodeStatusCode.absent;

    this.linkCut = new Uint8Array(this.linkCount);
    this.linkLoss = new Float64Array(this.linkCount);
    this.linkLatencyMs = new Float64Array(this.linkCount);
    this.linkChangedAt = new Float64Array(this.linkCount).fill(-1);
    this.linkDegraded = new Uint8Array(this.linkCount);
    this.linkTraffic = this.linkCount <= LINK_TRAFFIC_LIMIT;
    this.linkSent = new Float64Array(this.linkTraffic ? this.linkCount : 0);
    this.linkDropped = new Float64Array(this.linkTraffic ? this.linkCount : 0);

    this.diskStatus = new Uint8Array(s * d);
    this.diskChangedAt = new Float64Array(s * d).fill(-1);
    this.diskEpoch = new Int32Array(s * d);
    this.diskReplicas = Array.from({ length: s * d }, () => new Set<number>());
    this.diskRebuilding = new Int32Array(s * d);

    const w = (this.workers = scenario.appServers.workers);
    this.queueCapacity = Math.max(1, this.policy.queueLimit);
    this.queueSlot = new Int32Array(a * this.queueCapacity);
    this.queueAux = new Int32Array(a * this.queueCapacity);
    this.queueHead = new Int32Array(a);
    this.queueLength = new Int32Array(a);
    this.busy = new Int32Array(a);
    this.workSlot = new Int32Array(a * w);
    this.workAux = new Int32Array(a * w);
    this.workStartMs = new Float64Array(a * w);
    this.workBusy = new Uint8Array(a * w);
    this.busyArea = new Float64Array(a);
    this.busyChangedAt = new Float64Array(a);
    this.utilization = new Float64Array(a);
    this.outstanding = new Int32Array(a);
    this.inRotation = new Uint8Array(a).fill(1);
    this.failedProbes = new Int32Array(a);

    const p = (this.partitions = scenario.storage.partitions);
    this.slotDisk = new Int32Array(p * MAX_RF).fill(-1);
    this.slotState = new Uint8Array(p * MAX_RF).fill(SlotState.missing);
    this.slotChangedAt = new Float64Array(p * MAX_RF).fill(-1);
    this.slotGen = new Int32Array(p * MAX_RF);
    this.slotTarget = new Int32Array(p * MAX_RF).fill(-1);
    this.maskCounts = new Float64Array(p * MASKS);
    this.presentSlots = new Uint8Array(p);
    const capacity = scenario.storage.capacity;
    this.storageQueues = capacity === undefined ? null : new StorageQueues(s, capacity);

    this.cacheTier = scenario.cache === undefined ? null : new CacheTier(scenario.cache, c, seed);
    this.metrics = new Metrics(scenario.slo);
    this.pipeline = hasPipeline(scenario) ? new Pipeline(scenario, this.cacheTier, 2 + a + s + c, seed) : null;
    for (const g of this.pipeline?.groups ?? [])
      for (let i = g.settings.consumers; i < g.settings.maxConsumers; i++)
        this.nodeStatus[g.firstNode + i] = NodeStatusCode.absent;
    this.metrics.windowExtras = new TierWindows(this.cacheTier, this.pipeline, this);
    this.log = new EventLog();
    growRequests(this, 1024);
    this.scaling = scenario.scaling === undefined ? null : new ScalingState(this, scenario.scaling);
  }

  /** The log, consumer groups and search index (pipeline/); null without scenario.log or scenario.index. */
  readonly pipeline: Pipeline | null;

  /** Node slots, cost, moves and the autoscaler (scaling/); null without scenario.scaling. */
  readonly scaling: ScalingState | null;

  observer: Observer | null = null;
  /** Who set off what happens now (the engine sets it around commands): marks each notable event. */
  noteCause: EventCause = 'auto';
  /** The flight recorder for sampled and traced requests (trace/tracer.ts): reads only, never changes the run. */
  tracer: Tracer | null = null;

  /** Schedules an event; index names the thing it concerns (request slot, node, ...), aux guards staleness. */
  at(timeMs: number, kind: EventKind, index: number, aux: number): void {
    this.queue.push(timeMs, index * KIND_SPAN + kind, aux);
  }

  /** Hardware time runs timeCompression times faster than simulated time: converts a hardware duration. */
  hardwareMs(durationMs: number): number {
    return durationMs / this.hardware.timeCompression;
  }

  hardwareNowMs(): number {
    return this.hardwareBaseMs + (this.nowMs - this.hardwareSinceMs) * this.hardware.timeCompression;
  }

  note(type: string, target: string, detail: string, noop = false): void {
    this.log.note(this.nowMs, type, target, detail, this.noteCause, noop);
  }

  appNode(a: number): number {
    return 2 + a;
  }

  storageNode(s: number): number {
    return 2 + this.appCount + s;
  }

  isApp(node: number): boolean {
    return node >= 2 && node < 2 + this.appCount;
  }

  isStorage(node: number): boolean {
    return node >= 2 + this.appCount && node < 2 + this.appCount + this.storageCount;
  }

  cacheNode(c: number): number {
    return 2 + this.appCount + this.storageCount + c;
  }

  isCache(node: number): boolean {
    return (
      node >= 2 + this.appCount + this.storageCount && node < 2 + this.appCount + this.storageCount + this.cacheCount
    );
  }

  /** Link index between app server a and cache node c. */
  cacheLink(a: number, c: number): number {
    return 1 + this.appCount + this.appCount * this.storageCount + a * this.cacheCount + c;
  }

  /** Link index between the load balancer and app server a. */
  balancerLink(a: number): number {
    return 1 + a;
  }

  /** Link index between app server a and storage node s. */
  storageLink(a: number, s: number): number {
    return 1 + this.appCount + a * this.storageCount + s;
  }
}
