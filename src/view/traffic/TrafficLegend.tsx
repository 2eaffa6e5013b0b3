// What the moving marks mean: each shape and colour in words, what one dot stands for, and that
// the motion is slowed down (the order and outcome of each request's hops are exact, the pace is not).
import { dotMeaning, STREAM_SPEED } from './sampling';
import { useTrafficMode } from './useTrafficMode';

type Key = readonly [label: string, shape: string, variable: string];

const KEYS: readonly Key[] = [
  ['request', 'circle', '--state-info'],
  ['retry', 'diamond', '--state-degraded'],
  ['storage', 'small', '--state-neutral'],
  ['served', 'circle', '--state-up'],
  ['error', 'triangle', '--state-down'],
  ['rejected (queue full)', 'square', '--state-overloaded'],
  ['unavailable', 'hollow', '--state-down'],
  ['lost', 'cross', '--state-down'],
  ['timed out', 'ring', '--state-degraded'],
];

function KeyShape({ shape, variable }: { shape: string; variable: string }) {
  const colour = `var(${variable})`;
  const common = { fill: colour, stroke: 'var(--panel)', strokeWidth: 1.5 };
  return (
    <svg className="traffic-key" width={16} height={16} viewBox="-8 -8 16 16" aria-hidden="true">
      {shape === 'circle' && <circle r={5} {...common} />}
      {shape === 'small' && <circle r={3.5} {...common} />}
      {shape === 'diamond' && <path d="M0,-6 L6,0 L0,6 L-6,0 Z" {...common} />}
      {shape === 'triangle' && <path d="M0,-6 L5.5,4.5 L-5.5,4.5 Z" {...common} />}
      {shape === 'square' && <rect x={-5} y={-5} width={10} height={10} {...common} />}
      {shape === 'hollow' && (
        <rect x={-4.5} y={-4.5} width={9} height={9} fill="none" stroke={colour} strokeWidth={2.2} />
      )}
      {shape === 'ring' && <circle r={5} fill="none" stroke={colour} strokeWidth={2.2} />}
      {shape === 'cross' && (
        <path d="M-5,-5 L5,5 M5,-5 L-5,5" stroke={colour} strokeWidth={2.6} strokeLinecap="round" />
      )}
    </svg>
  );
}

export function TrafficLegend() {
  const { mode, everyN } = useTrafficMode();
  if (mode !== 'dots')
    return (
      <p className="traffic-legend" data-testid="traffic-legend">
        {mode === 'streams'
          ? `At ${STREAM_SPEED}× and faster requests are too many to follow one by one: each link carries a stream whose width is its rate.`
          : 'Motion is off: link widths and the rates written beside them show the traffic.'}
      </p>
    );
  return (
    <div className="traffic-legend" data-testid="traffic-legend">
      <ul className="traffic-keys" aria-label="Moving requests">
        {KEYS.map(([label, shape, variable]) => (
          <li key={label}>
            <KeyShape shape={shape} variable={variable} />
            {label}
          </li>
        ))}
      </ul>
      <p className="traffic-scale">{dotMeaning(everyN)}; slowed down so the eye can follow.</p>
    </div>
  );
}
