// Selectors for the charts. The store builds a new windows list on every frame (60 times a
// second), so charts read it through useShallow and the histogram through a sample that only
// changes when a one-second window closes: charts redraw once per simulated second at most.
import type { LatencySummary, WindowMetrics } from '../../sim/index';
import type { AppState } from '../../store/appStore';

export const selectSlo = (s: AppState) => s.scenario.slo;
/** The moment shown while looking back at an earlier part of the run; null when live. */
export const selectLookBackMs = (s: AppState) => (s.past ? (s.shown.frame?.timeMs ?? 0) : null);

export interface HistogramSample {
  readonly timeMs: number;
  readonly bins: readonly (readonly [number, number])[];
  readonly latencyMs: LatencySummary;
}

// Keyed by the newest window object, so the same state always yields the same sample (a stable
// selector result) and old samples are collected with their windows.
const samples = new WeakMap<WindowMetrics, HistogramSample>();

export function selectHistogramSample(s: AppState): HistogramSample | null {
  const { windows, frame } = s.shown;
  const last = windows[windows.length - 1];
  if (!last || !frame) return null;
  let sample = samples.get(last);
  if (!sample) {
    sample = { timeMs: frame.timeMs, bins: frame.histogram, latencyMs: frame.cumulative.latencyMs };
    samples.set(last, sample);
  }
  return sample;
}
