// One cell of the pipeline's row (PipelineTiles.tsx): its label is the toggle for the figures
// that did not make the line; bad news gets ⚠ and words on the line, and a border.
import type { ReactNode } from 'react';

export interface Part {
  readonly id: 'log' | 'consumers' | 'index';
  /** Short, so three fit side by side at 1280×720; the title says it whole. */
  readonly label: string;
  readonly title: string;
  /** Names the part over its figures when opened ("Log", "Consumers", "Search index"). */
  readonly heading: string;
  readonly line: ReactNode;
  readonly more: ReactNode;
  /** Bad news on the line (said there in words too). */
  readonly warn: boolean;
}

export function Warning({ metric, text }: { readonly metric: string; readonly text: string }) {
  return (
    <span className="metric-pipeline-warning">
      <span aria-hidden="true">⚠ </span>
      <span data-metric={metric}>{text}</span>
    </span>
  );
}

export function Cell(props: {
  readonly part: Part;
  readonly open: boolean;
  readonly moreId: string;
  readonly onToggle: () => void;
}) {
  const { part, open } = props;
  return (
    <div className={`metric-pipeline-cell metric-tile-${part.id}${part.warn ? ' metric-pipeline-cell-warn' : ''}`}>
      <button
        type="button"
        className="metric-tier-toggle metric-label"
        aria-expanded={open}
        aria-controls={props.moreId}
        title={`${part.title} (${open ? 'fewer figures' : 'more figures'})`}
        onClick={props.onToggle}
      >
        <span className="metric-tier-marker" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {part.label}
      </button>
      <span className="metric-pipeline-line">{part.line}</span>
    </div>
  );
}
