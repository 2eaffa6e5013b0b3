// The cluster itself, inside an SVG: racks and tiers, link bundles, nodes and links. The lab's
// picture passes handlers and so gets buttons; compare's still pictures pass none.
import type { LinkFrame } from '../../sim/index';
import { Backdrop } from './Backdrop';
import type { Direction, TopologyLayout } from './layout';
import { Bundles, Links } from './Links';
import type { LinkRates } from './linkState';
import { NodeGlyph } from './NodeGlyph';
import type { NodeView } from './nodeState';

interface ClusterDrawingProps {
  readonly layout: TopologyLayout;
  readonly views: readonly NodeView[] | null;
  readonly details: ReadonlyMap<number, string>;
  readonly links: LinkFrame | null;
  readonly rates: LinkRates | null;
  readonly selected?: ReadonlySet<string>;
  onNodeActivate?(index: number, additive: boolean): void;
  onNavigate?(index: number, direction: Direction): void;
  onLinkActivate?(index: number): void;
}

export function ClusterDrawing({
  layout,
  views,
  details,
  links,
  rates,
  selected,
  onNodeActivate,
  onNavigate,
  onLinkActivate,
}: ClusterDrawingProps) {
  return (
    <>
      <Backdrop layout={layout} />
      <Bundles layout={layout} links={links} />
      <g className="nodes">
        {views &&
          layout.nodes.map((box) => {
            const view = views[box.index];
            return view ? (
              <NodeGlyph
                key={box.id}
                box={box}
                view={view}
                selected={selected?.has(box.id) ?? false}
                detail={details.get(box.index)}
                onActivate={onNodeActivate}
                onNavigate={onNavigate}
              />
            ) : null;
          })}
      </g>
      <Links layout={layout} links={links} rates={rates} onActivate={onLinkActivate} />
    </>
  );
}
