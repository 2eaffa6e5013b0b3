// The view cadence's halves: while playing, a shown update gives the picture first and the charts
// and log on the next refresh; paused or forced, everything at once.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Frame, WindowMetrics } from '../sim/index';
import { NOTHING_SHOWN, type AppState, type AppStore } from './appState';
import { createViewCadence } from './viewCadence';

function fakeStore(playing: boolean): AppStore {
  const state = {
    playing,
    speed: 1000,
    frame: null,
    windows: [],
    events: [],
    marks: [],
    shown: NOTHING_SHOWN,
    clockMs: 0,
  };
  return createStore(() => state) as unknown as AppStore;
}

function advance(store: AppStore, timeMs: number): void {
  const frame = { timeMs } as Frame;
  const windows = [...store.getState().windows, { endMs: timeMs } as WindowMetrics];
  store.setState({ frame, windows } as Partial<AppState>);
}

describe('createViewCadence', () => {
  it('while playing, shows the new frame first and the new windows on the next refresh', () => {
    const store = fakeStore(true);
    const views = createViewCadence(store);
    advance(store, 1000);
    views.refresh(false);
    expect(store.getState().shown.frame?.timeMs).toBe(1000);
    expect(store.getState().shown.windows).toHaveLength(0);
    advance(store, 1100);
    views.refresh(false);
    expect(store.getState().shown.frame?.timeMs).toBe(1000);
    expect(store.getState().shown.windows).toHaveLength(2);
    views.refresh(false);
    expect(store.getState().shown.windows).toHaveLength(2);
  });

  it('paused or forced, shows the frame and the windows together', () => {
    for (const [playing, force] of [
      [false, false],
      [true, true],
    ] as const) {
      const store = fakeStore(playing);
      const views = createViewCadence(store);
      advance(store, 1000);
      views.refresh(force);
      expect(store.getState().shown.frame?.timeMs).toBe(1000);
      expect(store.getState().shown.windows).toHaveLength(1);
      expect(store.getState().clockMs).toBe(1000);
    }
  });
});
