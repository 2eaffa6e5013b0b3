// The event log's shown lines as files that stand alone: CSV with units in the column names and
// JSON that says which run and which filters it comes from. Oldest first, like a spreadsheet
// reads; times at the run's resolution (exportedSeconds), text cells defused (safeCell).
import { exportedSeconds, safeCell } from './exportCsv';

/** One log line as exported (the event log's LogLine fits). */
export interface ExportedLine {
  readonly timeMs: number;
  /** fault, recovery, change, nothing, lesson */
  readonly kind: string;
  /** user, schedule, auto, lesson */
  readonly cause: string;
  readonly nodes: readonly string[];
  /** The line in plain words, as the log shows it. */
  readonly text: string;
  readonly type: string;
  readonly detail: string;
  /** The event's sequence number in its run; null for a lesson step. */
  readonly seq: number | null;
}

/** Where the lines come from, for the JSON's header. */
export interface ExportedFrom {
  readonly scenarioId: string;
  readonly seed: number;
  /** The simulated time the log was shown at. */
  readonly timeMs: number;
  /** The filters in words: "faults, about db-3" or "all events". */
  readonly filter: string;
}

export const EVENT_COLUMNS = ['time_s', 'kind', 'cause', 'node', 'text', 'type', 'detail', 'seq'] as const;

function oldestFirst(lines: readonly ExportedLine[]): ExportedLine[] {
  return [...lines].sort((a, b) => a.timeMs - b.timeMs || (a.seq ?? 0) - (b.seq ?? 0));
}

function record(line: ExportedLine) {
  return {
    time_s: exportedSeconds(line.timeMs),
    kind: line.kind,
    cause: line.cause,
    node: line.nodes.join(' '),
    text: line.text,
    type: line.type,
    detail: line.detail,
    seq: line.seq,
  };
}

export function eventLinesCsv(lines: readonly ExportedLine[]): string {
  const rows = oldestFirst(lines).map((line) => {
    const r = record(line);
    const text = [r.kind, r.cause, r.node, r.text, r.type, r.detail].map(safeCell);
    return [String(r.time_s), ...text, r.seq === null ? '' : String(r.seq)].join(',');
  });
  return [EVENT_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export function eventLinesJson(lines: readonly ExportedLine[], from: ExportedFrom): string {
  const header = {
    scenario: from.scenarioId,
    seed: from.seed,
    shown_at_s: exportedSeconds(from.timeMs),
    filter: from.filter,
    count: lines.length,
  };
  return JSON.stringify({ ...header, events: oldestFirst(lines).map(record) }, null, 2) + '\n';
}
