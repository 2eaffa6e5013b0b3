// The figures on a node's labelled card (small clusters): status at the top right, then live
// figures (busy share and queue for app servers, disks for storage, load for the users and the
// balancer) and badges for anything unusual. Every state has a mark or word as well as a colour.
import type { NodeKind } from '../../sim/index';
import { isPipelineKind } from './layoutPipeline';
import { conditionsOf, hitShareWords, type NodeView } from './nodeState';
import { PipelineFigures } from './PipelineCard';

const CHAR_WIDTH = 0.6;
const BADGE_FONT = 12;

export function StatusMark({ status, x, y }: { status: NodeView['status']; x: number; y: number }) {
  const word = status === 'powered off' ? 'power off' : status;
  const wordWidth = word.length * 13 * 0.55;
  const ix = x - wordWidth - 12;
  return (
    <g className="status-mark" aria-hidden="true">
      {status === 'up' && <circle className="mark-up" cx={ix} cy={y - 5} r={5} />}
      {status === 'crashed' && <path className="mark-crashed" d={`M${ix - 5},${y - 10} l10,10 m0,-10 l-10,10`} />}
      {status === 'starting' && <circle className="mark-starting" cx={ix} cy={y - 5} r={5} pathLength={12} />}
      {status === 'powered off' && (
        <path className="mark-off" d={`M${ix - 3.5},${y - 9.5} a6,6 0 1,0 7,0 M${ix},${y - 12} v6`} />
      )}
      <text className="status-word" x={x} y={y} textAnchor="end">
        {word}
      </text>
    </g>
  );
}

function Badges({ labels, y, width }: { labels: readonly string[]; y: number; width: number }) {
  const shown: { label: string; x: number; w: number }[] = [];
  let x = 8;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as string;
    const w = label.length * BADGE_FONT * CHAR_WIDTH + 10;
    const rest = labels.length - i - 1;
    if (x + w > width - (rest > 0 ? 30 : 8)) {
      shown.push({ label: `+${labels.length - i}`, x, w: 26 });
      break;
    }
    shown.push({ label, x, w });
    x += w + 4;
  }
  return (
    <g aria-hidden="true">
      {shown.map((b) => (
        <g key={b.label} className={`badge badge-${b.label.split(' ')[0]?.replace(/[^a-z]/g, '') || 'more'}`}>
          <rect x={b.x} y={y} width={b.w} height={16} rx={8} />
          <text x={b.x + b.w / 2} y={y + 12} textAnchor="middle">
            {b.label}
          </text>
        </g>
      ))}
    </g>
  );
}

function AppMeters({ view, width }: { view: NodeView; width: number }) {
  const barWidth = width / 2 - 18;
  const busy = Math.round(view.utilization * 100);
  // "100% busy" beside "queue 1000" would overlap: at full load the full bar says "busy".
  const busyText = busy >= 100 && view.queue >= 100 ? `${busy}%` : `${busy}% busy`;
  return (
    <g className="meters" aria-hidden="true">
      <text className="figure" x={10} y={39}>
        {busyText}
      </text>
      <text className="figure" x={width - 10} y={39} textAnchor="end">
        queue {view.queue}
      </text>
      <rect className="bar-track" x={10} y={44} width={barWidth} height={6} rx={2} />
      <rect className="bar-busy" x={10} y={44} width={barWidth * view.utilization} height={6} rx={2} />
      <rect className="bar-track" x={width - 10 - barWidth} y={44} width={barWidth} height={6} rx={2} />
      <rect
        className="bar-queue"
        x={width - 10 - barWidth}
        y={44}
        width={barWidth * view.queueShare}
        height={6}
        rx={2}
      />
    </g>
  );
}

function Disks({ view, width }: { view: NodeView; width: number }) {
  const size = 14;
  const disks = [...view.disks];
  return (
    <g className="disks" aria-hidden="true">
      {disks.map((code, d) => {
        const x = 10 + d * (size + 5);
        return (
          <g key={d} className={`disk disk-${code}`}>
            <rect x={x} y={28} width={size} height={size} rx={2} />
            {code === 'f' && <path className="disk-x" d={`M${x + 3},${31} l8,8 m0,-8 l-8,8`} />}
          </g>
        );
      })}
      {disks.length <= 5 && (
        <text className="figure" x={width - 10} y={40} textAnchor="end">
          {/* A storage node with a capacity queues when its disk slots are all busy: that is the news. */}
          {view.queue > 0 ? `queue ${view.queue}` : `${view.replicas} replicas`}
        </text>
      )}
    </g>
  );
}

/** A cache node: keys held and its own hit share over the last second, and a bar of how full it is. */
function CacheMeters({ view, width }: { view: NodeView; width: number }) {
  const barWidth = width - 20;
  const keys = view.cacheKeys.toLocaleString('en-US');
  return (
    <g className="meters" aria-hidden="true">
      <text className="figure" x={10} y={39}>
        {keys} keys
      </text>
      <text className="figure figure-hits" x={width - 10} y={39} textAnchor="end">
        {hitShareWords(view.cacheHitShare)}
      </text>
      <rect className="bar-track" x={10} y={44} width={barWidth} height={6} rx={2} />
      <rect className="bar-keys" x={10} y={44} width={barWidth * view.cacheFill} height={6} rx={2} />
    </g>
  );
}

interface NodeCardProps {
  readonly kind: NodeKind;
  readonly view: NodeView;
  readonly width: number;
  readonly height: number;
  readonly detail?: string;
}

/**
 * The figures on a card. Drawn outside the card's button (and hidden from assistive tech, which
 * gets them in the button's name and the inspector), so the button's visible text is its id,
 * as the name starts with it (WCAG 2.5.3, label in name). Clicks pass through to the card.
 */
export function NodeCardFigures({ kind, view, width, height, detail }: NodeCardProps) {
  const conditions = conditionsOf(kind, view);
  return (
    <g className="node-figures" aria-hidden="true">
      {kind !== 'clients' && !isPipelineKind(kind) && <StatusMark status={view.status} x={width - 8} y={21} />}
      {kind === 'app' && <AppMeters view={view} width={width} />}
      {kind === 'storage' && <Disks view={view} width={width} />}
      {kind === 'cache' && <CacheMeters view={view} width={width} />}
      {isPipelineKind(kind) && <PipelineFigures kind={kind} view={view} width={width} />}
      {detail && (
        <text className="figure" x={10} y={43}>
          <tspan className="figure-big">{detail}</tspan>
          <tspan x={10} dy={17}>
            {kind === 'clients' ? 'requests/s' : 'in rotation'}
          </tspan>
        </text>
      )}
      {conditions.length > 0 && <Badges labels={conditions} y={height - 19} width={width} />}
    </g>
  );
}
