// Cache commands: flush a cache node (a human error: it comes back empty) or change the cache's
// policies while the run goes on. check() finds every problem before anything changes.
import type { Command } from '../commands';
import type { SimState } from '../state';

export type CacheCommand = Extract<Command, { type: 'flushCache' | 'setCache' }>;

export function checkCache(st: SimState, c: CacheCommand): string | null {
  if (st.scenario.cache === undefined) return 'this scenario has no cache tier';
  return `${c.type} is not wired yet`;
}

export function applyCache(st: SimState, c: CacheCommand): void {
  void st;
  void c;
}
