// The waterfall as a table: every row with when it began (from the moment the request was sent),
// how long it took and what it says. Read by screen readers; "Show as table" shows it to everyone.
import { formatMs } from '../metrics/format';
import type { WaterfallRow } from './waterfallRows';

interface WaterfallTableProps {
  readonly rows: readonly WaterfallRow[];
  readonly visible: boolean;
  readonly caption: string;
}

export function WaterfallTable({ rows, visible, caption }: WaterfallTableProps) {
  return (
    <div className={visible ? 'waterfall-table' : 'visually-hidden'}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">At</th>
            <th scope="col">Took</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{formatMs(row.startMs)}</td>
              <td>{row.endMs > row.startMs ? formatMs(row.endMs - row.startMs) : 'a moment'}</td>
              <td>{row.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
