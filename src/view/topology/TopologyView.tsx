// The live cluster picture: nodes and links drawn by React as SVG from the store's topology and
// latest frame, with d3 doing the maths (layout curves, scales, zoom). Clicking or pressing
// Enter on a node or link opens its action menu; Shift+click or Shift+Enter adds a node to (or
// removes it from) the group selection.
import { useCallback, useId, useMemo, useRef } from 'react';
import type { Frame, Topology } from '../../sim/index';
import type { AppState, MenuTarget } from '../../store/appStore';
import { useApp, useAppStore } from '../../store/context';
import { selectShownFrame, selectLinks, selectMenu, selectSelected, selectTopology } from '../../store/selectors';
import { ActionMenu } from './ActionMenu';
import { ClusterDrawing } from './ClusterDrawing';
import { CLUSTER_KEYS_HINT } from './clusterKeys';
import type { FocusTarget } from './clusterNavigation';
import { layoutTopology, type TopologyLayout } from './layout';
import { Legend } from './Legend';
import { PictureKey } from './PictureKey';
import { TrafficLayer } from '../traffic/TrafficLayer';
import { TrafficLegend } from '../traffic/TrafficLegend';
import { menuFor, restrictMenu, type MenuEntry } from './menuItems';
import { useOnlyControls } from '../lessons/lessonContext';
import { diskOffsets, frontDetailsOf, nodeViewsOf } from './nodeState';
import { bandWordsOf } from './pipelineKinds';
import { placedKey, presenceKey, presentLayout } from './presentLayout';
import { GroupControls } from './GroupControls';
import { TierControls } from './TierControls';
import { TopologyToolbar } from './TopologyToolbar';
import { useClusterFocus } from './useClusterFocus';
import { useLinkRates } from './useLinkRates';
import { MAX_ZOOM, useZoom } from './useZoom';
import './topology.css';

const selectRunId = (s: AppState) => s.runId;

/** The cache tier's hit share since the start, for its band ("" before the first lookup). */
function cacheNoteOf(frame: Frame | null): string {
  const share = frame?.cache?.hitShare;
  return share === null || share === undefined ? '' : `${Math.round(share * 100)}% hits, whole run`;
}
const GROUP_BUTTON = '[data-group-button]';

export function TopologyView() {
  const topology = useApp(selectTopology);
  const runId = useApp(selectRunId);
  if (!topology) return <p className="topology-loading">Starting the simulation…</p>;
  // A new run gets a fresh picture: zoom, rates and menu anchors start over.
  return <TopologyCanvas key={runId} topology={topology} />;
}

const nodeSelector = (id: string) => `[data-node-id="${CSS.escape(id)}"]`;
const linkSelector = (id: string) => `[data-link-id="${CSS.escape(id)}"]`;

function anchorOf(menu: MenuTarget): string {
  if (menu.kind === 'group') return GROUP_BUTTON;
  return menu.kind === 'node' ? nodeSelector(menu.id) : linkSelector(menu.id);
}

function TopologyCanvas({ topology }: { topology: Topology }) {
  const store = useAppStore();
  const frame = useApp(selectShownFrame);
  const links = useApp(selectLinks);
  const menu = useApp(selectMenu);
  const selected = useApp(selectSelected);
  const placed = placedKey(topology, frame);
  const fullLayout: TopologyLayout = useMemo(() => layoutTopology(topology, placed || undefined), [topology, placed]);
  // Absent nodes (room to grow, or removed) are not drawn; the rest keep their places.
  const presence = presenceKey(frame);
  const layout = useMemo(() => presentLayout(fullLayout, presence), [fullLayout, presence]);
  const offsets = useMemo(() => diskOffsets(topology), [topology]);
  const views = useMemo(() => (frame ? nodeViewsOf(topology, frame, offsets) : null), [topology, frame, offsets]);
  const details = useMemo(
    () => (frame ? frontDetailsOf(topology, frame) : new Map<number, string>()),
    [topology, frame],
  );
  const rates = useLinkRates(frame);
  const bandWords = useMemo(() => bandWordsOf(frame), [frame]);
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoom = useZoom(svgRef, fullLayout.width, fullLayout.height);

  const focus = useCallback(
    (selector: string) => containerRef.current?.querySelector<SVGElement | HTMLElement>(selector)?.focus(),
    [],
  );
  const onNodeActivate = useCallback(
    (index: number, additive: boolean) => {
      const node = topology.nodes[index];
      if (!node) return;
      const { actions } = store.getState();
      actions.inspect(node.id);
      // Shift only builds the selection (no menu that could cover the next node to pick); the
      // group's actions are in the "Group actions" menu and at the end of every node's menu.
      if (additive) {
        actions.closeMenu();
        return actions.select(node.id, true);
      }
      // The users have no actions here (load is set in the Load panel); clicking just inspects.
      if (node.kind === 'clients') return actions.closeMenu();
      actions.openMenu({ kind: 'node', id: node.id });
    },
    [store, topology],
  );
  const onLinkActivate = useCallback(
    (index: number) => {
      const link = topology.links[index];
      if (!link) return;
      const { actions } = store.getState();
      actions.inspect(link.id);
      actions.openMenu({ kind: 'link', id: link.id });
    },
    [store, topology],
  );
  const focusItem = useCallback(
    (target: FocusTarget) => focus(target.kind === 'node' ? nodeSelector(target.id) : linkSelector(target.id)),
    [focus],
  );
  const roving = useClusterFocus(topology, layout, focusItem);
  const keysId = useId();
  const onGroupMenu = useCallback(() => {
    const { actions, selected: ids } = store.getState();
    if (ids.length > 0) actions.openMenu({ kind: 'group', ids });
  }, [store]);

  const anchor = menu ? anchorOf(menu) : null;
  const onClose = useCallback(
    (returnFocus: boolean) => {
      store.getState().actions.closeMenu();
      if (returnFocus && anchor) focus(anchor);
    },
    [store, anchor, focus],
  );
  const onChoose = useCallback(
    (entry: MenuEntry) => {
      const { actions } = store.getState();
      if (entry.command) actions.apply(entry.command, entry.announce ?? entry.label);
      // The group button goes away with the selection; then focus the first node that was selected.
      const first = store.getState().selected[0];
      const target = entry.clearSelection && anchor === GROUP_BUTTON && first ? nodeSelector(first) : anchor;
      if (entry.clearSelection) actions.clearSelection();
      actions.closeMenu();
      if (target) focus(target);
    },
    [store, anchor, focus],
  );
  const only = useOnlyControls();
  const full = menu && frame ? menuFor(menu, topology, frame, links, selected) : null;
  const model = full && restrictMenu(full, only);
  const selectedSet = new Set(selected);

  return (
    <div className={`topology topology-${layout.mode}`} ref={containerRef}>
      <TopologyToolbar
        selected={selected}
        zoom={zoom}
        maxZoom={MAX_ZOOM}
        onGroupMenu={onGroupMenu}
        onClearSelection={() => store.getState().actions.clearSelection()}
      >
        <GroupControls topology={topology} frame={frame} />
      </TopologyToolbar>
      <TierControls topology={topology} frame={frame} />
      <svg
        ref={svgRef}
        className="topology-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={`Cluster: ${layout.nodes.length} nodes in ${topology.racks.length} racks`}
        aria-describedby={keysId}
      >
        <desc id={keysId}>{CLUSTER_KEYS_HINT}</desc>
        <defs>
          <pattern
            id="topology-stripes"
            width={5}
            height={5}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width={2.5} height={5} className="stripe" />
          </pattern>
        </defs>
        <g transform={zoom.transform.toString()}>
          <ClusterDrawing
            layout={layout}
            views={views}
            details={details}
            links={links}
            rates={rates}
            selected={selectedSet}
            onNodeActivate={onNodeActivate}
            onLinkActivate={onLinkActivate}
            roving={roving}
            cacheNote={cacheNoteOf(frame)}
            bandWords={bandWords}
          />
        </g>
      </svg>
      <TrafficLayer topology={topology} layout={fullLayout} svgRef={svgRef} zoom={zoom.transform} rates={rates} />
      <PictureKey>
        <Legend
          mode={layout.mode}
          cache={topology.cache !== null}
          scaling={topology.scaling !== null}
          pipeline={layout.pipelineBands.length > 0}
        />
        <TrafficLegend />
      </PictureKey>
      {model && menu && anchor && (
        <ActionMenu key={anchor + menu.kind} model={model} anchor={anchor} onChoose={onChoose} onClose={onClose} />
      )}
    </div>
  );
}
