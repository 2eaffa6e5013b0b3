// The Wilson score interval for a share of successes in n trials: unlike the plain "p ± 1.96
// standard errors" it stays inside [0, 1] and is honest when the share is near 0 or 1, which is
// where "the chance of losing data" lives (Wilson 1927; Brown, Cai and DasGupta 2001).

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  readonly share: number;
  readonly low: number;
  readonly high: number;
}

export function wilsonInterval(successes: number, trials: number, z = Z95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || trials < 1 || successes < 0 || successes > trials)
    throw new RangeError(`need 0 ≤ successes ≤ trials and trials ≥ 1, not ${successes} of ${trials}`);
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At k = 0 (or k = n) the bound is exactly 0 (or 1); computed, it rounds to a hair beside it.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === trials ? 1 : Math.min(1, centre + half);
  return { share: p, low, high };
}
