// The metrics time series as CSV, one row per simulated second. Every column names its unit
// (offered_requests, availability_ratio, latency_p99_ms): a comment line would carry them, but CSV
// readers choke on comments. Spreadsheets run cells that start with = + - @ (or a tab or carriage
// return) as formulas, so such text cells are prefixed with a quote mark; every text cell is quoted.
import type { WindowMetrics } from '../sim/index';

const COLUMNS = [
  ['start_s', (w: WindowMetrics) => exportedSeconds(w.startMs)],
  ['end_s', (w: WindowMetrics) => exportedSeconds(w.endMs)],
  ['offered_requests', (w: WindowMetrics) => w.offered],
  ['sent_attempts', (w: WindowMetrics) => w.attempts],
  ['succeeded_requests', (w: WindowMetrics) => w.succeeded],
  ['failed_requests', (w: WindowMetrics) => w.failed],
  ['rejected_attempts', (w: WindowMetrics) => w.rejected],
  ['timed_out_attempts', (w: WindowMetrics) => w.timedOut],
  ['availability_ratio', (w: WindowMetrics) => w.availability],
  ['storage_rps', (w: WindowMetrics) => w.storageRps],
  ['server_work_ms', (w: WindowMetrics) => w.serverWorkMs],
  ['latency_mean_ms', (w: WindowMetrics) => w.latencyMs.mean],
  ['latency_p50_ms', (w: WindowMetrics) => w.latencyMs.p50],
  ['latency_p95_ms', (w: WindowMetrics) => w.latencyMs.p95],
  ['latency_p99_ms', (w: WindowMetrics) => w.latencyMs.p99],
  ['latency_p999_ms', (w: WindowMetrics) => w.latencyMs.p999],
] as const;

/**
 * Columns of the optional tiers (issues 14 and 15), written only when some window carries the figure, so
 * a run without a cache, scaling or a pipeline exports exactly the columns it always did.
 */
const TIER_COLUMNS = [
  ['cache_hit_lookups', (w: WindowMetrics) => w.cacheHits],
  ['cache_miss_lookups', (w: WindowMetrics) => w.cacheMisses],
  ['stale_reads', (w: WindowMetrics) => w.staleReads],
  ['app_servers_up_machines', (w: WindowMetrics) => w.appServersUp],
  // Issue 15's pipeline: events appended to the log, each group's lag at the window's end (events
  // not processed and the oldest one's age), the index's staleness, and searches answered and
  // those that missed a write acknowledged before they began.
  ['log_appended_events', (w: WindowMetrics) => w.logAppends],
  ['indexer_lag_events', (w: WindowMetrics) => w.indexerLagEvents],
  ['indexer_lag_s', (w: WindowMetrics) => w.indexerLagSeconds],
  ['notifier_lag_events', (w: WindowMetrics) => w.notifierLagEvents],
  ['notifier_lag_s', (w: WindowMetrics) => w.notifierLagSeconds],
  ['index_staleness_s', (w: WindowMetrics) => w.stalenessSeconds],
  ['answered_searches', (w: WindowMetrics) => w.searches],
  ['missed_write_searches', (w: WindowMetrics) => w.searchesMissedWrite],
] as const;

/** A text cell made safe for spreadsheets: quoted, quotes doubled, formula starts defused. */
export function safeCell(text: string): string {
  const defused = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${defused.replace(/"/g, '""')}"`;
}

/**
 * A simulated time in seconds at the resolution the run is shown with (a microsecond): the float
 * sums behind event times would otherwise print as 5.299999999999999 s.
 */
export function exportedSeconds(timeMs: number): number {
  return Math.round(timeMs * 1000) / 1e6;
}

function numberCell(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(10))) : '';
}

export function windowsCsv(windows: readonly WindowMetrics[]): string {
  const tiers = TIER_COLUMNS.filter(([, get]) => windows.some((w) => get(w) !== undefined));
  const columns: readonly (readonly [string, (w: WindowMetrics) => number | undefined])[] = [...COLUMNS, ...tiers];
  const header = columns.map(([name]) => name).join(',');
  const rows = windows.map((w) => columns.map(([, get]) => numberCell(get(w) ?? Number.NaN)).join(','));
  return [header, ...rows].join('\r\n') + '\r\n';
}
