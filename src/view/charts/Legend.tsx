// A chart legend in HTML (outside the SVG, so it stays readable to screen readers): each entry
// shows the line's dash pattern next to its name, never colour alone.

export interface LegendEntry {
  readonly key: string;
  readonly label: string;
}

export function Legend({ entries }: { readonly entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend">
      {entries.map((e) => (
        <li key={e.key}>
          <svg width={30} height={10} aria-hidden="true" focusable="false">
            <line className={`chart-series chart-series-${e.key}`} x1={1} x2={29} y1={5} y2={5} />
          </svg>
          {e.label}
        </li>
      ))}
    </ul>
  );
}
