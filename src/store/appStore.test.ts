// The store without React: an in-process simulation, driven the way the run loop and the UI do.
import { describe, expect, it, vi } from 'vitest';
import { createInProcessPort } from '../worker/ports';
import { CLOCK_MS } from './appState';
import { createAppStore, STEP_MS } from './appStore';
import { startRunLoop, type FrameClock } from './runLoop';

async function ready() {
  const store = createAppStore(createInProcessPort());
  await Promise.resolve();
  await Promise.resolve();
  return store;
}

describe('app store', () => {
  it('loads the default scenario and steps simulated time', async () => {
    const store = await ready();
    expect(store.getState().topology?.nodes.length).toBe(12);
    store.getState().actions.step();
    expect(store.getState().frame?.timeMs).toBe(STEP_MS);
    expect(store.getState().windows.length).toBe(1);
  });

  it('applies a command, marks it and announces the fault', async () => {
    const store = await ready();
    store.getState().actions.step();
    store.getState().actions.apply({ type: 'crashNode', nodeId: 'app-2' }, 'Crash node app-2');
    const s = store.getState();
    expect(s.marks).toEqual([{ timeMs: STEP_MS, label: 'Crash node app-2' }]);
    expect(s.frame?.nodeStatus[3]).toBe(1);
    expect(s.announcement).toContain('app-2');
    expect(s.events[0]?.type).toBe('nodeCrashed');
  });

  it('reports a rejected command without changing the run', async () => {
    const store = await ready();
    const before = store.getState().frame?.logHash;
    store.getState().actions.apply({ type: 'crashNode', nodeId: 'app-99' }, 'Crash node app-99');
    expect(store.getState().commandError).toContain('app-99');
    expect(store.getState().frame?.logHash).toBe(before);
  });

  it('reset with the same seed reproduces the run', async () => {
    const store = await ready();
    for (let i = 0; i < 3; i++) store.getState().actions.step();
    const hash = store.getState().frame?.logHash;
    store.getState().actions.reset();
    await Promise.resolve();
    for (let i = 0; i < 3; i++) store.getState().actions.step();
    expect(store.getState().frame?.logHash).toBe(hash);
  });

  it('playback held at a stop time reaches it even when each advance stops short (a small event budget)', async () => {
    const store = await ready();
    store.getState().actions.setStopAt(3000);
    store.getState().actions.play();
    for (let i = 0; i < 100 && store.getState().playing; i++) {
      store.getState().actions.want(3000, 1500); // about a third of a simulated second per advance
      await Promise.resolve();
      await Promise.resolve();
    }
    expect(store.getState().frame?.timeMs).toBe(3000);
    expect(store.getState().playing).toBe(false);
  });

  it('the run loop turns wall time times speed into simulated time', async () => {
    const store = await ready();
    let now = 0;
    const pending: ((t: number) => void)[] = [];
    const clock: FrameClock = { now: () => now, request: (cb) => pending.push(cb), cancel: () => {} };
    const stop = startRunLoop(store, clock);
    store.getState().actions.setSpeed(10);
    store.getState().actions.play();
    for (let i = 0; i < 30; i++) {
      now += 16;
      pending.shift()?.(now);
    }
    stop();
    const t = store.getState().frame?.timeMs ?? 0;
    expect(t).toBeGreaterThan(4000);
    expect(t).toBeLessThanOrEqual(30 * 16 * 10);
  });

  it('while playing, the clock changes at most every CLOCK_MS of wall time; paused, it shows the frame', async () => {
    let now = 0;
    const wall = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const store = await ready();
      store.getState().actions.step();
      expect(store.getState().clockMs).toBe(STEP_MS);
      const pending: ((t: number) => void)[] = [];
      const clock: FrameClock = { now: () => now, request: (cb) => pending.push(cb), cancel: () => {} };
      const stop = startRunLoop(store, clock);
      store.getState().actions.setSpeed(50);
      store.getState().actions.play();
      const shownAt: number[] = [];
      let last = store.getState().clockMs;
      for (let i = 0; i < 60; i++) {
        now += 16;
        pending.shift()?.(now);
        if (store.getState().clockMs !== last) shownAt.push(now);
        last = store.getState().clockMs;
      }
      stop();
      // At 50x the worker answers every frame; the clock follows about every fifth.
      expect(shownAt.length).toBeGreaterThan(6);
      expect(shownAt.length).toBeLessThanOrEqual(Math.ceil((60 * 16) / CLOCK_MS));
      for (let i = 1; i < shownAt.length; i++)
        expect((shownAt[i] as number) - (shownAt[i - 1] as number)).toBeGreaterThanOrEqual(CLOCK_MS);
      expect(store.getState().clockMs).toBeLessThanOrEqual(store.getState().frame?.timeMs ?? 0);
      store.getState().actions.pause();
      expect(store.getState().clockMs).toBe(store.getState().frame?.timeMs);
    } finally {
      wall.mockRestore();
    }
  });
});
