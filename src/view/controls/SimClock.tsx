// The simulated clock in the header. Its own component: it changes on almost every worker reply,
// and only this span (contained in playback.css) should re-render and re-lay out when it does.
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';

/** The clock as shown, e.g. "t = 12.0 s": a string, so it re-renders only when the text changes. */
const selectTimeText = (s: AppState) => `t = ${((s.frame?.timeMs ?? 0) / 1000).toFixed(1)} s`;

export function SimClock() {
  const timeText = useApp(selectTimeText);
  return (
    <span className="sim-time" role="timer" data-testid="sim-time" title="Simulated time since the run started">
      <span className="sim-time-text">{timeText}</span>
    </span>
  );
}
