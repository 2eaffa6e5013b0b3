// The Trace tab: the request "Trace a request" is looking for, then the one found with why it
// ended so and its waterfall (or the news that none matched in a minute of simulated time).
import { useMemo, useState } from 'react';
import type { AppState } from '../../store/appStore';
import { useApp, useAppStore } from '../../store/context';
import { selectTopology } from '../../store/selectors';
import { useWidth } from '../charts/useWidth';
import { Waterfall } from './Waterfall';
import { WaterfallKey } from './WaterfallKey';
import { WaterfallTable } from './WaterfallTable';
import { waterfallRows, type Story } from './waterfallRows';
import { noneFoundWords, storyHeading, wishWords } from './traceWords';
import './trace.css';

const selectTrace = (s: AppState) => s.trace;

export function TraceView() {
  const trace = useApp(selectTrace);
  const actions = useAppStore().getState().actions;
  if (!trace)
    return (
      <p className="trace-hint">
        No request traced yet. Choose <strong>Trace a request</strong> above the picture to follow one from the clients
        to storage and back: the next, a slow or a failed one.
      </p>
    );
  if (trace.status === 'searching') {
    const what = wishWords(trace.wish);
    return (
      <div className="trace-view">
        <p className="trace-searching">
          Looking for {what}… (press Play or Step: requests are found as simulated time passes)
        </p>
        <div className="trace-buttons">
          <button type="button" onClick={() => actions.traceRequest(null)}>
            Stop
          </button>
        </div>
      </div>
    );
  }
  const { wish, story } = trace.trace;
  const again = () => actions.traceRequest(wish);
  const close = () => actions.traceRequest(null);
  if (!story)
    return (
      <div className="trace-view">
        <p>{noneFoundWords(wish)}</p>
        <div className="trace-buttons">
          <button type="button" onClick={again}>
            Try again
          </button>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    );
  return <FoundTrace story={story} onAgain={again} onClose={close} />;
}

interface FoundTraceProps {
  readonly story: Story;
  onAgain(): void;
  onClose(): void;
}

function FoundTrace({ story, onAgain, onClose }: FoundTraceProps) {
  const topology = useApp(selectTopology);
  const names = useMemo(() => topology?.nodes.map((n) => n.id) ?? [], [topology]);
  const rows = useMemo(() => waterfallRows(story, names), [story, names]);
  const [ref, width] = useWidth<HTMLDivElement>();
  const [asTable, setAsTable] = useState(false);
  const heading = storyHeading(story);
  // A write's slowest replica may answer after the reply has left: the axis reaches its answer too.
  const spanMs = rows.reduce((most, row) => Math.max(most, row.endMs), story.endMs - story.startMs);
  return (
    <div className="trace-view">
      <h3 className="trace-heading" data-outcome={story.ok ? 'served' : 'failed'}>
        <span aria-hidden="true" className="trace-outcome">
          {story.ok ? '✓ ' : '✕ '}
        </span>
        {heading}
      </h3>
      <p className="trace-why">{story.why}</p>
      <div className="trace-buttons">
        <button type="button" onClick={onAgain}>
          Trace another
        </button>
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          Show as table
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="trace-waterfall" ref={ref} hidden={asTable}>
        {width > 0 && (
          <Waterfall
            rows={rows}
            width={width}
            totalMs={spanMs}
            label={`Waterfall of request #${story.request}: ${rows.length} rows, from the moment it was sent; the table lists each.`}
          />
        )}
        <WaterfallKey />
      </div>
      <WaterfallTable rows={rows} visible={asTable} caption={`${heading}: every step, from the moment it was sent`} />
    </div>
  );
}
