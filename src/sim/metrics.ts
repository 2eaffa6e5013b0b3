// Reliability metrics folded from simulation events: per window of simulated time (kept in a
// bounded ring) and cumulatively. Latency is the user's view: from a request's first attempt to
// its successful reply, retries included. Failed requests count against availability, and against
// the latency of all requests (latencyMsP99All), where they are slower than any success.
import { Histogram, QUANTILES } from './histogram';
import { latencyBinsOf, successRank } from './latencyBins';
import type { CumulativeMetrics, LatencySummary, WindowMetrics } from './snapshot';

export const WINDOW_MS = 1000;
export const WINDOW_LIMIT = 600;

function summarize(h: Histogram): LatencySummary {
  const [p50 = 0, p95 = 0, p99 = 0, p999 = 0] = h.quantiles(QUANTILES);
  return { count: h.count, mean: h.mean(), p50, p95, p99, p999, max: h.max };
}

/** p99 of successes and failures together, failures slowest: null when the p99 request failed. */
function p99OfAll(h: Histogram, failed: number): number | null {
  const rank = successRank(h.count, failed, 0.99);
  if (rank === null) return 0;
  return rank === Number.POSITIVE_INFINITY ? null : h.atRank(rank);
}

class Counters {
  offered = 0;
  attempts = 0;
  succeeded = 0;
  failed = 0;
  rejected = 0;
  timedOut = 0;
  errors = 0;
  retries = 0;
  storageRequests = 0;
  /** Storage operations that waited for a slot, and those a full storage queue rejected (storage.capacity). */
  storageQueued = 0;
  storageRejected = 0;
  /** Attempts an app server took in (served at once or queued), and those that had to queue. */
  admitted = 0;
  queued = 0;
  /** Worker time busy and available over closed windows (cumulative only), ms. */
  busyMs = 0;
  availableMs = 0;
  /** Attempts app servers finished working on, and the work time they measured for them. */
  worked = 0;
  workMs = 0;
}

/** Durability and fault counters, cumulative. */
export class DurabilityCounters {
  writesAcked = 0;
  ackedWritesLost = 0;
  /** Partitions that lost their last replica at least once: one lost twice counts once. */
  readonly lostPartitions = new Set<number>();
  /** Times a partition lost its last replica (a partition rebuilt empty and lost again counts again). */
  partitionLossEvents = 0;
  repairsCompleted = 0;
  diskFailures = 0;
  nodeFailures = 0;
}

export class Metrics {
  readonly total = new Counters();
  readonly durability = new DurabilityCounters();
  private current = new Counters();
  readonly latency = new Histogram();
  readonly windowLatency = new Histogram();
  private windowStartMs = 0;
  private readonly windows: WindowMetrics[] = [];
  private windowsStart = 0;

  constructor(private readonly slo: { availability: number; latencyMsP99: number }) {}

  issued(): void {
    this.total.offered++;
    this.current.offered++;
  }
  attempt(retry: boolean): void {
    this.total.attempts++;
    this.current.attempts++;
    if (retry) {
      this.total.retries++;
      this.current.retries++;
    }
  }
  succeeded(latencyMs: number): void {
    this.total.succeeded++;
    this.current.succeeded++;
    this.latency.record(latencyMs);
    this.windowLatency.record(latencyMs);
  }
  failed(): void {
    this.total.failed++;
    this.current.failed++;
  }
  rejected(): void {
    this.total.rejected++;
    this.current.rejected++;
  }
  timedOut(): void {
    this.total.timedOut++;
    this.current.timedOut++;
  }
  /** An app server finished working on an attempt after workMs (its own stopwatch: no queueing). */
  workDone(workMs: number): void {
    this.current.worked++;
    this.current.workMs += workMs;
  }
  /** Worker time spent busy and worker time available in a closed window, all servers together. */
  workerTime(busyMs: number, availableMs: number): void {
    this.total.busyMs += busyMs;
    this.total.availableMs += availableMs;
  }
  /** An app server took an attempt in; `queued` when every worker was busy and it had to wait. */
  admitted(queued: boolean): void {
    this.total.admitted++;
    if (queued) this.total.queued++;
  }
  storageRequest(): void {
    this.total.storageRequests++;
    this.current.storageRequests++;
  }
  /** A storage operation found every slot of its node busy and waited in the queue. */
  storageQueued(): void {
    this.total.storageQueued++;
    this.current.storageQueued++;
  }
  /** A storage operation found its node's queue full: the replica answered "overloaded". */
  storageRejected(): void {
    this.total.storageRejected++;
    this.current.storageRejected++;
  }
  errorReply(): void {
    this.total.errors++;
    this.current.errors++;
  }

  /**
   * A tier that adds figures to each closed window (and resets them for the next). An object, not
   * a closure: a checkpoint's deep copy copies it with the state, where a function would be shared.
   */
  windowExtras: { closeWindow(): Partial<WindowMetrics> } | null = null;

  /** appServersUp: app servers serving at the window's end, given only with scaling. */
  closeWindow(endMs: number, appServersUp?: number): void {
    const described = this.describeWindow(endMs);
    const window = appServersUp === undefined ? described : { ...described, appServersUp };
    if (this.windows.length < WINDOW_LIMIT) this.windows.push(window);
    else {
      this.windows[this.windowsStart] = window;
      this.windowsStart = (this.windowsStart + 1) % WINDOW_LIMIT;
    }
    this.current = new Counters();
    this.windowLatency.clear();
    this.windowStartMs = endMs;
  }

  private describeWindow(endMs: number): WindowMetrics {
    const c = this.current;
    const seconds = Math.max(1e-9, (endMs - this.windowStartMs) / 1000);
    const finished = c.succeeded + c.failed;
    return {
      startMs: this.windowStartMs,
      endMs,
      offered: c.offered,
      attempts: c.attempts,
      succeeded: c.succeeded,
      failed: c.failed,
      rejected: c.rejected,
      timedOut: c.timedOut,
      offeredRps: c.offered / seconds,
      servedRps: c.succeeded / seconds,
      storageRps: c.storageRequests / seconds,
      storageQueued: c.storageQueued,
      storageRejected: c.storageRejected,
      worked: c.worked,
      serverWorkMs: c.worked > 0 ? c.workMs / c.worked : 0,
      availability: finished > 0 ? c.succeeded / finished : 1,
      latencyMs: summarize(this.windowLatency),
      latencyBins: latencyBinsOf(this.windowLatency),
      ...this.windowExtras?.closeWindow(),
    };
  }

  /** Windows closed so far, oldest first (at most WINDOW_LIMIT). */
  closedWindows(): WindowMetrics[] {
    return [...this.windows.slice(this.windowsStart), ...this.windows.slice(0, this.windowsStart)];
  }

  /** Windows that ended after a time, oldest first: what a view that has seen up to then is missing. */
  windowsAfter(endMs: number): WindowMetrics[] {
    const out: WindowMetrics[] = [];
    const n = this.windows.length;
    for (let k = n - 1; k >= 0; k--) {
      const w = this.windows[(this.windowsStart + k) % n] as WindowMetrics;
      if (w.endMs <= endMs) break;
      out.push(w);
    }
    return out.reverse();
  }

  lastWindow(): WindowMetrics | null {
    if (this.windows.length === 0) return null;
    const i = (this.windowsStart + this.windows.length - 1) % this.windows.length;
    return this.windows[i] ?? null;
  }

  cumulative(nowMs: number, inFlight: number): CumulativeMetrics {
    const t = this.total;
    const finished = t.succeeded + t.failed;
    const allowedFailures = (1 - this.slo.availability) * finished;
    return {
      issued: t.offered,
      succeeded: t.succeeded,
      failed: t.failed,
      inFlight,
      attempts: t.attempts,
      retries: t.retries,
      rejected: t.rejected,
      timedOut: t.timedOut,
      errors: t.errors,
      storageRequests: t.storageRequests,
      storageQueued: t.storageQueued,
      storageRejected: t.storageRejected,
      availability: finished > 0 ? t.succeeded / finished : 1,
      // Checked after dividing: a time as tiny as 5e-324 ms underflows to 0 s (0 / 0 is NaN).
      throughputRps: nowMs / 1000 > 0 ? t.succeeded / (nowMs / 1000) : 0,
      latencyMs: summarize(this.latency),
      latencyMsP99All: p99OfAll(this.latency, t.failed),
      errorBudgetUsed: allowedFailures > 0 ? t.failed / allowedFailures : 0,
      queuedShare: t.admitted > 0 ? t.queued / t.admitted : 0,
      serverBusyShare: t.availableMs > 0 ? t.busyMs / t.availableMs : 0,
      sloLatencyExceededShare: this.latency.shareAbove(this.slo.latencyMsP99),
    };
  }
}
