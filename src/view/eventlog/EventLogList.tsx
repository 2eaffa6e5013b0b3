// The log's rows, newest first: single lines and folded groups. Each event's line has the id
// eventLineId(seq) and takes focus from a script (tabIndex -1), so a chart's mark can lead to it.
import { LINE_KIND_ICONS, LINE_KIND_WORDS } from '../metrics/eventKinds';
import { formatSeconds } from '../metrics/format';
import type { LineGroup, LogRow } from './groupLines';
import type { LogLine } from './logLines';
import { eventLineId } from './showEventLine';

/** Who set a line off, in a word beside it. */
const CAUSE_WORDS: Readonly<Record<LogLine['cause'], string>> = {
  user: 'by you',
  schedule: 'scheduled',
  auto: 'automatic',
  lesson: 'lesson',
};

interface LineProps {
  readonly line: LogLine;
  readonly highlighted: boolean;
  /** Left out inside a group, whose summary already says it. */
  readonly showCause?: boolean;
}

function Line({ line, highlighted, showCause = true }: LineProps) {
  const classes = ['event-log-entry', `event-log-${line.kind}`];
  if (highlighted) classes.push('event-log-highlight');
  return (
    <li
      id={line.seq === null ? undefined : eventLineId(line.seq)}
      tabIndex={line.seq === null ? undefined : -1}
      className={classes.join(' ')}
      data-seq={line.seq ?? undefined}
    >
      <span className="event-log-time">{formatSeconds(line.timeMs)}</span>
      <span className="event-log-icon" aria-hidden="true" title={LINE_KIND_WORDS[line.kind]}>
        {LINE_KIND_ICONS[line.kind]}
      </span>
      <span className="event-log-text">
        <span className="visually-hidden">{LINE_KIND_WORDS[line.kind]}: </span>
        {line.text}
        {showCause && line.cause !== 'lesson' && <span className="event-log-cause"> · {CAUSE_WORDS[line.cause]}</span>}
      </span>
    </li>
  );
}

/** " · 3.0–6.0 s", or nothing when the whole group happened within a tenth of a second. */
function timeRange(group: LineGroup): string {
  const newest = formatSeconds((group.lines[0] as LogLine).timeMs);
  const oldest = formatSeconds((group.lines[group.lines.length - 1] as LogLine).timeMs);
  return newest === oldest ? '' : ` · ${oldest.replace(' s', '')}–${newest}`;
}

interface GroupProps {
  readonly group: LineGroup;
  readonly open: boolean;
  readonly highlightedSeq: number | null;
  readonly onToggle: (key: string) => void;
}

function Group({ group, open, highlightedSeq, onToggle }: GroupProps) {
  const first = group.lines[0] as LogLine;
  const membersId = `event-group-${group.key}`;
  return (
    <li className={`event-log-entry event-log-group event-log-${first.kind}`}>
      <span className="event-log-time">{formatSeconds(first.timeMs)}</span>
      <span className="event-log-icon" aria-hidden="true" title={LINE_KIND_WORDS[first.kind]}>
        {LINE_KIND_ICONS[first.kind]}
      </span>
      <span className="event-log-text">
        <button
          type="button"
          className="event-log-disclosure"
          aria-expanded={open}
          aria-controls={membersId}
          onClick={() => onToggle(group.key)}
        >
          <span className="visually-hidden">{LINE_KIND_WORDS[first.kind]}: </span>
          <span aria-hidden="true" className="event-log-disclosure-icon">
            {open ? '▾' : '▸'}
          </span>
          {group.text}
        </button>
        <span className="event-log-cause">
          {' '}
          · {CAUSE_WORDS[first.cause]}
          {timeRange(group)}
        </span>
      </span>
      <ol className="event-log-members" id={membersId} hidden={!open}>
        {open &&
          group.lines.map((line) => (
            <Line key={line.key} line={line} highlighted={line.seq === highlightedSeq} showCause={false} />
          ))}
      </ol>
    </li>
  );
}

interface ListProps {
  readonly rows: readonly LogRow[];
  readonly expanded: ReadonlySet<string>;
  readonly highlightedSeq: number | null;
  readonly onToggle: (key: string) => void;
}

export function EventLogList({ rows, expanded, highlightedSeq, onToggle }: ListProps) {
  return (
    <ol className="event-log-list">
      {rows.map((row) =>
        'group' in row ? (
          <Group
            key={`g${row.group.key}`}
            group={row.group}
            open={expanded.has(row.group.key)}
            highlightedSeq={highlightedSeq}
            onToggle={onToggle}
          />
        ) : (
          <Line key={row.line.key} line={row.line} highlighted={row.line.seq === highlightedSeq} />
        ),
      )}
    </ol>
  );
}
