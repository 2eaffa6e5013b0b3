// The figures the headline judges, all over one window: the last N closed one-second windows, or
// the whole run from the cumulative counters (the store keeps only the last WINDOW_HISTORY
// windows, so a long run's start is not in the list). Availability, the error budget and the
// latency target read the same requests, so they cannot disagree: the budget is exhausted exactly
// when availability misses, and a latency target counts failed requests as the slowest.
import type { CumulativeMetrics, Frame, WindowMetrics } from '../sim/index';
import {
  LATENCY_BIN_COUNT,
  binsQuantileWithFailures,
  mergeLatencyBins,
  quantileWithFailures,
} from '../sim/latencyBins';
import type { FigureWindow } from './figureWindow';

export interface Slo {
  readonly availability: number;
  readonly latencyMsP99: number;
}

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
}

export interface WindowFigures {
  /** "last 10 s", "whole run": what the tiles' labels say. */
  readonly label: string;
  /** Simulated seconds the figures cover (less than asked for early in a run). */
  readonly seconds: number;
  readonly succeeded: number;
  readonly failed: number;
  /** succeeded / finished; 1 when nothing finished. */
  readonly availability: number;
  readonly availabilityMet: boolean;
  /** Failed requests over those the SLO allows, (1 − SLO) × finished; Infinity if it allows none but some failed. */
  readonly budgetUsed: number;
  readonly budgetExhausted: boolean;
  readonly offeredRps: number;
  readonly servedRps: number;
  readonly errorsRps: number;
  /** Failed over finished; 0 when nothing finished. */
  readonly errorShare: number;
  /** Percentiles of the successful requests; null when none succeeded. */
  readonly latencyMs: Percentiles | null;
  /** p99 of all finished requests, failures slowest: Infinity when the p99 request failed; null when none finished. */
  readonly p99AllMs: number | null;
  /** Whether p99AllMs meets the latency target; null when nothing finished. */
  readonly p99Met: boolean | null;
}

interface Counts {
  readonly seconds: number;
  readonly offered: number;
  readonly succeeded: number;
  readonly failed: number;
}

function judged(window: FigureWindow, slo: Slo, c: Counts, latencyMs: Percentiles | null, p99AllMs: number | null) {
  const finished = c.succeeded + c.failed;
  const allowed = (1 - slo.availability) * finished;
  const budgetUsed = allowed > 0 ? c.failed / allowed : c.failed > 0 ? Number.POSITIVE_INFINITY : 0;
  const perSecond = (n: number) => (c.seconds > 0 ? n / c.seconds : 0);
  return {
    label: window.label,
    seconds: c.seconds,
    succeeded: c.succeeded,
    failed: c.failed,
    availability: finished > 0 ? c.succeeded / finished : 1,
    // Both verdicts compare the same two numbers, so one is never met while the other is spent.
    availabilityMet: c.failed <= allowed,
    budgetUsed,
    budgetExhausted: c.failed > 0 && c.failed >= allowed,
    offeredRps: perSecond(c.offered),
    servedRps: perSecond(c.succeeded),
    errorsRps: perSecond(c.failed),
    errorShare: finished > 0 ? c.failed / finished : 0,
    latencyMs,
    p99AllMs,
    p99Met: p99AllMs === null ? null : p99AllMs <= slo.latencyMsP99,
  } satisfies WindowFigures;
}

// Reused between calls: merging windows allocates nothing.
const scratch = new Float64Array(LATENCY_BIN_COUNT);

/** The figures over the last `count` closed windows (or as many as there are). */
export function lastWindowsFigures(windows: readonly WindowMetrics[], window: FigureWindow, slo: Slo): WindowFigures {
  const recent = windows.slice(-(window.seconds ?? windows.length));
  let seconds = 0;
  let offered = 0;
  let succeeded = 0;
  let failed = 0;
  let maxMs = 0;
  for (const w of recent) {
    seconds += (w.endMs - w.startMs) / 1000;
    offered += w.offered;
    succeeded += w.succeeded;
    failed += w.failed;
    maxMs = Math.max(maxMs, w.latencyMs.max);
  }
  const merged = mergeLatencyBins(
    recent.map((w) => w.latencyBins),
    scratch,
  );
  const at = (q: number) => quantileWithFailures(merged, 0, q, maxMs) ?? 0;
  const latencyMs = succeeded > 0 ? { p50: at(0.5), p95: at(0.95), p99: at(0.99), p999: at(0.999) } : null;
  const p99AllMs = quantileWithFailures(merged, failed, 0.99, maxMs);
  return judged(window, slo, { seconds, offered, succeeded, failed }, latencyMs, p99AllMs);
}

/** The figures since the run began, from the cumulative counters and histogram. */
export function wholeRunFigures(frame: Frame, window: FigureWindow, slo: Slo): WindowFigures {
  const c: CumulativeMetrics = frame.cumulative;
  const l = c.latencyMs;
  const latencyMs = c.succeeded > 0 ? { p50: l.p50, p95: l.p95, p99: l.p99, p999: l.p999 } : null;
  const finished = c.succeeded + c.failed;
  const p99AllMs = finished === 0 ? null : (c.latencyMsP99All ?? Number.POSITIVE_INFINITY);
  const counts = { seconds: frame.timeMs / 1000, offered: c.issued, succeeded: c.succeeded, failed: c.failed };
  return judged(window, slo, counts, latencyMs, p99AllMs);
}

const p99AllCache = new WeakMap<WindowMetrics, number | null>();

/** One window's p99 of all requests: Infinity when its p99 request failed, null when none finished. */
export function p99AllOf(w: WindowMetrics): number | null {
  const cached = p99AllCache.get(w);
  if (cached !== undefined) return cached;
  const finished = w.succeeded + w.failed;
  let value: number | null;
  if (w.latencyBins) value = binsQuantileWithFailures(w.latencyBins, w.failed, 0.99, w.latencyMs.max);
  // A window made by hand has no bins: its own p99 unless the failures reach the p99.
  else if (finished === 0) value = null;
  else value = Math.ceil(0.99 * finished) > w.succeeded ? Number.POSITIVE_INFINITY : w.latencyMs.p99;
  p99AllCache.set(w, value);
  return value;
}
