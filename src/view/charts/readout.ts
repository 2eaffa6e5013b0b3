// A chart's readout: the second nearest a time (from the pointer or the arrow keys) and the
// values of every series there, in words with units ("t = 12.0 s · p50 14.0 ms · p99 88.0 ms").
// Pure, so the lookup and the words are unit-tested; ChartReadout draws it.
import type { Point } from './chartData';

export interface ReadoutSeries {
  readonly key: string;
  /** The name the legend uses ("p99", "served"). */
  readonly label: string;
  readonly points: readonly Point[];
  /** The value with its unit ("88.0 ms", "612 req/s", "99.90%"). */
  readonly format: (value: number) => string;
}

export interface ReadoutValue {
  readonly key: string;
  readonly label: string;
  readonly y: number | null;
  readonly text: string;
}

export interface Readout {
  readonly index: number;
  readonly timeS: number;
  readonly values: readonly ReadoutValue[];
  readonly text: string;
}

/** What a series reads where it has no value (no request finished that second). */
export const NO_READING = 'none';

/** The index of the x nearest `x` in ascending `xs` (the earlier on a tie); -1 when empty. */
export function nearestIndex(xs: readonly number[], x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && x - (xs[lo - 1] as number) <= (xs[lo] as number) - x) return lo - 1;
  return lo;
}

/** The index after a key press, kept inside the data; null for a key the readout ignores. */
export function indexAfterKey(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const from = index < 0 || index > last ? last : index;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, from - 1);
    case 'ArrowRight':
      return Math.min(last, from + 1);
    case 'PageUp':
      return Math.max(0, from - 10);
    case 'PageDown':
      return Math.min(last, from + 10);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

export const timeText = (timeS: number) => `t = ${timeS.toFixed(1)} s`;

/** The readout at point `index` of the series (which share their x values); null when there is none. */
export function readoutAt(series: readonly ReadoutSeries[], index: number): Readout | null {
  const first = series[0]?.points[index];
  if (!first) return null;
  const values = series.map((s): ReadoutValue => {
    const y = s.points[index]?.y ?? null;
    return { key: s.key, label: s.label, y, text: y === null ? NO_READING : s.format(y) };
  });
  const text = [timeText(first.x), ...values.map((v) => `${v.label} ${v.text}`)].join(' · ');
  return { index, timeS: first.x, values, text };
}

/** The readout nearest a time in seconds. */
export function readoutNear(series: readonly ReadoutSeries[], timeS: number): Readout | null {
  const xs = (series[0]?.points ?? []).map((p) => p.x);
  return readoutAt(series, nearestIndex(xs, timeS));
}
