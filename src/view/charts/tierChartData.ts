// What the optional tiers' charts draw per one-second window: the cache hit ratio, the operations
// storage serves, the app servers serving, and the pipeline's appends, lag and staleness. Pure,
// like chartData.ts; a gap where a second had nothing to judge (no cache lookup), never a made-up 0.
import type { WindowMetrics } from '../../sim/index';
import type { Point } from './chartData';

/** Cache hits over lookups in the window; null when there was no lookup. */
export function hitRatioOf(w: WindowMetrics): number | null {
  const lookups = (w.cacheHits ?? 0) + (w.cacheMisses ?? 0);
  return lookups > 0 ? (w.cacheHits ?? 0) / lookups : null;
}

export function hitRatioPoints(windows: readonly WindowMetrics[]): Point[] {
  return windows.map((w) => ({ x: w.endMs / 1000, y: hitRatioOf(w) }));
}

export function storageOpsPoints(windows: readonly WindowMetrics[]): Point[] {
  return windows.map((w) => ({ x: w.endMs / 1000, y: w.storageRps }));
}

/** App servers serving at each window's end; a gap for windows made before the tier counted them. */
export function appServersPoints(windows: readonly WindowMetrics[]): Point[] {
  return windows.map((w) => ({ x: w.endMs / 1000, y: w.appServersUp ?? null }));
}

/** Change events appended to the log per second; a gap for a window made without a log. */
export function logAppendPoints(windows: readonly WindowMetrics[]): Point[] {
  return windows.map((w) => {
    const seconds = (w.endMs - w.startMs) / 1000;
    return { x: w.endMs / 1000, y: w.logAppends === undefined || seconds <= 0 ? null : w.logAppends / seconds };
  });
}

/** A consumer group's lag in events at each window's end (the groups the windows name). */
export function lagPoints(windows: readonly WindowMetrics[], role: 'indexer' | 'notifier'): Point[] {
  return windows.map((w) => ({
    x: w.endMs / 1000,
    y: (role === 'indexer' ? w.indexerLagEvents : w.notifierLagEvents) ?? null,
  }));
}

/** How far the search index is behind the database at each window's end, s. */
export function stalenessPoints(windows: readonly WindowMetrics[]): Point[] {
  return windows.map((w) => ({ x: w.endMs / 1000, y: w.stalenessSeconds ?? null }));
}

/** A linear axis from 0 to just above the largest value of the points (at least `floor`). */
export function linearMax(points: readonly Point[], floor: number): number {
  let hi = 0;
  for (const p of points) if (p.y !== null) hi = Math.max(hi, p.y);
  return hi > 0 ? Math.max(floor, hi * 1.1) : floor;
}
