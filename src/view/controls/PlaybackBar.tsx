// The header's playback controls: play/pause, step, reset, speed and the simulated clock. Playback
// only moves simulated time through store actions; runLoop.ts owns the clock. Play and Pause share
// one fixed width, so the header never moves when one becomes the other.
import { SPEEDS, STEP_MS, type AppState } from '../../store/appStore';
import { selectActions, selectPlaying, selectSpeed } from '../../store/selectors';
import { useApp } from '../../store/context';
import { SimClock } from './SimClock';
import { SpeedHint } from './SpeedHint';
import './playback.css';

const selectLoading = (s: AppState) => s.frame === null;

export function speedLabel(speed: number): string {
  return `${speed}x`;
}

export function PlaybackBar() {
  const playing = useApp(selectPlaying);
  const speed = useApp(selectSpeed);
  const loading = useApp(selectLoading);
  const actions = useApp(selectActions);
  return (
    <div className="playback-bar" role="group" aria-label="Playback">
      <div className="playback-group">
        <button type="button" className="primary play-button" onClick={actions.togglePlay} aria-keyshortcuts="Space">
          <span aria-hidden="true" className="play-icon">
            {playing ? '❚❚' : '▶'}
          </span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          onClick={actions.step}
          disabled={loading}
          aria-keyshortcuts=". S"
          title={`Pause and advance ${STEP_MS / 1000} simulated second (. or S)`}
        >
          Step
        </button>
        <button
          type="button"
          onClick={actions.reset}
          aria-keyshortcuts="R"
          title="Start the run again with the same scenario and seed (R)"
        >
          Reset
        </button>
      </div>
      <div className="playback-group">
        <label className="inline-label" htmlFor="playback-speed">
          Speed
        </label>
        <select id="playback-speed" value={speed} onChange={(e) => actions.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
        <div className="clock">
          <SimClock />
          <SpeedHint />
        </div>
      </div>
    </div>
  );
}
