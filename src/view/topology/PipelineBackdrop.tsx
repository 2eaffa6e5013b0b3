// Behind the pipeline's nodes: a band per part (the log, each consumer group, the search index)
// named with its live figures (a group's lag, the index's staleness), and the arrows of the flow
// from the app servers to the log, the log to each group and the indexer to the index.
import type { TopologyLayout } from './layout';
import type { BandWords } from './pipelineKinds';

function Flows({ layout }: { layout: TopologyLayout }) {
  if (layout.flows.length === 0) return null;
  return (
    <g className="flows">
      <defs>
        <marker id="flow-head" viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto">
          <path className="flow-head" d="M0,0 L10,5 L0,10 Z" />
        </marker>
      </defs>
      {layout.flows.map((arrow) => (
        <g key={arrow.id} className="flow" data-flow={arrow.id}>
          <path className="flow-line" d={arrow.d} markerEnd="url(#flow-head)" />
          {arrow.label && (
            <text className="flow-label" x={arrow.labelX} y={arrow.labelY}>
              {arrow.label}
            </text>
          )}
        </g>
      ))}
    </g>
  );
}

/** A state of the whole band (a group rebalancing) as a tab on its top edge, clear of its name. */
function Flag({ band, word }: { band: TopologyLayout['pipelineBands'][number]; word: string }) {
  const width = word.length * 6.6 + 14;
  const x = band.x + band.width - width - 8;
  return (
    <g className="band-flag">
      <rect x={x} y={band.y - 12} width={width} height={16} rx={8} />
      <text x={x + width / 2} y={band.y} textAnchor="middle">
        {word}
      </text>
    </g>
  );
}

export function PipelineBackdrop({ layout, words }: { layout: TopologyLayout; words: ReadonlyMap<string, BandWords> }) {
  const compact = layout.mode === 'compact';
  return (
    <g className="pipeline-backdrop">
      {layout.pipelineBands.map((band) => {
        const w = words.get(band.id);
        const title = w?.title ?? (band.group ? `${band.group} group` : band.part === 'log' ? 'log' : 'search index');
        return (
          <g key={band.id} className={`rack pipeline-band pipeline-${band.part}`} data-band={band.id}>
            <rect x={band.x} y={band.y} width={band.width} height={band.height} rx={8} />
            <text x={band.x + 10} y={band.y + (compact ? 13 : 18)}>
              {title}
            </text>
            {!compact && w?.note && (
              <text className="band-note" x={band.x + 10} y={band.y + 36}>
                {w.note}
              </text>
            )}
            {!compact && w?.flag && <Flag band={band} word={w.flag} />}
          </g>
        );
      })}
      <Flows layout={layout} />
    </g>
  );
}
