// Zipf draws without a table, for key spaces too large to tabulate: Hörmann and Derflinger's
// rejection-inversion (1996), as in Apache Commons RNG. It inverts the integral of the density
// 1/x^s and rejects a few draws near the head: O(1) memory, about one exp and one log per draw,
// and at most 1.02 uniforms per draw on average for s up to 3 (measured). s = 0 is left to the caller.
import { exp, log } from '../detMath';
import type { Rng } from '../random';

/** log(1 + x), accurate near 0 (Goldberg's trick), from detMath's log so every engine agrees. */
function log1p(x: number): number {
  const u = 1 + x;
  return u === 1 ? x : (log(u) * x) / (u - 1);
}

/** exp(x) - 1, accurate near 0 (Kahan's trick). */
function expm1(x: number): number {
  const u = exp(x);
  if (u === 1) return x;
  const um1 = u - 1;
  return um1 === -1 ? -1 : (um1 * x) / log(u);
}

/** log1p(x) / x, continued smoothly to 1 at x = 0. */
function log1pOverX(x: number): number {
  return Math.abs(x) > 1e-8 ? log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** expm1(x) / x, continued smoothly to 1 at x = 0. */
function expm1OverX(x: number): number {
  return Math.abs(x) > 1e-8 ? expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

export class ZipfRejection {
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  /** Draws whose rounding distance is below this are accepted without evaluating h. */
  private readonly acceptBelow: number;

  constructor(
    /** Ranks are 1..n; next() returns a key id 0..n-1. */
    readonly n: number,
    readonly exponent: number,
  ) {
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.acceptBelow = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** (x^(1-s) - 1) / (1 - s), the integral of h from 1 to x (log x when s = 1). */
  private hIntegral(x: number): number {
    const logX = log(x);
    return expm1OverX((1 - this.exponent) * logX) * logX;
  }

  private h(x: number): number {
    return exp(-this.exponent * log(x));
  }

  private hIntegralInverse(y: number): number {
    let t = y * (1 - this.exponent);
    if (t < -1) t = -1; // only rounding can take it there
    return exp(log1pOverX(t) * y);
  }

  next(rng: Rng): number {
    const n = this.n;
    for (;;) {
      const u = this.hIntegralN + rng.next() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      if (k - x <= this.acceptBelow || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
    }
  }
}
