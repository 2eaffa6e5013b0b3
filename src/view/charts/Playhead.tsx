// The timeline's moment on a chart: a solid vertical line with its time, while the user looks
// back or scrubs. A moment outside the chart's window pins to the nearer edge with an arrow, so
// the reader sees which way the charts will move once the run there is rebuilt.
import type { TimeDomain } from './chartData';

interface PlayheadProps {
  readonly timeS: number;
  readonly domain: TimeDomain;
  readonly x: (timeS: number) => number;
  readonly plotHeight: number;
}

export function Playhead({ timeS, domain, x, plotHeight }: PlayheadProps) {
  const before = timeS < domain.startS;
  const after = timeS > domain.endS;
  const px = x(Math.min(domain.endS, Math.max(domain.startS, timeS)));
  const width = x(domain.endS);
  const time = `${timeS.toFixed(1)} s`;
  const text = before ? `← ${time}` : after ? `${time} →` : time;
  // The label sits on the side with room: right of the line, or left near the right edge.
  const anchor = before || (!after && px < width - 48) ? 'start' : 'end';
  return (
    <g className="chart-playhead" data-testid="chart-playhead" data-time-s={timeS.toFixed(1)} aria-hidden="true">
      <line x1={px} x2={px} y1={0} y2={plotHeight} />
      <text x={anchor === 'start' ? px + 4 : px - 4} y={plotHeight - 4} textAnchor={anchor}>
        {text}
      </text>
    </g>
  );
}
