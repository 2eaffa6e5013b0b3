// The links layer: one focusable curve per link in a small cluster (width = traffic), one
// bundle per pair of racks in a big one. Widths are proportional to the busiest link (so the
// entry carries most and one overloaded server stands out), rounded to half units so a curve
// re-renders only when its width visibly changes.
import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import type { LinkFrame } from '../../sim/index';
import { BundlePath } from './BundlePath';
import type { TopologyLayout } from './layout';
import type { Move } from './clusterKeys';
import { LinkPath } from './LinkPath';
import { bundleViewsOf, linkViewOf, type LinkRates } from './linkState';

interface LinksProps {
  readonly layout: TopologyLayout;
  readonly links: LinkFrame | null;
  readonly rates: LinkRates | null;
  /** The id of the picture's one Tab stop (a link here, or a node). */
  readonly tabStop?: string;
  onActivate?(index: number): void;
  onNavigate?(index: number, move: Move): void;
}

export function Bundles({ layout, links }: Pick<LinksProps, 'layout' | 'links'>) {
  const views = useMemo(() => bundleViewsOf(layout.bundles, links), [layout, links]);
  if (layout.bundles.length === 0) return null;
  return (
    <g className="bundles" aria-hidden="true">
      {layout.bundles.map((bundle, i) => {
        const view = views[i];
        return view ? <BundlePath key={bundle.id} bundle={bundle} view={view} /> : null;
      })}
    </g>
  );
}

export function Links({ layout, links, rates, tabStop, onActivate, onNavigate }: LinksProps) {
  const width = scaleLinear()
    .domain([0, Math.max(1, rates?.maxSentPerSecond ?? 1)])
    .range([1.5, 7])
    .clamp(true);
  return (
    <g className="links">
      {layout.links.map((line) => {
        const rate = rates?.sentPerSecond[line.index] ?? 0;
        return (
          <LinkPath
            key={line.id}
            line={line}
            view={linkViewOf(links, line.index)}
            strokeWidth={rates ? Math.round(width(rate) * 2) / 2 : 2}
            droppedShare={rates?.droppedShare[line.index] ?? 0}
            tabStop={line.id === tabStop}
            onActivate={onActivate}
            onNavigate={onNavigate}
          />
        );
      })}
    </g>
  );
}
