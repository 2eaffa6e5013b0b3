// Says so when the simulation cannot keep up with the chosen speed (a big cluster at 1000x):
// compares simulated time delivered with wall time over the last two seconds. The run loop
// slows down rather than piling up work, so this is information, not an error. It changes at
// most once every UPDATE_MS: a number that changes on every reply is unreadable and costs a
// render and a layout each time.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/context';

const WINDOW_MS = 2000;
const MIN_SPEED = 10;
/** Below this share of the chosen speed the hint shows. */
const BEHIND_SHARE = 0.6;
const UPDATE_MS = 1000;

function roundSpeed(speed: number): number {
  const digits = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(speed, 1))) - 1);
  return Math.round(speed / digits) * digits;
}

export function SpeedHint() {
  const store = useAppStore();
  const [achieved, setAchieved] = useState<number | null>(null);
  useEffect(() => {
    const samples: { wallMs: number; simMs: number }[] = [];
    let shownAtMs = Number.NEGATIVE_INFINITY;
    return store.subscribe((s, before) => {
      if (!s.playing || !s.frame || s.speed < MIN_SPEED || s.runId !== before.runId || s.speed !== before.speed) {
        samples.length = 0;
        shownAtMs = Number.NEGATIVE_INFINITY;
        return setAchieved(null);
      }
      if (s.frame === before.frame) return;
      const wallMs = performance.now();
      samples.push({ wallMs, simMs: s.frame.timeMs });
      while (samples.length > 2 && wallMs - (samples[0]?.wallMs ?? wallMs) > WINDOW_MS) samples.shift();
      const first = samples[0];
      if (!first || wallMs - first.wallMs < WINDOW_MS / 2 || wallMs - shownAtMs < UPDATE_MS) return;
      shownAtMs = wallMs;
      const speed = (s.frame.timeMs - first.simMs) / (wallMs - first.wallMs);
      setAchieved(speed < s.speed * BEHIND_SHARE ? roundSpeed(speed) : null);
    });
  }, [store]);
  if (achieved === null) return null;
  return (
    <span className="speed-hint" role="status">
      <span className="speed-hint-text">running behind (≈{achieved.toLocaleString('en-US')}x)</span>
    </span>
  );
}
