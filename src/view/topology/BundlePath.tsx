// Many links of a big cluster drawn as one path (a rack's app servers to a rack's storage). Not
// focusable: the nodes are, and a bundle's faults are summed up in words next to it.
import { memo } from 'react';
import { linkHorizontal } from 'd3-shape';
import type { Bundle } from './layout';
import type { BundleView } from './linkState';

const curve = linkHorizontal();

function summary(view: BundleView): string {
  const parts: string[] = [];
  if (view.cut > 0 && view.cut < view.total) parts.push(`${view.cut} cut`);
  if (view.lossy > 0) parts.push(`${view.lossy} lossy`);
  if (view.slowed > 0) parts.push(`${view.slowed} slowed`);
  return parts.join(' · ');
}

function BundlePathInner({ bundle, view }: { bundle: Bundle; view: BundleView }) {
  const d = curve({ source: [bundle.x1, bundle.y1], target: [bundle.x2, bundle.y2] }) ?? '';
  const mx = (bundle.x1 + bundle.x2) / 2;
  const my = (bundle.y1 + bundle.y2) / 2;
  const allCut = view.cut > 0 && view.cut === view.total;
  const state = allCut ? 'is-cut' : view.cut > 0 ? 'drops-many' : view.lossy > 0 ? 'drops-some' : '';
  const text = summary(view);
  return (
    <g className={`bundle link ${state}${view.lossy > 0 ? ' is-lossy' : ''}`} data-bundle-id={bundle.id}>
      <title>{`${bundle.label}: ${view.total} links${text ? `, ${text}` : ''}${allCut ? ', all cut' : ''}`}</title>
      <path className="link-line" d={d} pathLength={allCut ? 100 : undefined} />
      {allCut && (
        <g className="link-cut-marker" transform={`translate(${mx},${my})`}>
          <circle r={6} />
          <path d="M-3.5,-3.5 L3.5,3.5 M3.5,-3.5 L-3.5,3.5" />
        </g>
      )}
      {text && (
        <text className="link-note" x={mx} y={my - 5} textAnchor="middle">
          {text}
        </text>
      )}
    </g>
  );
}

export const BundlePath = memo(BundlePathInner);
