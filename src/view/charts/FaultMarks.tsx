// Injected faults on a chart: a dashed vertical line, a downward triangle on the plot's top edge
// and (on the chart that has room) a short label. Every marker has a tooltip with the full text.
// Several marks at one spot share a marker and a count. Labels are drawn last, with a halo, so
// another mark's line never runs through their text.
import type { ScaleLinear } from 'd3';
import type { FaultMark } from '../../store/appStore';
import { formatSeconds } from '../metrics/format';
import type { TimeDomain } from './chartData';
import { placeMarkLabels, type PlacedMark } from './markLayout';

interface FaultMarksProps {
  readonly marks: readonly FaultMark[];
  readonly x: ScaleLinear<number, number>;
  readonly domain: TimeDomain;
  readonly innerWidth: number;
  readonly plotHeight: number;
  readonly labelRows: number;
  readonly rowHeight: number;
  readonly charWidthPx: number;
}

const tooltip = (m: PlacedMark) => `${m.labels.join('; ')} at ${formatSeconds(m.timeMs)}`;

export function FaultMarks({
  marks,
  x,
  domain,
  innerWidth,
  plotHeight,
  labelRows,
  rowHeight,
  charWidthPx,
}: FaultMarksProps) {
  const visible = marks.filter((m) => m.timeMs / 1000 >= domain.startS && m.timeMs / 1000 <= domain.endS);
  if (visible.length === 0) return null;
  const placed = placeMarkLabels(visible, x, innerWidth, labelRows, charWidthPx);
  const labelTop = (m: PlacedMark) => -12 - (m.row + 1) * rowHeight;
  return (
    <g className="chart-fault-marks">
      {placed.map((m) => (
        <g key={`mark-${m.timeMs}`} className="chart-fault-mark">
          <title>{tooltip(m)}</title>
          <line x1={m.x} x2={m.x} y1={m.text ? labelTop(m) + 4 : -10} y2={plotHeight} />
          <path d={`M${m.x - 5},-11L${m.x + 5},-11L${m.x},-2Z`} />
        </g>
      ))}
      {placed.map(
        (m) =>
          m.text && (
            <text
              key={`label-${m.timeMs}`}
              className="chart-fault-label"
              x={m.anchor === 'start' ? m.x + 4 : m.x - 4}
              y={labelTop(m) + rowHeight - 3}
              textAnchor={m.anchor}
            >
              <title>{tooltip(m)}</title>
              {m.text}
            </text>
          ),
      )}
    </g>
  );
}
