// The compact live chart that stays in view under the picture while the full charts sit in a
// tab: the p99 of all requests (a failed request counts as slowest, so a second where more than
// 1% failed touches the top) and the errors per second over the last minute. Above each plot, the
// same figure and verdict as the headline, over the same window the user chose there.
// Redraws only when a one-second window closes (the store keeps the same windows list until then).
import { area, line, scaleLinear } from 'd3';
import type { WindowMetrics } from '../../sim/index';
import { useApp } from '../../store/context';
import { selectShownWindows } from '../../store/selectors';
import { p99AllOf } from '../../store/windowFigures';
import { formatMs, formatP99All, formatRps, NO_VALUE } from '../metrics/format';
import { SloStatus } from '../metrics/SloStatus';
import { useWindowFigures } from '../metrics/useWindowFigures';
import { throughputPoints, type Point } from './chartData';
import { selectSlo } from './chartSelectors';
import { useWidth } from './useWidth';
import './liveStrip.css';

/** A minute: long enough to see a fault's before and after, short enough to read at a glance. */
const SPAN_S = 60;
const PLOT_HEIGHT = 40;

interface SparkProps {
  readonly title: string;
  readonly kind: 'p99' | 'errors';
  /** Per second; Infinity (a second whose p99 request failed) is drawn at the top. */
  readonly points: readonly Point[];
  /** The headline's figure over its window, its window ("last 10 s") and its verdict. */
  readonly latest: string;
  readonly windowLabel: string;
  /** `spoken` names the verdict in full for a screen reader (the head is short: "✗ missed"). */
  readonly verdict: { readonly met: boolean; readonly what?: string; readonly spoken?: string } | null;
  readonly format: (value: number) => string;
  /** The least top of the y axis, so a quiet minute does not fill the plot with noise. */
  readonly floor: number;
  readonly endS: number;
  /** Said after the plot's summary, e.g. how many seconds failed. */
  readonly more?: string;
}

function Spark({ title, kind, points, latest, windowLabel, verdict, format, floor, endS, more }: SparkProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const finite = points.map((p) => (p.y !== null && Number.isFinite(p.y) ? p.y : 0));
  const top = Math.max(floor, ...finite);
  const x = scaleLinear([endS - SPAN_S, endS], [0, Math.max(1, width)]);
  const y = scaleLinear([0, top], [PLOT_HEIGHT - 1, 1]);
  const defined = (p: Point) => p.y !== null;
  const yOf = (p: Point) => y(Math.min(top, p.y as number));
  const d =
    kind === 'errors'
      ? area<Point>()
          .defined(defined)
          .x((p) => x(p.x))
          .y0(PLOT_HEIGHT)
          .y1(yOf)(points)
      : line<Point>()
          .defined(defined)
          .x((p) => x(p.x))
          .y(yOf)(points);
  const judged = verdict ? `, ${verdict.spoken ?? verdict.what} ${verdict.met ? 'met' : 'missed'}` : '';
  const label = `${title}, ${windowLabel}: ${latest}${judged}. Each second of the last minute is plotted; the highest is ${format(top)}.${more ? ` ${more}` : ''}`;
  return (
    <div className={`live-spark live-spark-${kind}`}>
      <p className="live-spark-head" aria-hidden="true">
        <span className="live-spark-title">
          {title}, <span className="live-spark-window">{windowLabel}</span>
        </span>
        <span className="live-spark-latest">
          <span className="live-spark-value" data-metric={`live-${kind}`}>
            {latest}
          </span>
          {verdict && <SloStatus met={verdict.met} what={verdict.what} />}
        </span>
      </p>
      <div className="live-spark-plot" ref={ref}>
        <svg role="img" aria-label={label} width={width} height={PLOT_HEIGHT} className="live-spark-svg">
          <line className="live-spark-base" x1={0} x2={width} y1={PLOT_HEIGHT - 0.5} y2={PLOT_HEIGHT - 0.5} />
          {d && <path className="live-spark-path" d={d} />}
        </svg>
        <span className="live-spark-scale" aria-hidden="true">
          max {format(top)}
        </span>
      </div>
    </div>
  );
}

function recent(windows: readonly WindowMetrics[]): readonly WindowMetrics[] {
  return windows.slice(-SPAN_S);
}

/** "In 7 of these seconds more than 1% of requests failed." or nothing. */
function failedSeconds(points: readonly Point[]): string | undefined {
  const n = points.filter((p) => p.y === Number.POSITIVE_INFINITY).length;
  if (n === 0) return undefined;
  return `In ${n} of these seconds more than 1% of requests failed (drawn at the top).`;
}

export function LiveStrip() {
  const windows = recent(useApp(selectShownWindows));
  const slo = useApp(selectSlo);
  const h = useWindowFigures();
  const last = windows.at(-1);
  const endS = Math.max(SPAN_S, last ? last.endMs / 1000 : 0);
  const p99 = windows.map((w) => ({ x: w.endMs / 1000, y: p99AllOf(w) }));
  const errors = throughputPoints(windows, 'errors');
  const windowLabel = h?.label ?? 'last 10 s';
  const spoken = `p99 target ${formatMs(slo.latencyMsP99)}`;
  const p99Verdict = h && h.p99Met !== null ? { met: h.p99Met, spoken } : null;
  return (
    <section className="live-strip" aria-label="Live chart, last minute" data-testid="live-strip">
      <Spark
        title="p99 of all requests"
        kind="p99"
        points={p99}
        latest={h ? formatP99All(h.p99AllMs) : NO_VALUE}
        windowLabel={windowLabel}
        verdict={p99Verdict}
        format={formatMs}
        floor={slo.latencyMsP99}
        endS={endS}
        more={failedSeconds(p99)}
      />
      <Spark
        title="Errors"
        kind="errors"
        points={errors}
        latest={h ? formatRps(h.errorsRps) : NO_VALUE}
        windowLabel={windowLabel}
        verdict={h ? { met: h.availabilityMet, what: 'availability' } : null}
        format={formatRps}
        floor={1}
        endS={endS}
      />
    </section>
  );
}
