// The log's filters: a chip per kind with its count, a node picker and a search box. Every
// control has a name and works by keyboard; the chips say which is on with aria-pressed, not
// colour alone (the pressed chip is also filled and bold).
import { useId } from 'react';
import { isFiltered, KIND_FILTERS, NO_FILTER, type KindFilter, type LogFilter } from './filterLines';

interface Props {
  readonly filter: LogFilter;
  readonly counts: Readonly<Record<KindFilter, number>>;
  /** Nodes and targets the lines mention. */
  readonly subjects: readonly string[];
  /** A lesson is running: its steps get a chip. */
  readonly inLesson: boolean;
  readonly onChange: (filter: LogFilter) => void;
}

export function EventLogFilters({ filter, counts, subjects, inLesson, onChange }: Props) {
  const nodeId = useId();
  const searchId = useId();
  // The picked node stays offered even when newer lines no longer mention it.
  const options = filter.node !== '' && !subjects.includes(filter.node) ? [filter.node, ...subjects] : subjects;
  return (
    <div className="event-log-filters">
      <div className="event-log-chips" role="group" aria-label="Show events of kind">
        {KIND_FILTERS.filter(({ id }) => id !== 'lesson' || inLesson || filter.kind === id).map(({ id, label }) => (
          <button
            key={id}
            type="button"
            className="event-log-chip"
            aria-pressed={filter.kind === id}
            onClick={() => onChange({ ...filter, kind: id })}
          >
            {label} <span className="event-log-chip-count">{counts[id]}</span>
          </button>
        ))}
      </div>
      <div className="event-log-fields">
        <label htmlFor={nodeId}>Node</label>
        <select id={nodeId} value={filter.node} onChange={(e) => onChange({ ...filter, node: e.target.value })}>
          <option value="">All nodes</option>
          {options.map((node) => (
            <option key={node} value={node}>
              {node}
            </option>
          ))}
        </select>
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          value={filter.search}
          placeholder="e.g. disk"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ ...filter, search: e.target.value })}
        />
        {isFiltered(filter) && (
          <button type="button" className="event-log-clear" onClick={() => onChange(NO_FILTER)}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
