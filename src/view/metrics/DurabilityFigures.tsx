// Whether data is safe: acknowledged writes lost (an alarm when above zero) and partitions
// with fewer copies than the replication factor asks for.
import { Figure } from './Figure';
import { formatCount } from './format';

interface DurabilityFiguresProps {
  readonly ackedWritesLost: number;
  readonly underReplicated: number;
  readonly copies: number;
}

export function DurabilityFigures({ ackedWritesLost, underReplicated, copies }: DurabilityFiguresProps) {
  const lost = ackedWritesLost > 0;
  return (
    <>
      <Figure
        metric="acked-writes-lost"
        // A soft hyphen: in a narrow tile (an embedded lab) the long word breaks instead of overflowing.
        label={'Acknow\u00ADledged writes lost'}
        value={formatCount(ackedWritesLost)}
        className={lost ? 'metric-tile-alarm' : ''}
      >
        <span className="metric-note">
          {lost && <span aria-hidden="true">⚠ </span>}
          {lost ? 'data loss' : 'none lost'}
        </span>
      </Figure>
      <Figure
        metric="under-replicated"
        label="Under-replicated"
        value={formatCount(underReplicated)}
        className={underReplicated > 0 ? 'metric-tile-warn' : ''}
      >
        <span className="metric-note">{copiesNote(underReplicated, copies)}</span>
      </Figure>
    </>
  );
}

/** "fewer than 3 copies", "all have 3 copies"; with one copy there is nothing fewer but none. */
function copiesNote(underReplicated: number, copies: number): string {
  if (copies === 1) return underReplicated > 0 ? 'partitions with no copy left' : 'every partition has its 1 copy';
  return underReplicated > 0 ? `partitions with fewer than ${copies} copies` : `all partitions have ${copies} copies`;
}
