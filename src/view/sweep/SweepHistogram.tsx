// One figure's spread over the seeds: a histogram whose bars are buttons (each opens its lowest
// seed in the lab), the current run marked by a line and the words "this run", and the quantiles
// listed beneath. Colour is never the only signal: the current run's bar is also hatched and named.
import { useRef, useState, type KeyboardEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import type { Bin } from '../../sweep/distribution';
import type { SeedRow } from '../../sweep/runSeed';
import { barAfterKey, barLabel, binIndexOf, binRange, QUANTILES, type Figure } from './sweepModel';

const WIDTH = 360;
const HEIGHT = 150;
const PAD = { left: 34, right: 10, top: 18, bottom: 22 };

export interface SweepHistogramProps {
  readonly figure: Figure;
  /** The run the lab showed when the sweep began, when its seed is in the range. */
  readonly thisRun: SeedRow | null;
  readonly onOpenSeed: (seed: number) => void;
}

export function SweepHistogram({ figure, thisRun, onOpenSeed }: SweepHistogramProps) {
  const { bins, quantiles, count } = figure.distribution;
  const first = bins[0] as Bin;
  const last = bins.at(-1) as Bin;
  // A few bins (every seed alike, say) stay bars, not walls: the domain gets room either side.
  const span = last.to - first.from;
  const room = bins.length < 3 ? span : 0;
  const x = scaleLinear([first.from - room, last.to + room], [PAD.left, WIDTH - PAD.right]);
  const maxCount = Math.max(...bins.map((b) => b.count));
  const y = scaleLinear([0, maxCount], [HEIGHT - PAD.bottom, PAD.top]);
  const runValue = thisRun ? figure.value(thisRun) : null;
  const runBin = runValue === null ? -1 : binIndexOf(bins, runValue);
  const runBinAt = bins[runBin];
  const runX = runBinAt ? x((runBinAt.from + runBinAt.to) / 2) : null;
  const titleId = `sweep-fig-${figure.id}`;
  // Few bins are named one by one; many get round ticks.
  const ticks =
    bins.length < 3
      ? bins.map((b) => ({
          at: (b.from + b.to) / 2,
          text: bins.length === 1 ? binRange(figure, b) : figure.format(b.from),
        }))
      : x
          .ticks(4)
          .filter((t) => !figure.integers || Number.isInteger(t))
          .map((t) => ({ at: t, text: figure.format(t) }));
  const open = (bin: Bin) => onOpenSeed(bin.seed);
  // One tab stop per histogram (this run's bar first); arrow keys, Home and End move between bars.
  const [active, setActive] = useState(Math.max(0, runBin));
  const svgRef = useRef<SVGSVGElement>(null);
  const onKeyDown = (e: KeyboardEvent, i: number, bin: Bin) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      return open(bin);
    }
    const next = barAfterKey(i, e.key, bins.length);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    svgRef.current?.querySelectorAll<SVGGElement>('.sweep-bar')[next]?.focus();
  };
  return (
    <figure className="sweep-figure" aria-labelledby={titleId} data-figure={figure.id}>
      <figcaption id={titleId}>
        {figure.title} <span className="sweep-hint">({count.toLocaleString('en-US')} seeds)</span>
      </figcaption>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="sweep-histogram"
        role="group"
        aria-labelledby={titleId}
      >
        <defs>
          <pattern
            id={`${titleId}-hatch`}
            width="5"
            height="5"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="5" height="5" className="sweep-bar-this-fill" />
            <line x1="0" y1="0" x2="0" y2="5" className="sweep-hatch" />
          </pattern>
        </defs>
        <line className="sweep-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <text className="sweep-tick" x={PAD.left - 4} y={y(maxCount) + 4} textAnchor="end">
          {maxCount.toLocaleString('en-US')}
        </text>
        <text className="sweep-tick" x={PAD.left - 4} y={y(0)} textAnchor="end">
          0
        </text>
        {ticks.map((t) => (
          <text key={t.at} className="sweep-tick" x={x(t.at)} y={HEIGHT - 6} textAnchor="middle" aria-hidden="true">
            {t.text}
          </text>
        ))}
        {bins.map((bin, i) => {
          const left = x(bin.from);
          const width = Math.max(2, x(bin.to) - left - 1);
          const top = Math.min(y(bin.count), y(0) - 2);
          const isRun = i === runBin;
          return (
            <g
              key={bin.from}
              role="button"
              tabIndex={i === active ? 0 : -1}
              className={isRun ? 'sweep-bar is-this-run' : 'sweep-bar'}
              aria-label={barLabel(figure, bin, isRun)}
              onClick={() => open(bin)}
              onFocus={() => setActive(i)}
              onKeyDown={(e) => onKeyDown(e, i, bin)}
            >
              <rect className="sweep-bar-hit" x={left} width={width} y={PAD.top} height={y(0) - PAD.top} />
              <rect
                className="sweep-bar-fill"
                x={left}
                width={width}
                y={top}
                height={y(0) - top}
                style={isRun ? { fill: `url(#${titleId}-hatch)` } : undefined}
              />
            </g>
          );
        })}
        {runX !== null && (
          <g className="sweep-this-run" aria-hidden="true">
            <line x1={runX} x2={runX} y1={PAD.top - 4} y2={y(0)} />
            <text
              x={runX}
              y={PAD.top - 6}
              textAnchor={runX > WIDTH * 0.75 ? 'end' : runX < WIDTH * 0.25 ? 'start' : 'middle'}
            >
              this run
            </text>
          </g>
        )}
      </svg>
      {thisRun && runValue !== null && (
        <p className="sweep-this-run-text">
          This run (seed {thisRun.seed}): {figure.format(runValue)}
        </p>
      )}
      <dl className="sweep-quantiles">
        {QUANTILES.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{figure.format(quantiles[key])}</dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
