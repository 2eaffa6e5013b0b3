// The run's notable events in plain words, newest first ("12.4 s  ✗ db-3 crashed · by you"),
// with a running lesson's steps among them. Filters by kind, node and words; bursts of like
// lines fold into one ("db-3: 12 lost copies rebuilt"); the shown lines export as CSV or JSON.
import { useCallback, useMemo, useState } from 'react';
import { useApp } from '../../store/context';
import { selectShownEvents, selectShownFrame } from '../../store/selectors';
import { EventLogFilters } from '../eventlog/EventLogFilters';
import { EventLogSummary } from '../eventlog/EventLogSummary';
import { EventLogList } from '../eventlog/EventLogList';
import { filterLines, filterWords, kindCounts, NO_FILTER, type LogFilter } from '../eventlog/filterLines';
import { groupLines } from '../eventlog/groupLines';
import { mergeLines, subjectsOf } from '../eventlog/logLines';
import { useLessonMoments } from '../eventlog/useLessonMoments';
import { useRevealLine } from '../eventlog/useRevealLine';
import './metrics.css';
import '../eventlog/eventlog.css';

export function EventLog() {
  const events = useApp(selectShownEvents);
  const frame = useApp(selectShownFrame);
  const nowMs = frame?.timeMs ?? 0;
  const moments = useLessonMoments(nowMs);
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const lines = useMemo(() => mergeLines(events, moments), [events, moments]);
  const shown = useMemo(() => filterLines(lines, filter), [lines, filter]);
  const rows = useMemo(() => groupLines(shown), [shown]);
  const counts = useMemo(() => kindCounts(lines, filter), [lines, filter]);
  const subjects = useMemo(() => subjectsOf(lines), [lines]);

  const expand = useCallback((key: string) => setExpanded((open) => new Set(open).add(key)), []);
  const toggle = useCallback(
    (key: string) =>
      setExpanded((open) => {
        const next = new Set(open);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const reveal = useRevealLine({ lines, filter, setFilter, expand });

  return (
    <div className="event-log">
      <EventLogFilters
        filter={filter}
        counts={counts}
        subjects={subjects}
        inLesson={moments.length > 0}
        onChange={setFilter}
      />
      <EventLogSummary
        shown={shown}
        kept={events.length}
        total={Math.max(frame?.eventsTotal ?? 0, events.length)}
        filter={filter}
        timeMs={nowMs}
      />
      {reveal.missing !== null && (
        <p className="event-log-note" role="status">
          That event (number {reveal.missing}) is older than the events the log keeps.{' '}
          <button type="button" onClick={reveal.dismissMissing}>
            OK
          </button>
        </p>
      )}
      {/* Not live: faults and recoveries are already announced by the lab's status region. */}
      <div
        className="event-log-scroll"
        role="log"
        aria-live="off"
        aria-label="Notable events, newest first"
        data-testid="event-log"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- it scrolls: keyboard users must reach older entries
        tabIndex={0}
      >
        <EventLogList rows={rows} expanded={expanded} highlightedSeq={reveal.highlighted} onToggle={toggle} />
        {lines.length === 0 && (
          <p className="event-log-empty">Nothing notable yet. Faults, recoveries and changes appear here.</p>
        )}
        {lines.length > 0 && shown.length === 0 && (
          <p className="event-log-empty">
            No events match {filterWords(filter)}.{' '}
            <button type="button" onClick={() => setFilter(NO_FILTER)}>
              Clear filters
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
