// One headline figure: a label and a value. The value element carries `data-metric` and its
// text is exactly the formatted value ("12.3 ms"), so tests can parseFloat it; the unit is
// drawn smaller than the number.
import type { ReactNode } from 'react';

interface FigureProps {
  readonly metric: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly className?: string;
  readonly children?: ReactNode;
}

/** Splits "612 req/s" into the number and " req/s"; "99.95%" stays whole. */
export function splitUnit(text: string): [string, string] {
  const space = text.indexOf(' ');
  return space < 0 ? [text, ''] : [text.slice(0, space), text.slice(space)];
}

/** The value text with its unit drawn smaller; textContent stays exactly `text`. */
export function ValueText({ metric, text }: { readonly metric: string; readonly text: string }) {
  const [number, unit] = splitUnit(text);
  return (
    <span className="metric-value" data-metric={metric}>
      {number}
      {unit && <span className="metric-unit">{unit}</span>}
    </span>
  );
}

export function Figure({ metric, label, value, className, children }: FigureProps) {
  return (
    <div className={`metric-tile metric-tile-${metric} ${className ?? ''}`}>
      <dt className="metric-label">{label}</dt>
      <dd className="metric-body">
        <ValueText metric={metric} text={value} />
        {children}
      </dd>
    </div>
  );
}
