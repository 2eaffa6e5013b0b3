// Turns the cumulative latency histogram ([upper bound ms, count] in log bins, 8 per doubling)
// into bars for a log x axis: empty ends trimmed, neighbours merged when bars get too thin.
import type { LatencySummary } from '../../sim/index';
import { formatComparedTo, formatMs } from '../metrics/format';

export interface Bar {
  readonly lowerMs: number;
  readonly upperMs: number;
  readonly count: number;
}

const BIN_RATIO = 2 ** (1 / 8);

export function barsOf(bins: readonly (readonly [number, number])[]): Bar[] {
  const bars: Bar[] = bins.map(([upperMs, count], i) => ({
    lowerMs: i === 0 ? upperMs / BIN_RATIO : (bins[i - 1] as readonly [number, number])[0],
    upperMs,
    count,
  }));
  let first = 0;
  while (first < bars.length && (bars[first] as Bar).count === 0) first++;
  let last = bars.length - 1;
  while (last >= first && (bars[last] as Bar).count === 0) last--;
  return bars.slice(first, last + 1);
}

/** Merges runs of `factor` neighbouring bars into one. */
export function coarsen(bars: readonly Bar[], factor: number): Bar[] {
  if (factor <= 1) return [...bars];
  const merged: Bar[] = [];
  for (let i = 0; i < bars.length; i += factor) {
    const group = bars.slice(i, i + factor);
    merged.push({
      lowerMs: (group[0] as Bar).lowerMs,
      upperMs: (group[group.length - 1] as Bar).upperMs,
      count: group.reduce((a, b) => a + b.count, 0),
    });
  }
  return merged;
}

/** The smallest power-of-two merge factor that makes bars at least `minPx` wide. */
export function mergeFactor(barCount: number, widthPx: number, minPx: number): number {
  let factor = 1;
  while (factor < 64 && (widthPx / Math.max(1, barCount)) * factor < minPx) factor *= 2;
  return factor;
}

/** A log x range that holds every bar and the markers, padded to whole 1-2-5 steps. */
export function histogramDomain(bars: readonly Bar[], markersMs: readonly number[]): [number, number] {
  const values = [...markersMs.filter((v) => v > 0)];
  if (bars.length > 0) values.push((bars[0] as Bar).lowerMs, (bars[bars.length - 1] as Bar).upperMs);
  if (values.length === 0) return [1, 100];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return [stepBelow(lo), stepAbove(hi)];
}

const STEPS = [1, 2, 5, 10];

function stepBelow(v: number): number {
  const decade = 10 ** Math.floor(Math.log10(v));
  const s = [...STEPS].reverse().find((k) => k * decade <= v * 1.0001) ?? 1;
  return Number((s * decade).toPrecision(6));
}

function stepAbove(v: number): number {
  const decade = 10 ** Math.floor(Math.log10(v));
  const s = STEPS.find((k) => k * decade >= v * 0.9999) ?? 10;
  return Number((s * decade).toPrecision(6));
}

/** The histogram's point in words: how far the mean and the p99 sit from the median. */
export function compareInWords(l: LatencySummary): string {
  const mean = formatComparedTo(l.mean, l.p50, 'median');
  const meanText = mean
    ? `The mean (${formatMs(l.mean)}) is ${mean} (${formatMs(l.p50)})`
    : `The mean is ${formatMs(l.mean)}`;
  const tail = formatComparedTo(l.p99, l.p50, 'median');
  return tail ? `${meanText}; the p99 (${formatMs(l.p99)}) is ${tail}.` : `${meanText}.`;
}
