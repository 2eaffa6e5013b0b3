// The cluster itself, inside an SVG: racks and tiers, link bundles, nodes and links. The lab's
// picture passes handlers and so gets buttons (one Tab stop for them all, see useClusterFocus);
// compare's still pictures pass none.
import { useMemo, type FocusEvent } from 'react';
import type { LinkFrame } from '../../sim/index';
import { Backdrop } from './Backdrop';
import type { TopologyLayout } from './layout';
import { Bundles, Links } from './Links';
import type { LinkRates } from './linkState';
import { NodeGlyph } from './NodeGlyph';
import type { NodeView } from './nodeState';
import type { BandWords } from './pipelineKinds';
import { presentLayout } from './presentLayout';
import type { ClusterFocus } from './useClusterFocus';

interface ClusterDrawingProps {
  readonly layout: TopologyLayout;
  readonly views: readonly NodeView[] | null;
  readonly details: ReadonlyMap<number, string>;
  readonly links: LinkFrame | null;
  readonly rates: LinkRates | null;
  readonly selected?: ReadonlySet<string>;
  readonly roving?: ClusterFocus;
  /** Words on the cache tier's band, e.g. "82% hits". */
  readonly cacheNote?: string;
  /** Words on the pipeline's bands (a group's lag, the index's staleness), by band id. */
  readonly bandWords?: ReadonlyMap<string, BandWords>;
  onNodeActivate?(index: number, additive: boolean): void;
  onLinkActivate?(index: number): void;
}

/** The roving Tab stop, or the first node when it names nothing drawn (so the picture is never skipped). */
function tabStopOf(layout: TopologyLayout, wanted: string | undefined): string {
  if (wanted && (layout.nodes.some((n) => n.id === wanted) || layout.links.some((l) => l.id === wanted))) return wanted;
  return layout.nodes[0]?.id ?? '';
}

/** One character per node, 0 when absent (see presentLayout). */
function presenceOf(views: readonly NodeView[] | null): string {
  return views ? views.map((view) => (view.status === 'absent' ? '0' : '1')).join('') : '';
}

export function ClusterDrawing({
  layout: fullLayout,
  views,
  details,
  links,
  rates,
  selected,
  roving,
  cacheNote,
  bandWords,
  onNodeActivate,
  onLinkActivate,
}: ClusterDrawingProps) {
  // Absent nodes (room to grow, removed) and their links are not drawn, here too for compare's pictures.
  const presence = presenceOf(views);
  const layout = useMemo(() => presentLayout(fullLayout, presence), [fullLayout, presence]);
  const tabStop = tabStopOf(layout, roving?.tabStop);
  // Whatever gets focus (a key, a click, a menu giving it back) becomes the picture's Tab stop.
  const onFocus = (event: FocusEvent) => {
    const item = event.target instanceof Element ? event.target.closest('[data-node-id], [data-link-id]') : null;
    const id = item?.getAttribute('data-node-id') ?? item?.getAttribute('data-link-id');
    if (id) roving?.onFocusItem(id);
  };
  const linksLayer = (
    <Links
      layout={layout}
      links={links}
      rates={rates}
      tabStop={tabStop}
      onActivate={onLinkActivate}
      onNavigate={roving?.onLinkMove}
    />
  );
  // With a cache column the app-to-storage curves cross it: they pass behind its cards, which
  // stay readable and clickable (their handles sit clear of the column, see layoutDetailed).
  const linksUnder = layout.mode === 'detailed' && layout.cacheBand !== null;
  return (
    <>
      <Backdrop layout={layout} cacheNote={cacheNote} bandWords={bandWords} />
      <Bundles layout={layout} links={links} />
      <g className="cluster-items" onFocus={roving && onFocus}>
        {linksUnder && linksLayer}
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
                  tabStop={box.id === tabStop}
                  onActivate={onNodeActivate}
                  onNavigate={roving?.onNodeMove}
                />
              ) : null;
            })}
        </g>
        {!linksUnder && linksLayer}
      </g>
    </>
  );
}
