// Notable events in plain words, newest first: "12.4 s  db-3 — disk 0 failed (…)". Shows the
// newest EVENT_LOG_ROWS of the store's bounded list in a scrollable log.
import type { NotableEvent } from '../../sim/index';
import { useApp } from '../../store/context';
import { selectShownEvents } from '../../store/selectors';
import { KIND_ICONS, KIND_WORDS, kindOf } from './eventKinds';
import { formatSeconds } from './format';
import './metrics.css';

export const EVENT_LOG_ROWS = 50;

/** Keys from content plus a count of earlier twins, so equal events at one instant stay distinct. */
function keysOf(events: readonly NotableEvent[]): string[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const base = `${e.timeMs}|${e.type}|${e.target}|${e.detail}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

export function EventLog() {
  const events = useApp(selectShownEvents);
  const shown = events.slice(0, EVENT_LOG_ROWS);
  const keys = keysOf(shown);
  return (
    <div className="event-log">
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
        <ol className="event-log-list">
          {shown.map((e, i) => {
            const kind = kindOf(e.type);
            return (
              <li key={keys[i]} className={`event-log-entry event-log-${kind}`}>
                <span className="event-log-time">{formatSeconds(e.timeMs)}</span>
                <span className="event-log-icon" aria-hidden="true" title={KIND_WORDS[kind]}>
                  {KIND_ICONS[kind]}
                </span>
                <span className="event-log-text">
                  <span className="visually-hidden">{KIND_WORDS[kind]}: </span>
                  <strong>{e.target}</strong> — {e.detail}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
      {shown.length === 0 && (
        <p className="event-log-empty">Nothing notable yet. Faults, recoveries and changes appear here.</p>
      )}
      {events.length > shown.length && (
        <p className="event-log-more">
          Showing the newest {shown.length} of {events.length} kept.
        </p>
      )}
    </div>
  );
}
