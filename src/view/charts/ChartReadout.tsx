// The crosshair and readout over a chart's plot: hover, touch, or focus the plot and use the
// arrow keys (Home/End, Page Up/Down) to read every series at one second; Escape leaves it.
// The plot is a slider over time, so screen readers hear the same readout as its value text.
// Its state is local: a pointer move redraws this overlay, never the chart or the rail.
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimeDomain } from './chartData';
import { indexAfterKey, readoutNear, type ReadoutSeries } from './readout';

interface ChartReadoutProps {
  /** The chart's name in the slider's name ("Latency"). */
  readonly name: string;
  readonly series: readonly ReadoutSeries[];
  readonly domain: TimeDomain;
  readonly x: (timeS: number) => number;
  readonly invertX: (px: number) => number;
  readonly y: (value: number) => number;
  readonly left: number;
  readonly top: number;
  readonly innerWidth: number;
  readonly plotHeight: number;
}

interface Reading {
  readonly timeS: number;
  readonly by: 'pointer' | 'keys';
}

export function ChartReadout(props: ChartReadoutProps) {
  const { name, series, domain, x, y, left, top, innerWidth, plotHeight } = props;
  const [at, setAt] = useState<Reading | null>(null);
  const readout = at ? readoutNear(series, at.timeS) : null;
  const points = series[0]?.points ?? [];

  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    setAt({ timeS: props.invertX(e.clientX - rect.left), by: 'pointer' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      if (at) e.preventDefault();
      return setAt(null);
    }
    const next = indexAfterKey(e.key, readout?.index ?? -1, points.length);
    if (next === null) return;
    e.preventDefault();
    setAt({ timeS: (points[next] as { x: number }).x, by: 'keys' });
  };

  const crossX = readout ? x(readout.timeS) : 0;
  const hint = `${name}: no second picked. Use the arrow keys to read the values.`;
  return (
    <div
      className="chart-readout-surface"
      role="slider"
      tabIndex={0}
      aria-label={`${name} chart: arrow keys read the values second by second`}
      aria-valuemin={domain.startS}
      aria-valuemax={domain.endS}
      aria-valuenow={readout?.timeS ?? domain.endS}
      aria-valuetext={readout?.text ?? hint}
      style={{ left, top, width: innerWidth, height: plotHeight }}
      onPointerMove={onPointer}
      onPointerDown={onPointer}
      onPointerLeave={(e) => e.pointerType === 'mouse' && at?.by === 'pointer' && setAt(null)}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Keyboard focus starts at the newest second; a click has already picked one.
        if (!at && e.currentTarget.matches(':focus-visible') && points.length > 0)
          setAt({ timeS: (points[points.length - 1] as { x: number }).x, by: 'keys' });
      }}
      onBlur={() => setAt(null)}
    >
      {readout && (
        <>
          <div className="chart-crosshair" style={{ left: crossX }} />
          {readout.values.map(
            (v) =>
              v.y !== null && (
                <span key={v.key} className={`chart-dot chart-dot-${v.key}`} style={{ left: crossX, top: y(v.y) }} />
              ),
          )}
          <div
            className={`chart-readout ${crossX > innerWidth / 2 ? 'is-left' : 'is-right'}`}
            data-testid="chart-readout"
            aria-hidden="true"
          >
            <strong>{`t = ${readout.timeS.toFixed(1)} s`}</strong>
            {readout.values.map((v) => (
              <span key={v.key}>
                <svg width={18} height={8} focusable="false">
                  <line className={`chart-series chart-series-${v.key}`} x1={1} x2={17} y1={4} y2={4} />
                </svg>
                {v.label} <b>{v.text}</b>
              </span>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
