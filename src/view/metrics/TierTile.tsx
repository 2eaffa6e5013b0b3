// A tier's slim tile (TierFigures.tsx): one line of figures, each a value with a word before or
// after it, and a label that opens the figures that did not make the line.
import { useId, useState, type ReactNode } from 'react';
import { ValueText } from './Figure';

/** One figure on the tile's line: its value (exact text, for tests and parsing) with a word before or after it. */
export function Item(props: {
  readonly metric: string;
  readonly text: string;
  readonly before?: string;
  readonly after?: string;
}) {
  const { metric, text, before, after } = props;
  return (
    <span className="metric-tier-item">
      {before && <span className="metric-tier-word">{before} </span>}
      <ValueText metric={metric} text={text} />
      {after && <span className="metric-tier-word"> {after}</span>}
    </span>
  );
}

/**
 * A slim tile whose label is its toggle: the figures that did not make the line are a press away
 * (the Charts tab has their history). Kept in the page when folded, so their text is there for
 * tests and for a search in the page.
 */
export function TierTile(props: {
  readonly tier: string;
  readonly label: string;
  readonly line: ReactNode;
  readonly more: ReactNode;
  /** 'metric-tile-warn' when a figure on it is bad news (the figures say which, in words too). */
  readonly className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={`metric-tile metric-tile-tier metric-tile-${props.tier} ${props.className ?? ''}`}>
      <dt className="metric-label">
        <button
          type="button"
          className="metric-tier-toggle"
          aria-expanded={open}
          aria-controls={id}
          title={open ? 'Fewer figures' : 'More figures'}
          onClick={() => setOpen(!open)}
        >
          <span className="metric-tier-marker" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {props.label}
        </button>
      </dt>
      <dd className="metric-body">
        <span className="metric-tier-row">{props.line}</span>
        <span className="metric-note metric-tier-more" id={id} hidden={!open}>
          {props.more}
        </span>
      </dd>
    </div>
  );
}
