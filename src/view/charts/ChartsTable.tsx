// The charts' numbers as a table for screen readers: the latest seconds, newest first, and the
// newest marks in the shown range. Bounded, so it stays short to read.
import type { WindowMetrics } from '../../sim/index';
import { formatAvailability, formatMs, formatRps, formatSeconds } from '../metrics/format';
import { throughputOf } from './chartData';
import { CAUSE_WORDS, type ChartMark } from './chartMarks';
import { KIND_WORDS } from '../metrics/eventKinds';

export const TABLE_ROWS = 10;

interface ChartsTableProps {
  readonly windows: readonly WindowMetrics[];
  readonly marks: readonly ChartMark[];
}

const latency = (w: WindowMetrics, ms: number) => (w.latencyMs.count > 0 ? formatMs(ms) : 'none finished');

export function ChartsTable({ windows, marks }: ChartsTableProps) {
  const rows = windows.slice(-TABLE_ROWS).reverse();
  return (
    <div className="visually-hidden">
      <table>
        <caption>Metrics for the latest {rows.length} seconds, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Second ending</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
            <th scope="col">p99.9</th>
            <th scope="col">Server work (mean)</th>
            <th scope="col">Offered</th>
            <th scope="col">Served</th>
            <th scope="col">Failed</th>
            <th scope="col">Availability</th>
          </tr>
        </thead>
        <tbody>
          {/* Keyed by row position: while playing fast every row is a new second each redraw, and
              updating ten rows' text is cheaper than replacing them. */}
          {rows.map((w, row) => (
            <tr key={row}>
              <th scope="row">{formatSeconds(w.endMs)}</th>
              <td>{latency(w, w.latencyMs.p50)}</td>
              <td>{latency(w, w.latencyMs.p95)}</td>
              <td>{latency(w, w.latencyMs.p99)}</td>
              <td>{latency(w, w.latencyMs.p999)}</td>
              <td>{w.worked > 0 ? formatMs(w.serverWorkMs) : 'none finished'}</td>
              <td>{formatRps(w.offeredRps)}</td>
              <td>{formatRps(w.servedRps)}</td>
              <td>{formatRps(throughputOf(w, 'errors'))}</td>
              <td>{formatAvailability(w.availability)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {marks.length > 0 && (
        <>
          <p>Faults, recoveries and changes marked on the charts, newest first:</p>
          <ul>
            {marks
              .slice(-TABLE_ROWS)
              .reverse()
              .map((m) => (
                <li key={m.seq}>
                  {formatSeconds(m.timeMs)}: {KIND_WORDS[m.kind]}, {m.text} ({CAUSE_WORDS[m.cause]})
                </li>
              ))}
          </ul>
        </>
      )}
    </div>
  );
}
