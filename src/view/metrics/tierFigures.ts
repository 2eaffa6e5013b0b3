// The figures of the optional tiers, over the window the headline judges: the cache's hit ratio
// (and the whole run's beside it), stale reads, the load that reaches storage and the keys held;
// for scaling, what the machines cost and how many app servers serve. Pure, so unit-tested; null
// when the scenario has no such tier, so an old scenario's headline shows nothing new.
import type { Frame, WindowMetrics } from '../../sim/index';
import type { FigureWindow } from '../../store/figureWindow';

export interface CacheFigures {
  /** "last 10 s", "whole run". */
  readonly label: string;
  readonly lookups: number;
  /** hits / lookups over the window; null when there was no lookup to judge. */
  readonly hitShare: number | null;
  /** The same since the run began (null before the first lookup). */
  readonly wholeRunHitShare: number | null;
  readonly staleReads: number;
  /** Operations app servers sent to storage replicas, per simulated second over the window. */
  readonly storageOpsPerS: number;
  /** Keys all cache nodes hold now. */
  readonly keysHeld: number;
}

const share = (hits: number, lookups: number) => (lookups > 0 ? hits / lookups : null);

export function cacheFiguresOf(
  frame: Frame | null,
  windows: readonly WindowMetrics[],
  window: FigureWindow,
): CacheFigures | null {
  const cache = frame?.cache;
  if (!frame || !cache) return null;
  const wholeRunHitShare = share(cache.hits, cache.hits + cache.misses);
  if (window.seconds === null) {
    const seconds = frame.timeMs / 1000;
    return {
      label: window.label,
      lookups: cache.hits + cache.misses,
      hitShare: wholeRunHitShare,
      wholeRunHitShare,
      staleReads: cache.staleReads,
      storageOpsPerS: seconds > 0 ? frame.cumulative.storageRequests / seconds : 0,
      keysHeld: cache.keysHeld,
    };
  }
  let hits = 0;
  let misses = 0;
  let staleReads = 0;
  let storageOps = 0;
  let seconds = 0;
  for (const w of windows.slice(-window.seconds)) {
    const s = (w.endMs - w.startMs) / 1000;
    hits += w.cacheHits ?? 0;
    misses += w.cacheMisses ?? 0;
    staleReads += w.staleReads ?? 0;
    storageOps += w.storageRps * s;
    seconds += s;
  }
  return {
    label: window.label,
    lookups: hits + misses,
    hitShare: share(hits, hits + misses),
    wholeRunHitShare,
    staleReads,
    storageOpsPerS: seconds > 0 ? storageOps / seconds : 0,
    keysHeld: cache.keysHeld,
  };
}

export const COST_TIERS = [
  { key: 'app', label: 'app' },
  { key: 'cache', label: 'cache' },
  { key: 'storage', label: 'storage' },
  { key: 'balancer', label: 'balancer' },
] as const;

export interface ScalingFigures {
  /** Machine-seconds since the run began, in all and per tier (COST_TIERS order), tiers without machines left out. */
  readonly machineSeconds: number;
  readonly byTier: readonly { readonly key: string; readonly label: string; readonly seconds: number }[];
  /** App servers serving at the latest window's end (or existing now, before the first window). */
  readonly appServersServing: number;
  /** The most the tier may grow to. */
  readonly appServersMost: number | null;
  readonly autoscaler: { readonly enabled: boolean; readonly lastDecision: string | null } | null;
}

export function scalingFiguresOf(
  frame: Frame | null,
  windows: readonly WindowMetrics[],
  appServersMost: number | null,
): ScalingFigures | null {
  const scaling = frame?.scaling;
  if (!scaling) return null;
  const byTier = COST_TIERS.map(({ key, label }) => ({ key, label, seconds: scaling.machineSeconds[key] })).filter(
    (t) => t.seconds > 0 || t.key === 'app',
  );
  return {
    machineSeconds: byTier.reduce((sum, t) => sum + t.seconds, 0),
    byTier,
    appServersServing: windows.at(-1)?.appServersUp ?? scaling.counts.app,
    appServersMost,
    autoscaler: scaling.autoscaler,
  };
}

/** A share as a percentage with one decimal ("87.3%"); the caller says what a missing share means. */
export function formatHitShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Machine-seconds as a whole number with a unit that splits like the other figures ("1234 machine-s"). */
export function formatMachineSeconds(seconds: number): string {
  return `${Math.round(seconds)} machine-s`;
}
