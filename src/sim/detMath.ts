// exp and log from + - * / only. JavaScript engines may implement Math.exp and Math.log
// differently (they are "implementation-approximated"), and one differing last bit changes event
// times, so a run in Node and the same run in a browser would drift apart. IEEE basic arithmetic
// is exactly specified, so these give the same bits everywhere (within ~2 ulp of the true value).

const view = new Float64Array(1);
const words = new Uint32Array(view.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

// ln 2 split in two so that k * LN2_HI is exact for |k| < 2^11 (fdlibm's constants).
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634;
const SQRT2 = 1.4142135623730951;

/** 2^k for an integer k in [-1022, 1023], built from its bits. */
export function pow2(k: number): number {
  words[HIGH] = (k + 1023) << 20;
  words[LOW] = 0;
  return view[0] as number;
}

// 1/n! for n = 2..13: exp(r) = 1 + r + r^2/2! + ... with |r| <= ln2/2 leaves an error below 1e-17.
const F = [
  1 / 2,
  1 / 6,
  1 / 24,
  1 / 120,
  1 / 720,
  1 / 5040,
  1 / 40320,
  1 / 362880,
  1 / 3628800,
  1 / 39916800,
  1 / 479001600,
  1 / 6227020800,
] as const;

/** 2^k for k in [-1022, 1023], so exp scales by a table read instead of bit writes. */
const POW2 = Float64Array.from({ length: 2046 }, (_, i) => pow2(i - 1022));

export function exp(x: number): number {
  if (!(x === x)) return Number.NaN;
  if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let p = F[11];
  p = F[10] + r * p;
  p = F[9] + r * p;
  p = F[8] + r * p;
  p = F[7] + r * p;
  p = F[6] + r * p;
  p = F[5] + r * p;
  p = F[4] + r * p;
  p = F[3] + r * p;
  p = F[2] + r * p;
  p = F[1] + r * p;
  p = F[0] + r * p;
  const e = 1 + r + r * r * p;
  if (k > 1023) return e * pow2(k - 1) * 2;
  if (k < -1022) return e * pow2(k + 1022) * pow2(-1022);
  return e * (POW2[k + 1022] as number);
}

// 1/(2n+1) for the series of atanh: log(m) = 2 atanh(s), s = (m - 1)/(m + 1), |s| < 0.172.
const G = [1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11, 1 / 13, 1 / 15, 1 / 17, 1 / 19, 1 / 21, 1 / 23] as const;

/** The smallest positive normal number; below it, a subnormal's exponent field is 0. */
const MIN_NORMAL = 2.2250738585072014e-308;

export function log(x: number): number {
  // Zero, negatives, NaN, infinity and subnormals go out of line: with them inside, log was 470
  // bytecode bytes, just over the 460 that V8 inlines, and every exponential draw paid a call.
  if (!(x >= MIN_NORMAL) || x === Number.POSITIVE_INFINITY) return logRare(x);
  return logNormal(x, 0);
}

function logRare(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  return logNormal(x * 18014398509481984, -54); // 2^54: bring a subnormal into the normal range
}

/** log(x) + e * log(2) for a normal, finite, positive x. */
function logNormal(x: number, e: number): number {
  view[0] = x;
  const hi = words[HIGH] as number;
  e += ((hi >>> 20) & 0x7ff) - 1023;
  words[HIGH] = (hi & 0x000fffff) | 0x3ff00000; // mantissa in [1, 2)
  let m = view[0] as number;
  if (m > SQRT2) {
    m *= 0.5;
    e += 1;
  }
  const s = (m - 1) / (m + 1);
  const z = s * s;
  let q = G[10];
  q = G[9] + z * q;
  q = G[8] + z * q;
  q = G[7] + z * q;
  q = G[6] + z * q;
  q = G[5] + z * q;
  q = G[4] + z * q;
  q = G[3] + z * q;
  q = G[2] + z * q;
  q = G[1] + z * q;
  q = G[0] + z * q;
  return e * LN2_HI + (2 * s + 2 * s * z * q + e * LN2_LO);
}
