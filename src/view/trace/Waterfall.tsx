// A traced request's waterfall: simulated time across from the moment it was sent, one row per
// hop or phase. D3 computes the scale, React draws the SVG. What each bar is never rests on colour:
// every row is labelled, and queued, disk and timed-out parts have patterns of their own.
import { useId } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3';
import { BAR_LINE, NOTE_LINE, placeRows, type PlacedRow } from './waterfallLayout';
import type { WaterfallRow } from './waterfallRows';

const AXIS = 24;
const RIGHT = 12;
const BAR_HEIGHT = 12;
const NOTE_INDENT = 14;
const MIN_TICK_GAP = 64;

interface WaterfallProps {
  readonly rows: readonly WaterfallRow[];
  readonly width: number;
  readonly totalMs: number;
  /** What a screen reader hears for the picture (the table lists every row). */
  readonly label: string;
}

/** The most ticks whose labels ("1.5 s", "500 ms") stay clear of one another. */
function spacedTicks(x: ScaleLinear<number, number>): number[] {
  for (let count = 6; count > 1; count--) {
    const ticks = x.ticks(count);
    if (ticks.length < 2 || x(ticks[1] as number) - x(ticks[0] as number) >= MIN_TICK_GAP) return ticks;
  }
  return x.ticks(1);
}

const tickLabel = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

export function Waterfall({ rows, width, totalMs, label }: WaterfallProps) {
  const id = `waterfall-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const labelWidth = Math.round(Math.min(160, Math.max(100, width * 0.36)));
  const x = scaleLinear([0, Math.max(totalMs, 0.001)], [labelWidth, Math.max(labelWidth + 40, width - RIGHT)]);
  const placed = placeRows(rows, width - NOTE_INDENT - RIGHT, AXIS + 4);
  const ticks = spacedTicks(x);
  return (
    <svg className="waterfall" width={width} height={placed.bottom + 4} role="img" aria-label={label}>
      <defs>
        <pattern id={`${id}-hatch`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={6} height={6} className="waterfall-hatch-bg" />
          <rect width={2.5} height={6} className="waterfall-hatch" />
        </pattern>
        <pattern id={`${id}-dots`} width={5} height={5} patternUnits="userSpaceOnUse">
          <rect width={5} height={5} className="waterfall-dots-bg" />
          <circle cx={2.5} cy={2.5} r={1.1} className="waterfall-dot" />
        </pattern>
        <pattern id={`${id}-disk`} width={4} height={4} patternUnits="userSpaceOnUse">
          <rect width={4} height={4} className="waterfall-disk-bg" />
          <rect width={4} height={1.4} className="waterfall-disk-line" />
        </pattern>
      </defs>
      {ticks.map((t) => (
        <g key={t} transform={`translate(${x(t)},0)`}>
          <line className="waterfall-grid" y1={AXIS - 4} y2={placed.bottom} />
          <text className="waterfall-tick" y={AXIS - 9} textAnchor={t === 0 ? 'start' : 'middle'}>
            {tickLabel(t)}
          </text>
        </g>
      ))}
      {placed.rows.map((p) => (
        <Row key={p.row.key} placed={p} x={x} patterns={id} />
      ))}
    </svg>
  );
}

function Row({ placed, x, patterns }: { placed: PlacedRow; x: ScaleLinear<number, number>; patterns: string }) {
  const { row, y, noteLines } = placed;
  const mid = y + BAR_LINE / 2;
  return (
    <g className={`waterfall-row waterfall-${row.kind}`} data-row-kind={row.kind}>
      <title>{row.note ? `${row.label}: ${row.note}` : row.label}</title>
      <text className="waterfall-label" x={4} y={mid} dy="0.35em">
        {row.label}
      </text>
      <Mark row={row} x={x} mid={mid} patterns={patterns} />
      {noteLines.map((line, i) => (
        <text key={i} className="waterfall-note" x={NOTE_INDENT} y={y + BAR_LINE + i * NOTE_LINE + 7} dy="0.35em">
          {line}
        </text>
      ))}
    </g>
  );
}

interface MarkProps {
  readonly row: WaterfallRow;
  readonly x: ScaleLinear<number, number>;
  readonly mid: number;
  readonly patterns: string;
}

/** The bar (or, for a moment, the glyph) of one row. */
function Mark({ row, x, mid, patterns }: MarkProps) {
  const x0 = x(row.startMs);
  const width = Math.max(3, x(row.endMs) - x0);
  const top = mid - BAR_HEIGHT / 2;
  const bar = (className: string, fill?: string) => (
    <rect className={className} x={x0} y={top} width={width} height={BAR_HEIGHT} fill={fill} />
  );
  switch (row.kind) {
    case 'attempt':
      return <path className="waterfall-bracket" d={`M${x0},${mid - 5}V${mid + 1}H${x0 + width}V${mid - 5}`} />;
    case 'lost': {
      const s = 5;
      return (
        <path
          className="waterfall-cross"
          d={`M${x0 - s},${mid - s}L${x0 + s},${mid + s}M${x0 - s},${mid + s}L${x0 + s},${mid - s}`}
        />
      );
    }
    case 'event':
      if (row.endMs > row.startMs) return bar('waterfall-bar waterfall-wait');
      return (
        <path
          className="waterfall-diamond"
          d={`M${x0},${mid - 5}L${x0 + 5},${mid}L${x0},${mid + 5}L${x0 - 5},${mid}Z`}
        />
      );
    case 'end':
      return row.label === 'served' ? (
        <circle className="waterfall-end-ok" cx={x0} cy={mid} r={5} />
      ) : (
        <rect className="waterfall-end-failed" x={x0 - 5} y={mid - 5} width={10} height={10} />
      );
    case 'queued':
      return bar('waterfall-bar waterfall-queued-bar', `url(#${patterns}-dots)`);
    case 'timeout':
      return bar('waterfall-bar waterfall-timeout-bar', `url(#${patterns}-hatch)`);
    case 'backoff':
      return bar('waterfall-bar waterfall-backoff-bar');
    case 'replica': {
      const disk = row.disk;
      return (
        <>
          {bar('waterfall-bar waterfall-replica-bar')}
          {disk && (
            <rect
              className="waterfall-disk"
              x={x(disk.startMs)}
              y={top}
              width={Math.max(2, x(disk.endMs) - x(disk.startMs))}
              height={BAR_HEIGHT}
              fill={`url(#${patterns}-disk)`}
            />
          )}
        </>
      );
    }
    case 'hop':
    case 'served':
      return bar(`waterfall-bar waterfall-${row.kind}-bar`);
    default: {
      const never: never = row.kind;
      return never;
    }
  }
}
