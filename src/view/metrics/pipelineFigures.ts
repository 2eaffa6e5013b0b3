// The data pipeline's headline figures (issue 15): the log's append rate over the window the
// headline judges (and its lost and missed events since the start), each consumer group's lag now
// with its delays from the write, and the search index's staleness now with the share of searches
// that missed a write over the window. Pure, so unit-tested; each part null when the run lacks it.
import type { Frame, WindowMetrics } from '../../sim/index';
import type { FigureWindow } from '../../store/figureWindow';
import { NO_VALUE, formatMs } from './format';

type PipelineSnapshot = NonNullable<Frame['pipeline']>;
export type LogSnapshot = NonNullable<PipelineSnapshot['log']>;
export type GroupSnapshot = PipelineSnapshot['groups'][number];
export type IndexSnapshot = NonNullable<PipelineSnapshot['index']>;

export interface LogFigures {
  /** "last 10 s", "whole run": what the append rate is over. */
  readonly label: string;
  readonly appendPerS: number;
  readonly log: LogSnapshot;
}

export interface IndexFigures {
  readonly label: string;
  /** Searches answered over the window, those that missed a write, and their share (null: none). */
  readonly searches: number;
  readonly missedWrite: number;
  readonly missedShare: number | null;
  /** Index nodes rebuilding or copying a shard now. */
  readonly rebuilding: number;
  readonly index: IndexSnapshot;
}

export interface PipelineFigures {
  readonly log: LogFigures | null;
  readonly groups: readonly GroupSnapshot[];
  readonly index: IndexFigures | null;
}

/** The windows the figure reads, and the simulated seconds they cover; null for the whole run. */
function over(windows: readonly WindowMetrics[], window: FigureWindow) {
  if (window.seconds === null) return null;
  const shown = windows.slice(-window.seconds);
  const seconds = shown.reduce((sum, w) => sum + (w.endMs - w.startMs) / 1000, 0);
  return { shown, seconds };
}

export function pipelineFiguresOf(
  frame: Frame | null,
  windows: readonly WindowMetrics[],
  window: FigureWindow,
): PipelineFigures | null {
  const p = frame?.pipeline;
  if (!frame || !p) return null;
  const span = over(windows, window);
  let log: LogFigures | null = null;
  if (p.log !== null) {
    const appended = span === null ? p.log.appended : span.shown.reduce((sum, w) => sum + (w.logAppends ?? 0), 0);
    const seconds = span === null ? frame.timeMs / 1000 : span.seconds;
    log = { label: window.label, appendPerS: seconds > 0 ? appended / seconds : 0, log: p.log };
  }
  let index: IndexFigures | null = null;
  if (p.index !== null) {
    const searches = span === null ? p.index.searches : span.shown.reduce((sum, w) => sum + (w.searches ?? 0), 0);
    const missedWrite =
      span === null
        ? p.index.searchesMissedWrite
        : span.shown.reduce((sum, w) => sum + (w.searchesMissedWrite ?? 0), 0);
    index = {
      label: window.label,
      searches,
      missedWrite,
      missedShare: searches > 0 ? missedWrite / searches : null,
      rebuilding: p.nodes.filter((n) => n.role === 'index' && n.recovering !== null).length,
      index: p.index,
    };
  }
  return { log, groups: p.groups, index };
}

/** The group furthest behind (the oldest event waiting); the first group when all are caught up. */
export function furthestBehind(groups: readonly GroupSnapshot[]): GroupSnapshot {
  let worst = groups[0] as GroupSnapshot;
  for (const g of groups) if (g.lagSeconds > worst.lagSeconds) worst = g;
  return worst;
}

/** What a group's delay runs to, in the words on screen: "write → indexed", "write → email sent". */
export function delayWords(g: Pick<GroupSnapshot, 'role'>): string {
  return g.role === 'indexer' ? 'write → indexed' : 'write → email sent';
}

/** Seconds behind: one decimal below 10 s, whole above ("0.1 s", "42 s"). */
export function formatLagSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return NO_VALUE;
  return seconds < 10 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds)} s`;
}

/** A count of events with its unit ("16 events", "1 event"). */
export function formatEvents(n: number): string {
  if (!Number.isFinite(n)) return NO_VALUE;
  const whole = Math.round(n);
  return `${whole} ${whole === 1 ? 'event' : 'events'}`;
}

/** Events per second, whole numbers ("108 events/s"). */
export function formatEventRate(perS: number): string {
  if (!Number.isFinite(perS)) return NO_VALUE;
  return `${Math.round(Math.max(0, perS))} events/s`;
}

/** A percentile that may not exist yet (no sample): "—". */
export function formatMsOrNone(ms: number | null): string {
  return ms === null ? NO_VALUE : formatMs(ms);
}

/** How long the log keeps events, in words. */
export function retentionWords(retentionMs: number | null): string {
  if (retentionMs === null) return 'events kept up to the size limit';
  const s = retentionMs / 1000;
  return s < 120 ? `events kept ${s} s` : `events kept ${Math.round(s / 60)} min`;
}
