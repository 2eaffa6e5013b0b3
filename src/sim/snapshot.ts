// The readonly picture of the simulation handed to the outside once per frame or on demand.
// Plain data only (no class instances), so it can cross a Web Worker boundary by structured clone.
import type { PipelineSnapshot } from './pipeline/pipelineSnapshot';

export type NodeKind = 'clients' | 'loadBalancer' | 'app' | 'cache' | 'storage' | 'broker' | 'consumer' | 'index';
/** absent: a slot for a node not added yet (or removed); starting: added, provisioning, not serving yet. */
export type NodeStatus = 'up' | 'crashed' | 'powered-off' | 'absent' | 'starting';
export type DiskStatus = 'healthy' | 'failed' | 'replaced';

export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

export interface DiskSnapshot {
  readonly index: number;
  readonly status: DiskStatus;
  /** Replicas held by this disk now. */
  readonly replicas: number;
  /** Replica copies being written onto this disk (a rebuild in progress). */
  readonly rebuilding: number;
}

export interface NodeSnapshot {
  readonly id: string;
  readonly kind: NodeKind;
  readonly rack: string;
  readonly status: NodeStatus;
  readonly slowFactor: number;
  /** App servers: requests waiting, workers busy, time-averaged busy share over the last window. */
  readonly queueLength: number;
  readonly busyWorkers: number;
  readonly workers: number;
  readonly utilization: number;
  /** App servers: whether the load balancer currently sends traffic to it. */
  readonly inRotation: boolean;
  /** App servers: a bad configuration is deployed here. */
  readonly badConfig: boolean;
  /** Group label of a network partition: nodes with different labels cannot talk. 0 = main side. */
  readonly partitionSide: number;
  readonly disks: readonly DiskSnapshot[];
  /** App servers being removed: they take no new requests and finish the ones they hold. */
  readonly draining?: boolean;
  /** Bigger machines (scaleUp): service is this many times faster; absent = 1. */
  readonly speedFactor?: number;
  /** Cache nodes: keys held now, the most they hold, and their hit share over the last window (null: no lookups). */
  readonly cache?: { readonly keys: number; readonly capacity: number; readonly hitShare: number | null };
}

export interface LinkSnapshot {
  readonly id: string;
  readonly a: string;
  readonly b: string;
  readonly cut: boolean;
  readonly extraLoss: number;
  readonly extraLatencyMs: number;
}

export interface WindowMetrics {
  readonly startMs: number;
  readonly endMs: number;
  /** User requests that arrived in the window. */
  readonly offered: number;
  /** Attempts sent to the load balancer (first tries and retries). */
  readonly attempts: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly rejected: number;
  readonly timedOut: number;
  readonly offeredRps: number;
  readonly servedRps: number;
  /** Requests app servers sent to storage replicas per second: the load the storage tier sees. */
  readonly storageRps: number;
  /**
   * Storage operations that waited for a slot, and that a full storage queue rejected, in the
   * window: 0 unless storage nodes have a capacity (storage.capacity). Optional only so windows
   * made by hand need not carry them.
   */
  readonly storageQueued?: number;
  readonly storageRejected?: number;
  /** Cache lookups that found a value, that did not, and reads that returned a value older than the newest acknowledged write (only with a cache tier). */
  readonly cacheHits?: number;
  readonly cacheMisses?: number;
  readonly staleReads?: number;
  /** App servers serving (up, not starting or absent) at the window's end (only with scaling). */
  readonly appServersUp?: number;
  /** Change events appended to the log in the window (only with a log). */
  readonly logAppends?: number;
  /** Each consumer group's lag at the window's end: events not processed, and the oldest one's age, s. */
  readonly indexerLagEvents?: number;
  readonly indexerLagSeconds?: number;
  readonly notifierLagEvents?: number;
  readonly notifierLagSeconds?: number;
  /** How far the search index is behind the database at the window's end, s (only with an index). */
  readonly stalenessSeconds?: number;
  /** Searches answered in the window, and those that missed a write acknowledged before they began. */
  readonly searches?: number;
  readonly searchesMissedWrite?: number;
  /** Attempts whose work on an app server finished in the window (served or not, even if abandoned). */
  readonly worked: number;
  /**
   * Their mean work time as the server's own stopwatch sees it: from a worker picking the attempt
   * up to the work being done. Queueing is invisible to it. 0 when no work finished.
   */
  readonly serverWorkMs: number;
  /** succeeded / (succeeded + failed) of requests that finished in the window; 1 if none finished. */
  readonly availability: number;
  readonly latencyMs: LatencySummary;
  /**
   * The successful requests' latencies as flat [bin, count] pairs (src/sim/latencyBins.ts), so a
   * view can merge windows and read percentiles over any run of them. Always set by the
   * simulation; optional only so windows made by hand (tests, older exports) need not carry it.
   */
  readonly latencyBins?: readonly number[];
}

export interface CumulativeMetrics {
  readonly issued: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly inFlight: number;
  readonly attempts: number;
  readonly retries: number;
  readonly rejected: number;
  readonly timedOut: number;
  readonly errors: number;
  /** Requests app servers sent to storage replicas (each replica of each partition touched). */
  readonly storageRequests: number;
  /** Of those, operations that waited for a free slot, and operations rejected by a full queue (storage.capacity). */
  readonly storageQueued: number;
  readonly storageRejected: number;
  readonly availability: number;
  readonly throughputRps: number;
  readonly latencyMs: LatencySummary;
  /**
   * p99 of every finished request, failed ones counted as slower than any success (what users
   * got): null when the request at the 99th percentile failed (more than 1% failed); 0 when none
   * finished.
   */
  readonly latencyMsP99All: number | null;
  readonly errorBudgetUsed: number;
  /** Share of attempts app servers took in that had to wait in a queue (every worker busy). */
  readonly queuedShare: number;
  /** Share of the app servers' worker time spent working, over closed windows (a down server counts as idle). */
  readonly serverBusyShare: number;
  /** Share of successful requests slower than the SLO's latency threshold (slo.latencyMsP99). */
  readonly sloLatencyExceededShare: number;
}

export interface DurabilityMetrics {
  readonly writesAcked: number;
  readonly ackedWritesLost: number;
  /** Distinct partitions that lost every replica at least once. */
  readonly partitionsLost: number;
  /** Times a partition lost every replica: above partitionsLost when one was lost, rebuilt empty, and lost again. */
  readonly partitionLossEvents: number;
  readonly underReplicatedPartitions: number;
  readonly unavailablePartitions: number;
  readonly rereplicationBacklog: number;
  readonly repairsInProgress: number;
  readonly repairsCompleted: number;
  readonly diskFailures: number;
  readonly nodeFailures: number;
}

/** Who set a notable event off: the user (or a lesson) by a command, the scenario's schedule, or the run itself. */
export type EventCause = 'user' | 'schedule' | 'auto';

export interface NotableEvent {
  /** 1 for the run's first notable event, 2 for the next: a stable name for its log line. */
  readonly seq: number;
  readonly timeMs: number;
  readonly type: string;
  readonly target: string;
  readonly detail: string;
  readonly cause: EventCause;
  /** A command that changed nothing (only replays of links made before such commands were refused). */
  readonly noop?: true;
}

/** The cache tier as a whole (present only when the scenario has one). */
export interface CacheSnapshot {
  readonly placement: 'ring' | 'modulo';
  readonly writePolicy: 'invalidate' | 'write-through' | 'ttl-only';
  readonly ttlMs: number;
  readonly coalescing: boolean;
  readonly serveStaleOnError: boolean;
  readonly hits: number;
  readonly misses: number;
  /** hits / (hits + misses) since the start; null before the first lookup. */
  readonly hitShare: number | null;
  readonly staleReads: number;
  /** Misses that waited for another miss's storage read of the same key (coalescing). */
  readonly coalesced: number;
  /** Reads answered with an expired value because storage failed (serve stale on error). */
  readonly servedStale: number;
  readonly keysHeld: number;
}

/** Sizes, cost and the autoscaler (present only when the scenario has scaling). */
export interface ScalingSnapshot {
  /** Nodes that exist now per tier (starting and crashed included, absent not). */
  readonly counts: { readonly app: number; readonly cache: number; readonly storage: number };
  /** Machine-seconds used so far per tier: each machine costs from being asked for until removed. */
  readonly machineSeconds: {
    readonly balancer: number;
    readonly app: number;
    readonly cache: number;
    readonly storage: number;
  };
  /** The autoscaler's last decision in words, or null when there is no autoscaler. */
  readonly autoscaler: { readonly enabled: boolean; readonly lastDecision: string | null } | null;
  /** Storage partitions being moved to or from a node being added or removed. */
  readonly movingPartitions: number;
}

export interface SimulationSnapshot {
  readonly scenarioId: string;
  readonly seed: number;
  readonly timeMs: number;
  readonly hardwareTimeMs: number;
  readonly events: number;
  readonly logHash: string;
  readonly loadMultiplier: number;
  readonly nodes: readonly NodeSnapshot[];
  readonly links: readonly LinkSnapshot[];
  readonly cumulative: CumulativeMetrics;
  readonly window: WindowMetrics | null;
  readonly windows: readonly WindowMetrics[];
  readonly durability: DurabilityMetrics;
  readonly recentEvents: readonly NotableEvent[];
  readonly slo: { readonly availability: number; readonly latencyMsP99: number };
  readonly cache?: CacheSnapshot;
  readonly scaling?: ScalingSnapshot;
  /** The log, consumer groups and search index (only when the scenario has them). */
  readonly pipeline?: PipelineSnapshot;
}
