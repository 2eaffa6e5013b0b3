// For the picture's tests: the default scenario with a small cache tier of two nodes, the data
// system's shape in small.
import { getBuiltInScenario, type Scenario } from '../../sim/index';

export const SMALL_CACHE = {
  nodes: 2,
  keysPerNode: 100,
  keys: 1000,
  zipfExponent: 1,
  celebrityShare: 0,
  lookupTime: { dist: 'constant', meanMs: 0.2 },
  placement: 'ring',
  writePolicy: 'invalidate',
  ttlMs: 0,
  coalescing: false,
  serveStaleOnError: false,
} as const;

/** The default scenario, its id, with the small cache tier. */
export function defaultWithCache(id: string): Scenario {
  const base = getBuiltInScenario('default');
  if (!base) throw new Error('no default scenario');
  return { ...base, id, cache: SMALL_CACHE };
}
