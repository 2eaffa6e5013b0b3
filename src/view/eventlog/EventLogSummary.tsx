// Above the lines: how much of the run it holds (the store keeps a bounded list, and says so), how
// many lines the filters let through, and the buttons that export exactly those lines.
import { eventLinesCsv, eventLinesJson } from '../../share/exportEvents';
import { exportFileName } from '../../share/fileNames';
import { useAppStore } from '../../store/context';
import { downloadText } from '../share/download';
import { filterWhat, filterWords, isFiltered, type LogFilter } from './filterLines';
import type { LogLine } from './logLines';

interface Props {
  /** The lines the filters let through, newest first. */
  readonly shown: readonly LogLine[];
  /** Notable events the log keeps, and how many the run has noted in all. */
  readonly kept: number;
  readonly total: number;
  readonly filter: LogFilter;
  readonly timeMs: number;
}

function countWords(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
}

export function EventLogSummary({ shown, kept, total, filter, timeMs }: Props) {
  const store = useAppStore();
  const save = (ext: 'csv' | 'json') => {
    const { scenario, seed } = store.getState();
    const name = exportFileName({ scenarioId: scenario.id, seed, timeMs, what: filterWhat(filter), ext });
    const from = { scenarioId: scenario.id, seed, timeMs, filter: filterWords(filter) };
    if (ext === 'csv') downloadText(name, eventLinesCsv(shown), 'text/csv');
    else downloadText(name, eventLinesJson(shown, from), 'application/json');
  };
  const keptWords = `the newest ${countWords(kept, 'event')} of the ${total.toLocaleString('en-US')} this run has noted`;
  const held = total > kept ? `Showing ${keptWords}.` : `${countWords(kept, 'event')} so far.`;
  const matching = `Showing ${countWords(shown.length, 'line')} (${filterWords(filter)}) of ${total > kept ? keptWords : countWords(kept, 'event')}.`;
  return (
    <div className="event-log-summary">
      <p className="event-log-more" data-testid="event-log-count">
        {isFiltered(filter) ? matching : held}
      </p>
      {shown.length > 0 && (
        <div className="event-log-export">
          <span aria-hidden="true">Export shown:</span>
          <button type="button" onClick={() => save('csv')}>
            <span className="visually-hidden">Export shown (CSV)</span>
            <span aria-hidden="true">CSV</span>
          </button>
          <button type="button" onClick={() => save('json')}>
            <span className="visually-hidden">Export shown (JSON)</span>
            <span aria-hidden="true">JSON</span>
          </button>
        </div>
      )}
    </div>
  );
}
