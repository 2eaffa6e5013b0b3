// The run's timeline under the charts: the faults and recoveries the run noted (the charts' own
// marks) and a band for the charts' window along it; drag (or use the arrow keys) to see the
// cluster and figures as they were at an earlier moment, rebuilt by deterministic replay. While
// dragging, every chart shows a playhead at the thumb. From there, Play or any action forks the run.
import { useEffect, useRef, useState } from 'react';
import type { AppState } from '../../store/appState';
import { EVENT_HISTORY } from '../../store/appState';
import { useApp, useAppStore } from '../../store/context';
import { describeForkAhead } from '../../store/fork';
import { selectShownEvents } from '../../store/selectors';
import { marksFromEvents } from '../charts/chartMarks';
import { pickSpan, useChartView } from '../charts/chartView';
import { useWidth } from '../charts/useWidth';
import { TimelineMarks, type AheadMark } from './TimelineMarks';
import './timeline.css';

const selectPast = (s: AppState) => s.past;
const selectForkAhead = (s: AppState) => describeForkAhead(s);
const selectLog = (s: AppState) => s.commandLog;
const selectSchedule = (s: AppState) => s.scenario.schedule;
/**
 * Tenths of a second, as the clock shows; from the costly views' slice, so while playing the
 * slider moves with the other redraws rather than relaying the page out on every reply.
 */
const selectNowTenths = (s: AppState) => Math.round((s.shown.frame?.timeMs ?? s.frame?.timeMs ?? 0) / 100);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Commands known only from the record: ahead of the moment shown while looking back, and (when
 * the bounded event list has dropped the oldest events) before the oldest event kept.
 */
function aheadOf(state: {
  log: AppState['commandLog'];
  schedule: AppState['scenario']['schedule'];
  shownMs: number;
  endMs: number;
  oldestEventMs: number;
}): AheadMark[] {
  const { log, schedule, shownMs, endMs, oldestEventMs } = state;
  const known = (atMs: number) => atMs > shownMs || atMs < oldestEventMs;
  return [
    ...log.filter((c) => known(c.atMs)).map((c) => ({ atMs: c.atMs, type: c.command.type })),
    ...schedule
      .filter((c) => c.atMs > shownMs && c.atMs <= endMs)
      .map((c) => ({ atMs: c.atMs, type: String(c.command.type) })),
  ];
}

export function Timeline() {
  const store = useAppStore();
  const past = useApp(selectPast);
  const forkAhead = useApp(selectForkAhead);
  const log = useApp(selectLog);
  const schedule = useApp(selectSchedule);
  const events = useApp(selectShownEvents);
  const nowMs = useApp(selectNowTenths) * 100;
  const [spanS, view] = useChartView(pickSpan);
  const [railRef, railWidth] = useWidth<HTMLDivElement>();
  const endMs = Math.max(past?.endMs ?? nowMs, nowMs);
  const marks = marksFromEvents(events);
  // While dragging, only the latest position matters: one rebuild at a time, then the newest.
  const [dragMs, setDragMs] = useState<number | null>(null);
  const queued = useRef<number | null>(null);
  useEffect(
    () =>
      store.subscribe((s, before) => {
        if (s.pending || !before.pending) return;
        const next = queued.current;
        queued.current = null;
        if (next !== null) s.actions.seek(next);
        else setDragMs(null);
      }),
    [store],
  );
  // The charts' playhead follows the thumb until the run there is rebuilt.
  useEffect(() => view.setState({ scrubMs: dragMs }), [view, dragMs]);
  useEffect(() => () => view.setState({ scrubMs: null }), [view]);
  const seekTo = (ms: number) => {
    setDragMs(ms);
    if (store.getState().pending) queued.current = ms;
    else store.getState().actions.seek(ms);
  };

  const shownMs = dragMs ?? nowMs;
  const oldestEventMs = events.length >= EVENT_HISTORY ? (events[events.length - 1]?.timeMs ?? 0) : 0;
  const ahead = aheadOf({ log: past?.commands ?? log, schedule, shownMs: nowMs, endMs, oldestEventMs });
  const band: [number, number] = [Math.max(0, shownMs - spanS * 1000), shownMs];
  return (
    <div className="timeline">
      <div className="timeline-track">
        <label htmlFor="timeline-slider" className="timeline-label">
          Timeline
        </label>
        <div className="timeline-rail" ref={railRef}>
          <input
            id="timeline-slider"
            type="range"
            min={0}
            max={endMs}
            step={100}
            value={shownMs}
            disabled={endMs === 0}
            aria-valuetext={`t = ${seconds(shownMs)} of ${seconds(endMs)}`}
            onChange={(e) => seekTo(Number(e.target.value))}
          />
          <TimelineMarks
            marks={marks.filter((m) => m.timeMs <= nowMs)}
            ahead={ahead}
            endMs={endMs}
            widthPx={Math.max(0, railWidth - 16)}
            band={band}
          />
        </div>
      </div>
      {past && (
        <p className="timeline-past" role="status">
          Looking back at t = {seconds(nowMs)} of {seconds(past.endMs)}. {forkAhead}{' '}
          <button type="button" onClick={() => store.getState().actions.seek(past.endMs)}>
            Back to the latest
          </button>
        </p>
      )}
    </div>
  );
}
