// Behind the nodes: a labelled band per rack and a heading per tier. Decoration only: the nodes
// say their rack in their menus and the inspector.
import type { TopologyLayout } from './layout';

export function Backdrop({ layout }: { layout: TopologyLayout }) {
  return (
    <g aria-hidden="true">
      {layout.racks.map((rack) => (
        <g key={rack.id} className="rack">
          <rect x={rack.x} y={rack.y} width={rack.width} height={rack.height} rx={8} />
          <text x={rack.x + 10} y={rack.y + (layout.mode === 'compact' ? 13 : 18)}>
            {rack.id}
          </text>
        </g>
      ))}
      {layout.tiers.map((tier) => (
        <text key={tier.label} className="tier-heading" x={tier.x} y={tier.y} textAnchor="middle">
          {tier.label}
        </text>
      ))}
    </g>
  );
}
