// The run's timeline under the charts: the user's commands and the scenario's scheduled faults
// marked along it; drag (or use the arrow keys) to see the cluster and figures as they were at an
// earlier moment, rebuilt by deterministic replay. From there, Play or any action forks the run.
import { useEffect, useRef, useState } from 'react';
import type { AppState } from '../../store/appState';
import { useApp, useAppStore } from '../../store/context';
import './timeline.css';

const selectPast = (s: AppState) => s.past;
const selectLog = (s: AppState) => s.commandLog;
const selectSchedule = (s: AppState) => s.scenario.schedule;
/**
 * Tenths of a second, as the clock shows; from the costly views' slice, so while playing the
 * slider moves with the other redraws rather than relaying the page out on every reply.
 */
const selectNowTenths = (s: AppState) => Math.round((s.shown.frame?.timeMs ?? s.frame?.timeMs ?? 0) / 100);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function Timeline() {
  const store = useAppStore();
  const past = useApp(selectPast);
  const log = useApp(selectLog);
  const schedule = useApp(selectSchedule);
  const nowMs = useApp(selectNowTenths) * 100;
  const endMs = Math.max(past?.endMs ?? nowMs, nowMs);
  const commands = past?.commands ?? log;
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
  const seekTo = (ms: number) => {
    setDragMs(ms);
    if (store.getState().pending) queued.current = ms;
    else store.getState().actions.seek(ms);
  };

  const shownMs = dragMs ?? nowMs;
  const at = (ms: number) => `${endMs > 0 ? (ms / endMs) * 100 : 0}%`;
  return (
    <div className="timeline">
      <div className="timeline-track">
        <label htmlFor="timeline-slider" className="timeline-label">
          Timeline
        </label>
        <div className="timeline-rail">
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
          <div className="timeline-marks" aria-hidden="true">
            {commands.map((c, i) => (
              <span
                key={`c${i}`}
                className="timeline-mark is-command"
                style={{ left: at(c.atMs) }}
                title={`${seconds(c.atMs)}: ${c.command.type}`}
              />
            ))}
            {schedule
              .filter((c) => c.atMs <= endMs)
              .map((c, i) => (
                <span
                  key={`s${i}`}
                  className="timeline-mark is-scheduled"
                  style={{ left: at(c.atMs) }}
                  title={`${seconds(c.atMs)}: scheduled`}
                />
              ))}
          </div>
        </div>
      </div>
      {past && (
        <p className="timeline-past" role="status">
          Looking back at t = {seconds(nowMs)} of {seconds(past.endMs)}. Play or any action continues from here as a new
          branch.{' '}
          <button type="button" onClick={() => store.getState().actions.seek(past.endMs)}>
            Back to the latest
          </button>
        </p>
      )}
    </div>
  );
}
