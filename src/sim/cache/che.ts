// Che's approximation (Che, Tung and Wang 2002; Fricker, Robert and Roberts 2012) of an LRU
// cache's hit ratio under independent requests: a key stays cached for about a characteristic
// time T after its last ask, the same for every key, where T fills the cache on average:
//   sum_k (1 - e^(-p_k T)) = C,   hit ratio = sum_k p_k (1 - e^(-p_k T)).
// It is the reference the fidelity tests hold the LRU to; the simulation never calls it.
import { exp } from '../detMath';

export interface CheEstimate {
  /** The characteristic time, in asks (multiply by the mean time between asks for ms). */
  characteristicTime: number;
  hitRatio: number;
}

/** The expected number of keys cached, sum_k (1 - e^(-p_k T)). */
function occupancy(p: Float64Array, t: number): number {
  let sum = 0;
  for (let k = 0; k < p.length; k++) sum += 1 - exp(-(p[k] as number) * t);
  return sum;
}

/** Che's approximation for key probabilities p (summing to 1) and a cache of `capacity` keys. */
export function cheApproximation(p: Float64Array, capacity: number): CheEstimate {
  let positive = 0;
  for (let k = 0; k < p.length; k++) if ((p[k] as number) > 0) positive++;
  if (capacity >= positive) return { characteristicTime: Number.POSITIVE_INFINITY, hitRatio: 1 };
  if (capacity <= 0) return { characteristicTime: 0, hitRatio: 0 };
  // Occupancy grows with T from 0 towards the number of keys: double to bracket C, then bisect.
  let lo = 0;
  let hi = capacity;
  while (occupancy(p, hi) < capacity) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(p, mid) < capacity) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  let hitRatio = 0;
  for (let k = 0; k < p.length; k++) {
    const pk = p[k] as number;
    hitRatio += pk * (1 - exp(-pk * t));
  }
  return { characteristicTime: t, hitRatio };
}
