// The words of "Trace a request": what is being looked for, what was found, and the p99 a "slow
// one" is measured against. Shared by the menu, the Trace view and its announcement.
import type { Frame, RequestTrace, TraceWish, WindowMetrics } from '../../sim/index';
import { formatMs } from '../metrics/format';
import type { Story } from './waterfallRows';

/** The id of the Trace tab in the rail's registry (its tab button is `rail-tab-trace`). */
export const TRACE_TAB_ID = 'trace';

/**
 * The p99 a slow request must beat: the last closed second's, else the run's so far, else (nothing
 * finished yet) the SLO's target. Whole milliseconds, as the menu shows it.
 */
export function p99Now(windows: readonly WindowMetrics[], frame: Frame | null, targetP99Ms: number): number {
  const last = windows.at(-1)?.latencyMs;
  const cumulative = frame?.cumulative.latencyMs;
  const p99 = last && last.count > 0 ? last.p99 : cumulative && cumulative.count > 0 ? cumulative.p99 : targetP99Ms;
  return Math.max(1, Math.round(p99));
}

/** "a failed request", "a request slower than 120 ms", "the next request". */
export function wishWords(wish: TraceWish): string {
  switch (wish.pick) {
    case 'next':
      return 'the next request';
    case 'slow':
      return `a request slower than ${formatMs(wish.slowerThanMs)}`;
    case 'failed':
      return 'a failed request';
    default: {
      const never: never = wish;
      return never;
    }
  }
}

/** What the Trace view says when no request matched in the searched time. */
export function noneFoundWords(wish: TraceWish): string {
  const what =
    wish.pick === 'failed'
      ? 'No failed request'
      : wish.pick === 'slow'
        ? `No ${wishWords(wish).slice(2)}`
        : 'No request';
  return `${what} in the last minute of simulated time.`;
}

/** "Request #123 (read) — failed after 3 attempts", "Request #7 (write) — served in 14.4 ms". */
export function storyHeading(story: Story): string {
  const attempts = story.steps.filter((s) => s.type === 'attemptStarted').length;
  const kind = story.write ? 'write' : 'read';
  const end = story.ok
    ? `served in ${formatMs(story.endMs - story.startMs)}`
    : `failed after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  return `Request #${story.request} (${kind}) — ${end}`;
}

/** The announcement when a search ends: found (and how it ended) or none. */
export function foundWords(trace: RequestTrace): string {
  return trace.story ? `Trace found. ${storyHeading(trace.story)}.` : noneFoundWords(trace.wish);
}
