// Gives components the store built by main.tsx; useApp reads it through a selector.
import { createContext, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './appStore';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp must be used inside <StoreContext.Provider>');
  return store;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** Redraws of slow-changing views (charts, log) at most this often while the run plays fast. */
export const THROTTLE_MS = 400;

/**
 * Like useApp, but re-renders at most once per intervalMs of wall time (the latest value always
 * arrives, at most intervalMs late). For views that cost a lot to draw and need not follow every
 * frame, such as charts at 1000x.
 */
export function useAppThrottled<T>(selector: (state: AppState) => T, intervalMs: number = THROTTLE_MS): T {
  const store = useAppStore();
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    let latest = selector(store.getState());
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      last = performance.now();
      setValue(() => latest);
    };
    flush();
    const unsubscribe = store.subscribe((state) => {
      const next = selector(state);
      if (Object.is(next, latest)) return;
      latest = next;
      if (timer !== undefined) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, selector, intervalMs]);
  return value;
}
