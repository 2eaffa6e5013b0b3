// The simulated clock in the header. Its own component: while playing it changes about a dozen
// times a second (see CLOCK_MS), and only this span (contained in playback.css) should re-render
// and re-lay out when it does.
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The clock's text, never wider than its fixed box: tenths of a second up to 999.9 s, then
 * h:mm:ss (a year of compressed hardware time is only minutes of simulated time, but a long run
 * at 1000x passes an hour quickly), then days.
 */
export function clockText(timeMs: number): string {
  const s = timeMs / 1000;
  if (s < 1000) return `t = ${s.toFixed(1)} s`;
  const whole = Math.floor(s);
  if (whole < 100 * 3600) {
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    return `t = ${h > 0 ? `${h}:${pad(m)}` : m}:${pad(whole % 60)}`;
  }
  return `t = ${(s / 86_400).toFixed(1)} d`;
}

/** A string, so the clock re-renders only when its text changes. */
const selectTimeText = (s: AppState) => clockText(s.clockMs);

export function SimClock() {
  const timeText = useApp(selectTimeText);
  return (
    <span className="sim-time" role="timer" data-testid="sim-time" title="Simulated time since the run started">
      <span className="sim-time-text">{timeText}</span>
    </span>
  );
}
