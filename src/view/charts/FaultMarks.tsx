// Marks on a chart's time axis, drawn in SVG for the eye (MarkerStrip gives them to keyboards and
// screen readers). Shape says the kind as well as colour: a downward triangle for a fault, an
// upward one for a recovery, a small diamond for a change, both triangles for a mixed group.
// Faults draw a dashed line through the plot, recoveries a dotted one, changes none. Labels (on
// the chart that has rows for them) are drawn last, with a halo, so no line runs through them.
import type { GroupKind, MarkGroup, PlacedLabel } from './markLayout';

interface FaultMarksProps {
  readonly groups: readonly MarkGroup[];
  readonly labels: readonly (PlacedLabel | null)[];
  readonly plotHeight: number;
  readonly rowHeight: number;
}

/** The marker's outline, centred on x, in the band above the plot (y from -11 to -1). */
export function markerPath(kind: GroupKind, x: number): string {
  switch (kind) {
    case 'fault':
      return `M${x - 5},-11L${x + 5},-11L${x},-2Z`;
    case 'recovery':
      return `M${x - 5},-1L${x + 5},-1L${x},-10Z`;
    case 'change':
      return `M${x},-10L${x + 4},-6L${x},-2L${x - 4},-6Z`;
    case 'mixed':
      return `M${x - 5},-12L${x + 5},-12L${x},-7Z M${x - 5},-1L${x + 5},-1L${x},-6Z`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

const labelTop = (row: number, rowHeight: number) => -12 - (row + 1) * rowHeight;

export function FaultMarks({ groups, labels, plotHeight, rowHeight }: FaultMarksProps) {
  if (groups.length === 0) return null;
  return (
    <g className="chart-marks" aria-hidden="true">
      {groups.map((g, i) => {
        const label = labels[i];
        return (
          <g key={`mark-${g.marks[0]?.seq}`} className={`chart-mark chart-mark-${g.kind}`}>
            {g.kind !== 'change' && (
              <line x1={g.x} x2={g.x} y1={label ? labelTop(label.row, rowHeight) + 4 : -10} y2={plotHeight} />
            )}
            {g.endX - g.x > 2 && <line className="chart-mark-extent" x1={g.x} x2={g.endX} y1={-1} y2={-1} />}
            <path d={markerPath(g.kind, g.x)} />
          </g>
        );
      })}
      {groups.map((g, i) => {
        const label = labels[i];
        if (!label) return null;
        return (
          <text
            key={`label-${g.marks[0]?.seq}`}
            className="chart-mark-label"
            x={label.anchor === 'start' ? g.x + 4 : g.x - 4}
            y={labelTop(label.row, rowHeight) + rowHeight - 3}
            textAnchor={label.anchor}
          >
            {label.text}
          </text>
        );
      })}
    </g>
  );
}
