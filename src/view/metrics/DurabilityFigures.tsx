// Whether data is safe: acknowledged writes lost (an alarm when above zero) and, in the same tile,
// partitions with fewer copies than the replication factor asks for (a warning when above zero).
import { Figure } from './Figure';
import { formatCount } from './format';

interface DurabilityFiguresProps {
  readonly ackedWritesLost: number;
  readonly underReplicated: number;
  readonly copies: number;
}

export function DurabilityFigures({ ackedWritesLost, underReplicated, copies }: DurabilityFiguresProps) {
  const lost = ackedWritesLost > 0;
  const short = underReplicated > 0;
  return (
    <Figure
      metric="acked-writes-lost"
      // A soft hyphen: in a narrow tile (an embedded lab) the long word breaks instead of overflowing.
      label={'Acknow\u00ADledged writes lost'}
      value={formatCount(ackedWritesLost)}
      className={lost ? 'metric-tile-alarm' : short ? 'metric-tile-warn' : ''}
    >
      {/* "0" says none were lost; the alarm gets its words too. */}
      {lost && (
        <span className="metric-note metric-lost-note">
          <span aria-hidden="true">⚠ </span>data loss
        </span>
      )}
      <span className={`metric-note metric-under-replicated${short ? ' metric-under-replicated-warn' : ''}`}>
        {short && <span aria-hidden="true">⚠ </span>}
        Under-replicated: <span data-metric="under-replicated">{formatCount(underReplicated)}</span>
        {short && ` ${copiesNote(copies)}`}
      </span>
    </Figure>
  );
}

/** What under-replicated means here: "partitions with fewer than 3 copies" (one copy: none left). */
function copiesNote(copies: number): string {
  return copies === 1 ? 'partitions with no copy left' : `partitions with fewer than ${copies} copies`;
}
