// Figures a lesson quotes, measured the same way in the lab and in the headless claim tests:
// from the per-second windows, the latest frame and the totals noted at marked moments.
import type { CumulativeMetrics, DurabilityMetrics, Frame, WindowMetrics } from '../sim/index';
import type { Figure, Measure, Moment } from './lessonSchema';
import {
  isPipelineGauge,
  pipelineTotalsOf,
  pipelineWindowValue,
  timeUntil,
  pipelineTotalStats,
  type PipelineTotals,
  type PipelineTotalStat,
  type PipelineWindowStat,
} from './pipelineFigures';

/** What the run looked like at a marked moment (when a step began, when its action happened). */
export interface MarkRecord {
  readonly timeMs: number;
  readonly hardwareTimeMs: number;
  readonly cumulative: CumulativeMetrics;
  readonly durability: DurabilityMetrics;
  /** The log's lost events and the groups' duplicates (null without a log). */
  readonly pipeline: PipelineTotals | null;
}

/** The part of a run figures read. */
export interface RunRecord {
  readonly frame: Frame;
  readonly windows: readonly WindowMetrics[];
  readonly marks: Readonly<Record<string, MarkRecord>>;
}

export type FigureValues = Record<string, number>;

export function markOf(frame: Frame): MarkRecord {
  return {
    timeMs: frame.timeMs,
    hardwareTimeMs: frame.hardwareTimeMs,
    cumulative: frame.cumulative,
    durability: frame.durability,
    pipeline: pipelineTotalsOf(frame),
  };
}

function momentMs(run: RunRecord, moment: Moment): number {
  const base = moment.mark === 'now' ? run.frame.timeMs : run.marks[moment.mark]?.timeMs;
  return base === undefined ? Number.NaN : base + moment.plusMs;
}

function aggregate(values: readonly number[], agg: string): number {
  if (values.length === 0) return Number.NaN;
  if (agg === 'max') return Math.max(...values);
  if (agg === 'min') return Math.min(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  if (agg === 'sum') return sum;
  if (agg === 'median') {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  }
  return sum / values.length;
}

function windowsFigure(run: RunRecord, m: Extract<Measure, { kind: 'windows' }>): number {
  const from = momentMs(run, m.from);
  const to = momentMs(run, m.to);
  // A window belongs to the range when it lies inside it entirely.
  const ws = run.windows.filter((w) => w.startMs >= from - 1e-9 && w.endMs <= to + 1e-9 && w.endMs > w.startMs);
  if (ws.length === 0) return Number.NaN;
  const sum = (f: (w: WindowMetrics) => number) => ws.reduce((a, w) => a + f(w), 0);
  const stat = m.stat;
  switch (stat) {
    case 'availability': {
      // min/max/median look at single seconds (the worst second); mean/sum pool all requests.
      if (m.agg === 'min' || m.agg === 'max' || m.agg === 'median')
        return aggregate(
          ws.filter((w) => w.succeeded + w.failed > 0).map((w) => w.availability),
          m.agg,
        );
      const done = sum((w) => w.succeeded + w.failed);
      return done > 0 ? sum((w) => w.succeeded) / done : Number.NaN;
    }
    case 'amplification': {
      const offered = sum((w) => w.offered);
      return offered > 0 ? sum((w) => w.attempts) / offered : Number.NaN;
    }
    case 'hitRatio': {
      // Pooled over the span like availability: busy seconds weigh more. No lookups: unknown.
      const lookups = sum((w) => (w.cacheHits ?? 0) + (w.cacheMisses ?? 0));
      return lookups > 0 ? sum((w) => w.cacheHits ?? 0) / lookups : Number.NaN;
    }
    case 'storageRejected':
    case 'staleReads':
      return aggregate(
        ws.map((w) => w[stat] ?? 0),
        m.agg === 'mean' ? 'sum' : m.agg,
      );
    case 'appServersUp':
      return aggregate(
        ws.map((w) => w.appServersUp ?? Number.NaN),
        m.agg,
      );
    case 'succeeded':
    case 'failed':
    case 'rejected':
    case 'timedOut':
    case 'attempts':
    case 'offered':
      return aggregate(
        ws.map((w) => w[stat]),
        m.agg === 'mean' ? 'sum' : m.agg,
      );
    case 'servedRps':
    case 'offeredRps':
    case 'storageRps':
      return aggregate(
        ws.map((w) => w[stat]),
        m.agg,
      );
    case 'logAppends':
    case 'searches':
    case 'searchesMissedWrite':
    case 'notifierLagEvents':
    case 'indexerLagEvents':
    case 'stalenessMs':
      return pipelineWindows(ws, stat, m.agg);
    case 'serverWorkMs':
      return perItem(
        ws,
        (w) => w.worked,
        (w) => w.serverWorkMs,
        m.agg,
        true,
      );
    default:
      return perItem(
        ws,
        (w) => w.latencyMs.count,
        (w) => w.latencyMs[stat],
        m.agg,
        stat === 'mean',
      );
  }
}

/** Appends are a rate (events per second), searches counts (summed), lags and staleness gauges. */
function pipelineWindows(ws: readonly WindowMetrics[], stat: PipelineWindowStat, agg: string): number {
  const values = ws.map((w) => pipelineWindowValue(w, stat));
  const counted = stat === 'searches' || stat === 'searchesMissedWrite';
  return aggregate(
    counted || isPipelineGauge(stat) ? values : values.map((v) => (Number.isNaN(v) ? 0 : v)),
    counted && agg === 'mean' ? 'sum' : agg,
  );
}

/**
 * A per-request (or per-attempt) statistic over windows. Seconds that counted nothing say nothing
 * (their value is undefined, not zero). With `pooled`, the value is itself a mean and the mean over
 * the range is the mean of all the items, so busy seconds weigh more; a percentile is averaged
 * second by second.
 */
function perItem(
  ws: readonly WindowMetrics[],
  count: (w: WindowMetrics) => number,
  value: (w: WindowMetrics) => number,
  agg: string,
  pooled: boolean,
): number {
  const counted = ws.filter((w) => count(w) > 0);
  if (pooled && agg === 'mean') {
    const n = counted.reduce((a, w) => a + count(w), 0);
    return n > 0 ? counted.reduce((a, w) => a + value(w) * count(w), 0) / n : Number.NaN;
  }
  return aggregate(counted.map(value), agg);
}

function totalNow(run: RunRecord, stat: Extract<Measure, { kind: 'total' }>['stat'], mark: MarkRecord | null): number {
  if (stat === 'hardwareHours') return (run.frame.hardwareTimeMs - (mark?.hardwareTimeMs ?? 0)) / 3_600_000;
  if ((pipelineTotalStats as readonly string[]).includes(stat)) {
    const key = stat as PipelineTotalStat;
    const now = pipelineTotalsOf(run.frame)?.[key] ?? Number.NaN;
    return mark ? now - (mark.pipeline?.[key] ?? Number.NaN) : now;
  }
  const pick = (c: CumulativeMetrics, d: DurabilityMetrics): number => {
    switch (stat) {
      case 'issued':
      case 'succeeded':
      case 'failed':
      case 'retries':
      case 'rejected':
      case 'timedOut':
      case 'errors':
      case 'storageRequests':
      case 'attempts':
        return c[stat];
      default:
        return d[stat as Exclude<typeof stat, PipelineTotalStat>];
    }
  };
  const now = pick(run.frame.cumulative, run.frame.durability);
  return mark ? now - pick(mark.cumulative, mark.durability) : now;
}

function currentFigure(run: RunRecord, stat: Extract<Measure, { kind: 'current' }>['stat']): number {
  const { cumulative: c, durability: d } = run.frame;
  switch (stat) {
    case 'underReplicatedPartitions':
      return d.underReplicatedPartitions;
    case 'unavailablePartitions':
      return d.unavailablePartitions;
    case 'availability':
      return c.availability;
    case 'latencyMean':
      return c.latencyMs.mean;
    case 'latencyP50':
      return c.latencyMs.p50;
    case 'latencyP95':
      return c.latencyMs.p95;
    case 'latencyP99':
      return c.latencyMs.p99;
    case 'latencyP999':
      return c.latencyMs.p999;
    case 'nodesDown':
      return run.frame.nodeStatus.reduce((n, s) => n + (s === 0 ? 0 : 1), 0);
  }
}

/** Share of successes slower than a threshold, from the frame's log-spaced bins (geometric interpolation inside a bin). */
export function shareAbove(histogram: Frame['histogram'], thresholdMs: number): number {
  let total = 0;
  let above = 0;
  let lower = 0;
  const step =
    histogram.length > 1
      ? (histogram[1] as readonly [number, number])[0] / (histogram[0] as readonly [number, number])[0]
      : 2;
  for (const [upper, count] of histogram) {
    lower = upper / step;
    total += count;
    if (lower >= thresholdMs) above += count;
    else if (upper > thresholdMs) above += (count * Math.log(upper / thresholdMs)) / Math.log(upper / lower);
  }
  return total > 0 ? above / total : Number.NaN;
}

export function measure(run: RunRecord, m: Measure, known: FigureValues): number {
  switch (m.kind) {
    case 'windows':
      return windowsFigure(run, m);
    case 'total': {
      const mark = m.since === undefined ? null : run.marks[m.since];
      return mark === undefined ? Number.NaN : totalNow(run, m.stat, mark);
    }
    case 'timeUntil':
      return timeUntil(run.windows, m.stat, m.atMost, momentMs(run, m.from), momentMs(run, m.to));
    case 'current':
      return currentFigure(run, m.stat);
    case 'shareAbove':
      return shareAbove(run.frame.histogram, m.thresholdMs);
    case 'ratio':
      return (known[m.of] ?? Number.NaN) / (known[m.to] ?? Number.NaN);
    case 'difference':
      return (known[m.of] ?? Number.NaN) - (known[m.minus] ?? Number.NaN);
    case 'constant':
      return m.value;
    case 'odds':
      return Number.NaN; // an odds step's sweep records it (see measureFigures)
  }
}

/** Measures a step's figures in order (later ones may use earlier ones) and adds them to `known`. */
export function measureFigures(run: RunRecord, figures: readonly Figure[], known: FigureValues): FigureValues {
  const out: FigureValues = { ...known };
  // An odds figure keeps what the step's sweep recorded: the run does not measure it.
  for (const f of figures)
    out[f.id] = f.measure.kind === 'odds' ? (out[f.id] ?? Number.NaN) : measure(run, f.measure, out);
  return out;
}
