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

/** Whether requests move now. */
export function motionOn(): boolean {
  if (override !== null) return override;
  const choice = storedChoice();
  return choice === null ? !systemReduces() : choice === 'on';
}

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
  query?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    query?.removeEventListener('change', listener);
  };
}

export function useMotion(): boolean {
  return useSyncExternalStore(subscribe, motionOn);
}
