// Behind the nodes: a labelled band per rack and a heading per tier. Decoration only: the nodes
// say their rack in their menus and the inspector.
import type { TopologyLayout } from './layout';
import { PipelineBackdrop } from './PipelineBackdrop';
import type { BandWords } from './pipelineKinds';

/**
 * The cache tier's band, named with the tier's hit share (the frame gives it for the whole tier):
 * a column across the racks in a small cluster (drawn over them), a grid above them in a big one.
 */
function CacheBand({ layout, note }: { layout: TopologyLayout; note: string }) {
  const band = layout.cacheBand;
  if (!band) return null;
  const compact = layout.mode === 'compact';
  return (
    <g className="rack cache-band">
      <rect x={band.x} y={band.y} width={band.width} height={band.height} rx={8} />
      <text x={band.x + 10} y={band.y + (compact ? 13 : 18)}>
        {compact ? 'cache' : `cache tier${note ? ` · ${note}` : ''}`}
      </text>
    </g>
  );
}

const NO_WORDS: ReadonlyMap<string, BandWords> = new Map();

export function Backdrop({
  layout,
  cacheNote = '',
  bandWords = NO_WORDS,
}: {
  layout: TopologyLayout;
  cacheNote?: string;
  bandWords?: ReadonlyMap<string, BandWords>;
}) {
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
      <CacheBand layout={layout} note={cacheNote} />
      <PipelineBackdrop layout={layout} words={bandWords} />
      {layout.tiers.map((tier) => (
        <text key={tier.label} className="tier-heading" x={tier.x} y={tier.y} textAnchor="middle">
          {tier.label}
        </text>
      ))}
    </g>
  );
}
