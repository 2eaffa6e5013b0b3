// One figure per second for runs A and B on shared axes: A solid, B dashed (line style as well as
// colour tells them apart).
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { WindowMetrics } from '../../sim/index';

interface CompareChartProps {
  readonly title: string;
  readonly a: readonly WindowMetrics[];
  readonly b: readonly WindowMetrics[];
  readonly value: (w: WindowMetrics) => number | null;
  readonly log?: boolean;
  readonly format: (v: number) => string;
}

const WIDTH = 640;
const HEIGHT = 180;
const M = { left: 64, right: 12, top: 10, bottom: 26 };

export function CompareChart({ title, a, b, value, log = false, format }: CompareChartProps) {
  const points = (ws: readonly WindowMetrics[]) =>
    ws.flatMap((w) => {
      const v = value(w);
      return v === null || !Number.isFinite(v) || (log && v <= 0) ? [] : [[w.endMs / 1000, v] as [number, number]];
    });
  const pa = points(a);
  const pb = points(b);
  const all = [...pa, ...pb];
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [x0, x1] = xs.length > 0 ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const [y0, y1] = ys.length > 0 ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  const x = scaleLinear()
    .domain([Math.min(0, x0), Math.max(x1, 1)])
    .range([M.left, WIDTH - M.right]);
  const y = (
    log
      ? scaleLog().domain([Math.max(y0, 0.1), Math.max(y1, y0 * 10, 1)])
      : scaleLinear().domain([Math.min(y0, 0), Math.max(y1, 1e-9)])
  )
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  // A log axis labels powers of ten only; a linear one, four round values.
  const ticks = log ? y.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : y.ticks(4);
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  return (
    <figure className="compare-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: run A solid, run B dashed`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} className="compare-grid" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="compare-tick">
              {format(t)}
            </text>
          </g>
        ))}
        {x.ticks(6).map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - 8} textAnchor="middle" className="compare-tick">
            {t} s
          </text>
        ))}
        <path d={path(pa) ?? ''} className="compare-line is-a" data-run="a" />
        <path d={path(pb) ?? ''} className="compare-line is-b" data-run="b" />
      </svg>
    </figure>
  );
}
