// The pipeline's derived figures, computed when asked (per frame, per window), never stored: a
// group's lag (events in the log it has not processed yet, and the age of the oldest), and the
// index's staleness (the indexer's lag, or none when writes index themselves synchronously).
import type { GroupRuntime } from './consumerTier';
import type { LogTier } from './logTier';
import type { Pipeline } from './pipeline';
import type { WindowMetrics } from '../snapshot';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface Lag {
  readonly events: number;
  /** Age of the oldest event not yet processed, s (0 when caught up). */
  readonly seconds: number;
}

const CAUGHT_UP: Lag = { events: 0, seconds: 0 };

/** Events below each partition's log end the group has not finished, and the oldest one's age. */
export function groupLag(log: LogTier, g: GroupRuntime, nowMs: number): Lag {
  let events = 0;
  let oldestMs = nowMs;
  for (let p = 0; p < log.logs.length; p++) {
    const partition = log.logs[p];
    if (partition === undefined) continue;
    const from = Math.max(g.group.safeOffset(p), partition.logStartOffset);
    const behind = partition.logEndOffset - from;
    if (behind <= 0) continue;
    events += behind;
    const appendMs = partition.eventAppendMs(from);
    if (appendMs < oldestMs) oldestMs = appendMs;
  }
  return { events, seconds: (nowMs - oldestMs) / 1000 };
}

/** How far the index is behind the database: the indexer's lag (in sync mode, nothing). */
export function indexStaleness(pipeline: Pipeline, nowMs: number): Lag {
  const index = pipeline.index;
  if (index === null || index.mode === 'sync' || pipeline.log === null) return CAUGHT_UP;
  const indexer = pipeline.groupByRole('indexer');
  return indexer === null ? CAUGHT_UP : groupLag(pipeline.log, indexer, nowMs);
}

/** The figures each closed window keeps. */
export function pipelineWindow(pipeline: Pipeline, nowMs: number): Partial<Mutable<WindowMetrics>> {
  const out: Partial<Mutable<WindowMetrics>> = { ...pipeline.closeWindow() };
  const log = pipeline.log;
  if (log !== null)
    for (const g of pipeline.groups) {
      const lag = groupLag(log, g, nowMs);
      if (g.settings.role === 'indexer') {
        out.indexerLagEvents = lag.events;
        out.indexerLagSeconds = lag.seconds;
      } else {
        out.notifierLagEvents = lag.events;
        out.notifierLagSeconds = lag.seconds;
      }
    }
  if (pipeline.index !== null) out.stalenessSeconds = indexStaleness(pipeline, nowMs).seconds;
  return out;
}
