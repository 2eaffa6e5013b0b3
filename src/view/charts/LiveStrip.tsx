// The compact live chart that stays in view under the picture while the full charts sit in a
// tab: the users' p99 latency and the errors per second over the last minute, each with its
// latest value in words, so a fault's effect is seen the moment it lands. Redraws only when a
// one-second window closes (the store keeps the same windows list until then).
import { area, line, scaleLinear } from 'd3';
import type { WindowMetrics } from '../../sim/index';
import { useApp } from '../../store/context';
import { selectShownWindows } from '../../store/selectors';
import { formatMs, formatRps, NO_VALUE } from '../metrics/format';
import { latencyPoints, throughputPoints, type Point } from './chartData';
import { selectSlo } from './chartSelectors';
import { useWidth } from './useWidth';
import './liveStrip.css';

/** A minute: long enough to see a fault's before and after, short enough to read at a glance. */
const SPAN_S = 60;
const PLOT_HEIGHT = 40;

interface SparkProps {
  readonly title: string;
  readonly kind: 'p99' | 'errors';
  readonly points: readonly Point[];
  readonly latest: string;
  readonly format: (value: number) => string;
  /** The least top of the y axis, so a quiet minute does not fill the plot with noise. */
  readonly floor: number;
  readonly endS: number;
}

function Spark({ title, kind, points, latest, format, floor, endS }: SparkProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const top = Math.max(floor, ...points.map((p) => p.y ?? 0));
  const x = scaleLinear([endS - SPAN_S, endS], [0, Math.max(1, width)]);
  const y = scaleLinear([0, top], [PLOT_HEIGHT - 1, 1]);
  const defined = (p: Point) => p.y !== null;
  const d =
    kind === 'errors'
      ? area<Point>()
          .defined(defined)
          .x((p) => x(p.x))
          .y0(PLOT_HEIGHT)
          .y1((p) => y(p.y as number))(points)
      : line<Point>()
          .defined(defined)
          .x((p) => x(p.x))
          .y((p) => y(p.y as number))(points);
  const label = `${title} over the last minute: now ${latest}, highest ${format(top)}.`;
  return (
    <div className={`live-spark live-spark-${kind}`}>
      <p className="live-spark-head" aria-hidden="true">
        <span className="live-spark-title">{title}</span>
        <span className="live-spark-value">{latest}</span>
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

export function LiveStrip() {
  const windows = recent(useApp(selectShownWindows));
  const slo = useApp(selectSlo);
  const last = windows.at(-1);
  const endS = Math.max(SPAN_S, last ? last.endMs / 1000 : 0);
  const p99 = latencyPoints(windows, 'p99');
  const errors = throughputPoints(windows, 'errors');
  const latestP99 = last && last.latencyMs.count > 0 ? formatMs(last.latencyMs.p99) : NO_VALUE;
  const latestErrors = last ? formatRps(errors.at(-1)?.y ?? 0) : NO_VALUE;
  return (
    <section className="live-strip" aria-label="Live chart, last minute" data-testid="live-strip">
      <Spark
        title="p99 latency"
        kind="p99"
        points={p99}
        latest={latestP99}
        format={formatMs}
        floor={slo.latencyMsP99}
        endS={endS}
      />
      <Spark
        title="Errors"
        kind="errors"
        points={errors}
        latest={latestErrors}
        format={formatRps}
        floor={1}
        endS={endS}
      />
    </section>
  );
}
