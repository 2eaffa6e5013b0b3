// Above the cluster picture: how to use it, the current group selection, "Trace a request", the
// moving-requests switch, and zoom buttons for keyboard users (the mouse can also drag to pan and Ctrl + scroll or pinch to zoom). The zoom
// buttons use aria-disabled, not disabled, so a focused button keeps focus at the zoom limit.
import { TraceMenu } from '../trace/TraceMenu';
import { MotionToggle } from '../traffic/MotionToggle';
import type { ReactNode } from 'react';
import type { ZoomControls } from './useZoom';

interface TopologyToolbarProps {
  readonly selected: readonly string[];
  readonly zoom: ZoomControls;
  readonly maxZoom: number;
  onGroupMenu(): void;
  onClearSelection(): void;
  /** Controls that share the zoom buttons' row (a consumer group's "−" and "+"). */
  readonly children?: ReactNode;
}

export function TopologyToolbar({
  selected,
  zoom,
  maxZoom,
  onGroupMenu,
  onClearSelection,
  children,
}: TopologyToolbarProps) {
  const k = zoom.transform.k;
  return (
    <div className="topology-toolbar">
      <div className="topology-selection">
        <span role="status" className={selected.length === 0 ? 'topology-hint' : undefined}>
          {selected.length === 0
            ? 'Click a node or link for actions. Shift+click nodes to select a group.'
            : `${selected.length} selected: ${selected.length <= 4 ? selected.join(', ') : `${selected.slice(0, 3).join(', ')}…`}`}
        </span>
        {selected.length > 0 && (
          <>
            <button type="button" data-group-button aria-haspopup="menu" onClick={onGroupMenu}>
              Group actions
            </button>
            <button type="button" onClick={onClearSelection}>
              Clear selection
            </button>
          </>
        )}
      </div>
      <div className="topology-tools">
        <TraceMenu />
        <MotionToggle />
      </div>
      <div className="topology-zoom" role="group" aria-label="Zoom">
        <button
          type="button"
          aria-label="Zoom in"
          title="Zoom in"
          aria-disabled={k >= maxZoom}
          onClick={() => zoom.zoomBy(1.5)}
        >
          +
        </button>
        <button
          type="button"
          aria-label="Zoom out"
          title="Zoom out"
          aria-disabled={k <= 1}
          onClick={() => zoom.zoomBy(1 / 1.5)}
        >
          −
        </button>
        <button
          type="button"
          aria-disabled={k === 1 && zoom.transform.x === 0 && zoom.transform.y === 0}
          onClick={zoom.reset}
        >
          Reset zoom
        </button>
      </div>
      {children}
    </div>
  );
}
