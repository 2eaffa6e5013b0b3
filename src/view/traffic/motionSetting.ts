// Whether the picture shows requests moving: on by default, off when the system asks for reduced
// motion, and the learner's own choice (remembered) wins over both. View-only state: the
// simulation never hears of it, except that the worker follows no requests while it is off.
import { useSyncExternalStore } from 'react';

const KEY = 'faultline.motion';
const REDUCED = '(prefers-reduced-motion: reduce)';

type Choice = 'on' | 'off' | null;

const listeners = new Set<() => void>();
/** A choice made where storage is blocked still holds for the page's life. */
let override: boolean | null = null;

function storedChoice(): Choice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'on' || value === 'off' ? value : null;
  } catch {
    return null; // storage blocked (a sandboxed embed): the system setting decides
  }
}

function systemReduces(): boolean {
  return typeof matchMedia !== 'undefined' && matchMedia(REDUCED).matches;
}

/** Whether requests move now. Read on every render: kept in memory, reread only when something changes. */
export function motionOn(): boolean {
  if (override !== null) return override;
  if (cached === null) {
    const choice = storedChoice();
    cached = choice === null ? !systemReduces() : choice === 'on';
  }
  return cached;
}

let cached: boolean | null = null;

export function setMotion(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // not remembered, but still applied for this page
  }
  override = on;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const query = typeof matchMedia !== 'undefined' ? matchMedia(REDUCED) : null;
  const onSystemChange = () => {
    cached = null;
    listener();
  };
  query?.addEventListener('change', onSystemChange);
  return () => {
    listeners.delete(listener);
    query?.removeEventListener('change', onSystemChange);
  };
}

export function useMotion(): boolean {
  return useSyncExternalStore(subscribe, motionOn);
}
