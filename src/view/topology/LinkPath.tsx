// One link of a small cluster: a focusable curve whose width shows traffic and whose colour,
// dash and marks show faults. A cut link has a gap and a red X in the middle, a lossy link is
// dotted (and at least thick enough for the dots to show), added latency and dropped messages
// are written next to it.
import { memo, type KeyboardEvent } from 'react';
import { linkHorizontal } from 'd3-shape';
import { moveOf, type Move } from './clusterKeys';
import type { LinkLine } from './layout';
import { linkLabel, percent, type LinkView } from './linkState';

const curve = linkHorizontal();

export interface LinkPathProps {
  readonly line: LinkLine;
  readonly view: LinkView;
  readonly strokeWidth: number;
  readonly droppedShare: number;
  /** The picture's one Tab stop (tabindex 0); the other links and nodes are reached by keys. */
  readonly tabStop?: boolean;
  /** Without it the link is a still picture (compare's side-by-side runs): no button, no id. */
  onActivate?(index: number): void;
  onNavigate?(index: number, move: Move): void;
}

function notes(view: LinkView, droppedShare: number): string {
  const parts: string[] = [];
  if (view.loss > 0) parts.push(`${percent(view.loss)} loss`);
  if (view.latencyMs > 0) parts.push(`+${Math.round(view.latencyMs)} ms`);
  if (!view.cut && view.loss === 0 && droppedShare >= 0.01) parts.push(`${percent(droppedShare)} dropped`);
  return parts.join(' · ');
}

function dropClass(view: LinkView, droppedShare: number): string {
  if (view.cut) return 'is-cut';
  if (droppedShare >= 0.2) return 'drops-many';
  if (droppedShare >= 0.01) return 'drops-some';
  return '';
}

function LinkPathInner(props: LinkPathProps) {
  const { line, view, strokeWidth, droppedShare, tabStop = false, onActivate, onNavigate } = props;
  const d = curve({ source: [line.x1, line.y1], target: [line.x2, line.y2] }) ?? '';
  const mx = line.handle?.x ?? (line.x1 + line.x2) / 2;
  const my = line.handle?.y ?? (line.y1 + line.y2) / 2;
  const text = notes(view, droppedShare);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      // Space acts on key up (as buttons do), so the key up cannot land on the menu that opens.
      if (event.key === 'Enter') onActivate?.(line.index);
      return;
    }
    const move = moveOf(event, true);
    if (move && onNavigate) {
      event.preventDefault();
      onNavigate(line.index, move);
    }
  };
  const button = onActivate && {
    role: 'button',
    tabIndex: tabStop ? 0 : -1,
    'data-link-id': line.id,
    'aria-label': linkLabel(line.id, view, droppedShare),
    onClick: () => onActivate(line.index),
    onKeyDown,
    onKeyUp: (event: KeyboardEvent) => event.key === ' ' && onActivate(line.index),
  };
  return (
    <g className={`link ${dropClass(view, droppedShare)}${view.loss > 0 ? ' is-lossy' : ''}`}>
      <g className="link-button" {...button}>
        {/* The focus ring: a wide halo in the focus colour under the line, so it follows the curve. */}
        <path className="link-focus" d={d} />
        <path className="link-hit" d={d} />
        {/* A round handle in the middle: a target that stays clickable (and sized) even on a straight link. */}
        <circle className="link-handle" cx={mx} cy={my} r={7} />
        {/* On a cut link, pathLength lets the dash pattern leave a gap in the middle of any curve. */}
        <path
          className="link-line"
          d={d}
          strokeWidth={view.cut ? 2.5 : view.loss > 0 ? Math.max(3, strokeWidth) : strokeWidth}
          pathLength={view.cut ? 100 : undefined}
        />
        {/* Only a line wide enough holds a stripe inside it; on a thin one it would read as dashes. */}
        {view.cut && (
          <g className="link-cut-marker" transform={`translate(${mx},${my})`}>
            <circle r={8} />
            <path d="M-4.5,-4.5 L4.5,4.5 M4.5,-4.5 L-4.5,4.5" />
          </g>
        )}
      </g>
      {/* Outside the button, so its visible text is none and its name is the whole story. */}
      {text && (
        <text className="link-note" x={mx} y={my - (view.cut ? 12 : 7)} textAnchor="middle" aria-hidden="true">
          {text}
        </text>
      )}
    </g>
  );
}

function sameProps(a: LinkPathProps, b: LinkPathProps): boolean {
  return (
    a.line === b.line &&
    a.view.cut === b.view.cut &&
    a.view.loss === b.view.loss &&
    a.view.latencyMs === b.view.latencyMs &&
    a.strokeWidth === b.strokeWidth &&
    a.droppedShare === b.droppedShare &&
    a.tabStop === b.tabStop &&
    a.onActivate === b.onActivate &&
    a.onNavigate === b.onNavigate
  );
}

export const LinkPath = memo(LinkPathInner, sameProps);
