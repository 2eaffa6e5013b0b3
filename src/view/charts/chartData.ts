// Pure helpers that turn metric windows into what the time-series charts draw: the visible
// slice, per-series points, y domains and ticks. No React, no DOM, so they are unit-tested.
import type { WindowMetrics } from '../../sim/index';

/** The spans a reader can choose; the store keeps 600 one-second windows, so 10 min is all of it. */
export const SPANS_S = [30, 120, 600] as const;
export type SpanS = (typeof SPANS_S)[number];
export const DEFAULT_SPAN_S: SpanS = 120;

/** A point on a line: x in simulated seconds, y null where there is nothing to draw (a gap). */
export interface Point {
  readonly x: number;
  readonly y: number | null;
}

export interface TimeDomain {
  readonly startS: number;
  readonly endS: number;
}

/**
 * The x range: the last `spanS` seconds up to the newest window (or `endAtLeastS`, the moment
 * looked back at, which may be mid-second). Before a full span has run the range starts at 0 and
 * stays `spanS` wide, so lines grow from the left instead of stretching.
 */
export function timeDomain(windows: readonly WindowMetrics[], spanS: number, endAtLeastS = 0): TimeDomain {
  const last = windows[windows.length - 1];
  const endS = Math.max(spanS, last ? last.endMs / 1000 : 0, endAtLeastS);
  return { startS: endS - spanS, endS };
}

/** Windows that end inside the domain, oldest first. */
export function visibleWindows(windows: readonly WindowMetrics[], domain: TimeDomain): readonly WindowMetrics[] {
  let first = windows.length;
  while (first > 0 && (windows[first - 1] as WindowMetrics).endMs / 1000 > domain.startS) first--;
  return windows.slice(first);
}

const seconds = (w: WindowMetrics) => (w.endMs - w.startMs) / 1000;

export type LatencyKey = 'p50' | 'p95' | 'p99' | 'p999';
export const LATENCY_KEYS: readonly LatencyKey[] = ['p50', 'p95', 'p99', 'p999'];

/** A latency percentile per window; a gap where no request finished (there is no latency). */
export function latencyPoints(windows: readonly WindowMetrics[], key: LatencyKey): Point[] {
  return windows.map((w) => ({
    x: w.endMs / 1000,
    y: w.latencyMs.count > 0 && w.latencyMs[key] > 0 ? w.latencyMs[key] : null,
  }));
}

/**
 * The app servers' own mean work time per second: what a dashboard built from server-side timings
 * would plot. Beside the users' percentiles it shows how much of their wait the servers never see.
 * Seconds below the chart's floor are left out (the chart says so in its legend).
 */
export function serverWorkPoints(windows: readonly WindowMetrics[], floorMs = 0): Point[] {
  return windows.map((w) => ({
    x: w.endMs / 1000,
    y: w.worked > 0 && w.serverWorkMs > 0 && w.serverWorkMs >= floorMs ? w.serverWorkMs : null,
  }));
}

export type ThroughputKey = 'offered' | 'served' | 'errors';
export const THROUGHPUT_KEYS: readonly ThroughputKey[] = ['offered', 'served', 'errors'];

/** Requests per second: offered, served (succeeded) and failed. */
export function throughputPoints(windows: readonly WindowMetrics[], key: ThroughputKey): Point[] {
  return windows.map((w) => ({ x: w.endMs / 1000, y: throughputOf(w, key) }));
}

export function throughputOf(w: WindowMetrics, key: ThroughputKey): number {
  if (key === 'offered') return w.offeredRps;
  if (key === 'served') return w.servedRps;
  const s = seconds(w);
  return s > 0 ? w.failed / s : 0;
}

export function availabilityPoints(windows: readonly WindowMetrics[]): Point[] {
  return windows.map((w) => ({ x: w.endMs / 1000, y: w.availability }));
}

/** Log-scale latency range covering the data and the p99 target, with room above and below. */
export function latencyDomain(windows: readonly WindowMetrics[], sloP99Ms: number): [number, number] {
  let lo = sloP99Ms;
  let hi = sloP99Ms;
  // The servers' own work time may sit below every percentile: the axis reaches down to it, but
  // by one decade at most, so near-instant servers do not squash the users' lines into a band.
  let work = Number.POSITIVE_INFINITY;
  for (const w of windows) {
    if (w.worked > 0 && w.serverWorkMs > 0) work = Math.min(work, w.serverWorkMs);
    if (w.latencyMs.count === 0) continue;
    if (w.latencyMs.p50 > 0) lo = Math.min(lo, w.latencyMs.p50);
    hi = Math.max(hi, w.latencyMs.p999);
  }
  work = Math.min(work, lo);
  return [Math.max(0.01, powerOfTenBelow(Math.max(work, lo / 10) * 0.8)), powerOfTenAbove(hi * 1.2)];
}

function powerOfTenBelow(v: number): number {
  return 10 ** Math.floor(Math.log10(v));
}

function powerOfTenAbove(v: number): number {
  return 10 ** Math.ceil(Math.log10(v));
}

/**
 * Ticks for a log axis, at most `maxTicks`: 1-2-5 per decade on short ranges, then 1-3, then
 * powers of ten, then every other power of ten.
 */
export function logTicks([lo, hi]: readonly [number, number], maxTicks = 8): number[] {
  const choices: { steps: readonly number[]; every: number }[] = [
    { steps: [1, 2, 5], every: 1 },
    { steps: [1, 3], every: 1 },
    { steps: [1], every: 1 },
    { steps: [1], every: 2 },
    { steps: [1], every: 3 },
  ];
  let ticks: number[] = [];
  for (const { steps, every } of choices) {
    ticks = [];
    const first = Math.floor(Math.log10(lo));
    for (let e = first; e <= Math.ceil(Math.log10(hi)); e++) {
      if ((e - first) % every !== 0) continue;
      for (const s of steps) {
        const v = Number((s * 10 ** e).toPrecision(6));
        if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push(v);
      }
    }
    if (ticks.length <= maxTicks) return ticks;
  }
  return ticks;
}

/** Linear throughput range from 0 to just above the largest rate. */
export function throughputMax(windows: readonly WindowMetrics[]): number {
  let hi = 0;
  for (const w of windows) for (const key of THROUGHPUT_KEYS) hi = Math.max(hi, throughputOf(w, key));
  return hi > 0 ? hi * 1.1 : 10;
}

/**
 * Availability range: always shows the SLO line with some room below it (four budgets' worth),
 * and reaches down to the worst window, so a dip is visible without hiding the target.
 */
export function availabilityDomain(windows: readonly WindowMetrics[], slo: number): [number, number] {
  let lo = Math.max(0, slo - 4 * (1 - slo));
  for (const w of windows) lo = Math.min(lo, w.availability);
  return [lo, 1];
}

/** Decimals a percentage tick needs, given the step between ticks (as a share). */
export function percentDecimals(step: number): number {
  if (!(step > 0)) return 0;
  return Math.max(0, Math.min(3, -Math.floor(Math.log10(step * 100) + 1e-9)));
}
