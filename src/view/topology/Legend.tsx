// What the marks mean, drawn with the same classes as the picture so the key always matches.
import type { ReactNode } from 'react';
import type { LayoutMode } from './layout';

function Swatch({ children, width = 22 }: { children: ReactNode; width?: number }) {
  return (
    <svg className="legend-swatch" width={width} height={18} viewBox={`0 0 ${width} 18`} aria-hidden="true">
      {children}
    </svg>
  );
}

function Glyph({ className, children }: { className: string; children?: ReactNode }) {
  return (
    <Swatch>
      <g className={`node node-glyph ${className}`} transform="translate(3,1)">
        <rect className="glyph-body" width={16} height={16} rx={2} />
        {children}
      </g>
    </Swatch>
  );
}

const LINK_KEYS = (
  <>
    <li>
      <Swatch width={34}>
        <g className="link">
          <path className="link-line" d="M2,9 H32" strokeWidth={5} />
        </g>
      </Swatch>
      traffic
    </li>
    <li>
      <Swatch width={34}>
        <g className="link is-cut">
          <path className="link-line" d="M2,9 H32" pathLength={100} />
          <g className="link-cut-marker" transform="translate(17,9)">
            <circle r={6} />
            <path d="M-3.5,-3.5 L3.5,3.5 M3.5,-3.5 L-3.5,3.5" />
          </g>
        </g>
      </Swatch>
      cut
    </li>
    <li>
      <Swatch width={34}>
        <g className="link is-lossy">
          <path className="link-line" d="M2,9 H32" strokeWidth={2.5} />
        </g>
      </Swatch>
      packet loss
    </li>
  </>
);

/** Issue 14's marks, shown only when the scenario has a cache tier or room to scale. */
function TierKeys({ mode, cache, scaling }: { mode: LayoutMode; cache: boolean; scaling: boolean }) {
  const compact = mode === 'compact';
  return (
    <>
      {cache && (
        <li>
          {compact ? (
            <Glyph className="status-up node-cache" />
          ) : (
            <Swatch width={34}>
              <rect className="bar-track" x={2} y={6} width={30} height={6} rx={2} />
              <rect className="bar-keys" x={2} y={6} width={18} height={6} rx={2} />
            </Swatch>
          )}
          {compact
            ? 'cache node (round)'
            : 'cache node: keys held against the most it holds, and its own hit share (the tier’s is on its column)'}
        </li>
      )}
      {scaling && (
        <>
          <li>
            <Glyph className="status-starting" />
            starting (added, not serving yet)
          </li>
          <li>
            <Glyph className="status-up is-draining">
              <path className="glyph-drain" d="M3,8 H13" />
            </Glyph>
            draining (finishing its requests, then removed)
          </li>
        </>
      )}
    </>
  );
}

/** Issue 15's marks, shown only when the scenario has a log or a search index. */
function PipelineKeys({ mode }: { mode: LayoutMode }) {
  return (
    <>
      <li>
        <Swatch width={34}>
          <path className="flow-line" d="M2,9 H26" />
          <path className="flow-head" d="M24,4 L32,9 L24,14 Z" />
        </Swatch>
        flow of change events (drawn, not a link)
      </li>
      {mode === 'detailed' && (
        <li>
          <Swatch width={34}>
            <rect className="bar-track" x={2} y={6} width={30} height={6} rx={2} />
            <rect className="bar-recovered" x={2} y={6} width={12} height={6} rx={2} />
          </Swatch>
          index node rebuilding (dashed), and how far along
        </li>
      )}
    </>
  );
}

export function Legend({
  mode,
  cache = false,
  scaling = false,
  pipeline = false,
}: {
  mode: LayoutMode;
  cache?: boolean;
  scaling?: boolean;
  pipeline?: boolean;
}) {
  return (
    <ul className="topology-legend" aria-label="Legend">
      <TierKeys mode={mode} cache={cache} scaling={scaling} />
      {pipeline && <PipelineKeys mode={mode} />}
      {mode === 'compact' ? (
        <>
          <li>
            <Glyph className="status-up" />
            up
          </li>
          <li>
            <Glyph className="status-crashed">
              <path className="glyph-x" d="M3,3 L13,13 M13,3 L3,13" />
            </Glyph>
            crashed
          </li>
          <li>
            <Glyph className="status-powered-off">
              <circle className="glyph-ring" cx={8} cy={8} r={4} />
            </Glyph>
            powered off
          </li>
          <li>
            <Glyph className="status-up is-out-of-rotation" />
            out of rotation
          </li>
          <li>
            <Glyph className="status-up is-slow">
              <circle className="glyph-dot" cx={8} cy={8} r={3} />
            </Glyph>
            slow
          </li>
          <li>
            <Glyph className="status-up is-overloaded">
              <rect className="glyph-bar" x={3} y={11} width={10} height={3} />
            </Glyph>
            overloaded
          </li>
          <li>
            <Glyph className="status-up">
              <path className="glyph-disk-failed" d="M9,0 H16 V7 Z" />
            </Glyph>
            failed disk
          </li>
          <li>
            <Glyph className="status-up">
              <rect className="glyph-stripes" width={16} height={16} rx={2} />
            </Glyph>
            rebuilding
          </li>
        </>
      ) : (
        <>
          <li>Bars: share of workers busy, queue length</li>
          <li>
            <Swatch>
              <g className="disk disk-h">
                <rect x={4} y={2} width={14} height={14} rx={2} />
              </g>
            </Swatch>
            disk
          </li>
          <li>
            <Swatch>
              <g className="disk disk-f">
                <rect x={4} y={2} width={14} height={14} rx={2} />
                <path className="disk-x" d="M7,5 l8,8 m0,-8 l-8,8" />
              </g>
            </Swatch>
            failed disk
          </li>
          <li>
            <Swatch>
              <g className="disk disk-r">
                <rect x={4} y={2} width={14} height={14} rx={2} />
              </g>
            </Swatch>
            rebuilding
          </li>
        </>
      )}
      {LINK_KEYS}
    </ul>
  );
}
