// One node of the cluster picture: a focusable button named by its id and status. Small clusters
// draw a labelled card; big ones a 16-unit glyph whose shape and marks say its state (X crashed,
// grey with a ring powered off, hollow out of rotation, triangle bad config, dot slow, bar
// overloaded, red corner failed disk, stripes rebuilding, blue ring partitioned, dashed starting,
// a bar across draining; cache nodes are round).
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { moveOf, type Move } from './clusterKeys';
import type { NodeBox } from './layout';
import { NodeCardFigures } from './NodeCard';
import type { NodeView } from './nodeState';
import './nodes.css';

export interface NodeGlyphProps {
  readonly box: NodeBox;
  readonly view: NodeView;
  readonly selected: boolean;
  readonly detail?: string;
  /** The picture's one Tab stop (tabindex 0); the other nodes are reached by arrow keys. */
  readonly tabStop?: boolean;
  /** Without handlers the node is a still picture (compare's side-by-side runs): no button, no id. */
  onActivate?(index: number, additive: boolean): void;
  onNavigate?(index: number, move: Move): void;
}

/** Class names for the state, most severe first; CSS draws outline, fill and dash from them. */
export function stateClasses(view: NodeView): string {
  const classes = [`status-${view.status.replace(' ', '-')}`];
  if (view.overloaded) classes.push('is-overloaded');
  if (view.slowFactor > 1) classes.push('is-slow');
  if (view.badConfig) classes.push('is-bad-config');
  if (!view.inRotation) classes.push('is-out-of-rotation');
  if (view.side !== 0) classes.push('is-partitioned');
  if (view.draining) classes.push('is-draining');
  if (view.pipeline?.diskFailed) classes.push('has-failed-disk');
  if (view.pipeline?.recovering) classes.push('is-recovering');
  return classes.join(' ');
}

function CompactGlyph({ view }: { view: NodeView }) {
  const failed = view.disks.includes('f') || view.pipeline?.diskFailed === true;
  const rebuilding = view.disks.includes('r') || Boolean(view.pipeline?.recovering);
  return (
    <>
      {view.badConfig ? (
        <path className="glyph-body" d="M8,0 L16,15 L0,15 Z" />
      ) : (
        <rect className="glyph-body" width={16} height={16} rx={2} />
      )}
      {rebuilding && <rect className="glyph-stripes" width={16} height={16} rx={2} />}
      {view.status === 'crashed' && <path className="glyph-x" d="M3,3 L13,13 M13,3 L3,13" />}
      {view.status === 'powered off' && <circle className="glyph-ring" cx={8} cy={8} r={4} />}
      {view.status === 'up' && view.slowFactor > 1 && (
        <circle className="glyph-dot" cx={8} cy={view.badConfig ? 10 : 8} r={3} />
      )}
      {view.status === 'up' && view.overloaded && <rect className="glyph-bar" x={3} y={11} width={10} height={3} />}
      {view.draining && <path className="glyph-drain" d="M3,8 H13" />}
      {failed && <path className="glyph-disk-failed" d="M9,0 H16 V7 Z" />}
    </>
  );
}

function NodeGlyphInner({ box, view, selected, detail, tabStop = false, onActivate, onNavigate }: NodeGlyphProps) {
  const onClick = (event: MouseEvent) => onActivate?.(box.index, event.shiftKey);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      // Space acts on key up (as buttons do), so the key up cannot land on the menu that opens.
      if (event.key === 'Enter') onActivate?.(box.index, event.shiftKey);
      return;
    }
    const move = moveOf(event, false);
    if (move && onNavigate) {
      event.preventDefault();
      onNavigate(box.index, move);
    }
  };
  const button = onActivate && {
    role: 'button',
    tabIndex: tabStop ? 0 : -1,
    'data-node-id': box.id,
    'aria-label': selected ? `${view.label}, selected` : view.label,
    onClick,
    onKeyDown,
    onKeyUp: (event: KeyboardEvent) => event.key === ' ' && onActivate(box.index, event.shiftKey),
  };
  const x = box.cx - box.width / 2;
  const y = box.cy - box.height / 2;
  const ring = box.glyph ? 3 : 5;
  const outset = (by: number) => ({
    x: -by,
    y: -by,
    width: box.width + 2 * by,
    height: box.height + 2 * by,
  });
  const classes = `node node-${box.kind} ${box.glyph ? 'node-glyph' : 'node-card'} ${stateClasses(view)}`;
  return (
    <g className={`${classes}${selected ? ' is-selected' : ''}`} transform={`translate(${x},${y})`}>
      <g className="node-button" {...button}>
        <rect className="node-hit" {...outset(ring)} rx={box.glyph ? 3 : 9} />
        {view.side !== 0 && <rect className="node-side-ring" {...outset(ring - 1)} rx={box.glyph ? 3 : 8} />}
        {selected && <rect className="node-selected-ring" {...outset(ring + 3)} rx={box.glyph ? 4 : 11} />}
        {box.glyph ? (
          <CompactGlyph view={view} />
        ) : (
          <>
            <rect className="node-box" width={box.width} height={box.height} rx={6} />
            <text className="node-id" x={10} y={21}>
              {box.id}
            </text>
          </>
        )}
      </g>
      {!box.glyph && (
        <NodeCardFigures kind={box.kind} view={view} width={box.width} height={box.height} detail={detail} />
      )}
    </g>
  );
}

/** Re-render only when what the node shows changed (the view object itself is new every frame). */
function sameProps(a: NodeGlyphProps, b: NodeGlyphProps): boolean {
  if (a.box !== b.box || a.selected !== b.selected || a.detail !== b.detail || a.tabStop !== b.tabStop) return false;
  if (a.onActivate !== b.onActivate || a.onNavigate !== b.onNavigate) return false;
  if (a.view.label !== b.view.label) return false;
  if (a.box.glyph) return a.view.overloaded === b.view.overloaded;
  return (
    a.view.utilization === b.view.utilization &&
    a.view.queue === b.view.queue &&
    a.view.replicas === b.view.replicas &&
    a.view.cacheFill === b.view.cacheFill
  );
}

export const NodeGlyph = memo(NodeGlyphInner, sameProps);
