// Lesson figures of the data pipeline (issue 15): the log's append rate, each consumer group's lag,
// the index's staleness and missed searches from the per-second windows; events the log lost and
// duplicates delivered from the frame's pipeline snapshot; and how long a lag took to drain.
import type { Frame, WindowMetrics } from '../sim/index';

export const pipelineWindowStats = [
  // Change events appended per second (each window is one second).
  'logAppends',
  'searches',
  'searchesMissedWrite',
  // At each window's end: a gauge, not a count.
  'notifierLagEvents',
  'indexerLagEvents',
  'stalenessMs',
] as const;
export type PipelineWindowStat = (typeof pipelineWindowStats)[number];

/** Gauges a lesson can wait on: "the lag is back under 10 events". */
export const pipelineGaugeStats = ['notifierLagEvents', 'indexerLagEvents', 'stalenessMs'] as const;
export type PipelineGaugeStat = (typeof pipelineGaugeStats)[number];

export const pipelineTotalStats = [
  // Acknowledged events a new leader did not have; unacknowledged ones cut at an election and sent
  // again; acknowledged writes whose change event the log refused (no leader).
  'logEventsLost',
  'logEventsResent',
  'logChangesMissed',
  'indexerDuplicates',
  'notifierDuplicates',
] as const;
export type PipelineTotalStat = (typeof pipelineTotalStats)[number];

export type PipelineTotals = Readonly<Record<PipelineTotalStat, number>>;

/** The pipeline's counters in a frame (null without a log). */
export function pipelineTotalsOf(frame: Frame): PipelineTotals | null {
  const p = frame.pipeline;
  if (p === null || p.log === null) return null;
  const duplicates = (role: string) => p.groups.find((g) => g.role === role)?.duplicates ?? 0;
  return {
    logEventsLost: p.log.acknowledgedLost,
    logEventsResent: p.log.resent,
    logChangesMissed: p.log.changesMissed,
    indexerDuplicates: duplicates('indexer'),
    notifierDuplicates: duplicates('notifier'),
  };
}

/** One window's value of a pipeline statistic (NaN when the window has none). */
export function pipelineWindowValue(w: WindowMetrics, stat: PipelineWindowStat): number {
  if (stat === 'stalenessMs') return (w.stalenessSeconds ?? Number.NaN) * 1000;
  return w[stat] ?? Number.NaN;
}

export function isPipelineGauge(stat: PipelineWindowStat): boolean {
  return (pipelineGaugeStats as readonly string[]).includes(stat);
}

/**
 * Time from `fromMs` to the end of the first window, within [fromMs, toMs], whose gauge is at most
 * `atMost`, in ms (NaN if none is): how long a lag took to drain. Resolution: one window (1 s).
 */
export function timeUntil(
  windows: readonly WindowMetrics[],
  stat: PipelineGaugeStat,
  atMost: number,
  fromMs: number,
  toMs: number,
): number {
  for (const w of windows) {
    if (w.startMs < fromMs - 1e-9 || w.endMs > toMs + 1e-9 || w.endMs <= w.startMs) continue;
    if (pipelineWindowValue(w, stat) <= atMost) return w.endMs - fromMs;
  }
  return Number.NaN;
}
