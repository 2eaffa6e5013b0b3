// The one place that maps wall-clock time to simulated time: each animation frame, while
// playing, the target moves on by (wall time elapsed x speed) and the worker is asked to catch
// up. At most one request is in flight, and the target never runs more than MAX_LAG_MS of wall
// time ahead of what the worker has delivered, so a slow machine plays slower instead of piling up.
import type { AppStore } from './appStore';
import { EVENTS_PER_REQUEST } from '../worker/labProtocol';

export const MAX_LAG_MS = 250;

export interface FrameClock {
  now(): number;
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
}

export const browserClock: FrameClock = {
  now: () => performance.now(),
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export function startRunLoop(store: AppStore, clock: FrameClock = browserClock): () => void {
  let last = clock.now();
  let target = 0;
  let handle = 0;
  const tick = (nowMs: number) => {
    const wallMs = Math.min(Math.max(0, nowMs - last), MAX_LAG_MS);
    last = nowMs;
    const s = store.getState();
    if (s.frame) {
      const delivered = s.frame.timeMs;
      if (!s.playing || target < delivered) target = delivered;
      if (s.playing) {
        target = Math.min(target + wallMs * s.speed, delivered + MAX_LAG_MS * s.speed);
        if (target > delivered) s.actions.want(target, EVENTS_PER_REQUEST);
      }
    }
    handle = clock.request(tick);
  };
  handle = clock.request(tick);
  return () => clock.cancel(handle);
}
