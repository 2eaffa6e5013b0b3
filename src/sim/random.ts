// Seeded pseudo-random numbers with independent named sub-streams (xoshiro128**, seeded by
// splitmix32 from a hash of seed and stream name), so that extra draws in one stream (say, a
// new fault) never shift the draws of another (say, request arrivals). Not cryptographic.
import type { Distribution } from './scenarioSchema';
import { exp, log } from './detMath';

export type StreamName =
  'arrivals' | 'keys' | 'service' | 'network' | 'storage' | 'faults' | 'balancer' | 'retries' | 'config';

/** FNV-1a over a string, mixed with a number: a stable 32-bit seed per (seed, stream). */
function seedFor(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  h = Math.imul(h, 0x01000193);
  h ^= Math.floor(seed / 4294967296) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Keeps a uniform draw strictly inside (0, 1): next() is a multiple of 2^-32 in [0, 1). */
const HALF_ULP = 2 ** -33;

// Acklam's rational approximation of the normal quantile (relative error below 1.2e-9): one
// uniform per normal, no rejection loop, and no log or sqrt in the central 95% of draws.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
] as const;
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572] as const;
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/** The z with P(Z <= z) = p for a standard normal Z, for p in (0, 1). */
export function normalQuantile(p: number): number {
  if (p > P_LOW && p < 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
    );
  }
  const q = Math.sqrt(-2 * log(p < 0.5 ? p : 1 - p));
  const x =
    (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
    ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  return p < 0.5 ? x : -x;
}

/** splitmix32's output as a signed word: it only fills the Int32Array state, and as an unsigned one above 2^31 it would be boxed. */
function splitmix(z: number): number {
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}

// A log-normal draw is exp(sigma * z) at the normal quantile z of one uniform draw. In the central
// 95% of uniforms that whole function is read from a table with linear interpolation: at 4,096
// steps its relative error stays below 1e-5 for sigma up to 1 and 4e-5 at sigma 3 (far below what
// any statistic over millions of draws can see), and the hot path skips the quantile's
// polynomials and exp. The tails, where the curve bends hardest, are computed exactly.
const TABLE_STEPS = 4096;
const TABLE_PER_UNIT = TABLE_STEPS / (1 - 2 * P_LOW);
const TABLE_LIMIT = 64;
const tables = new Map<number, Float64Array>();

/** exp(sigma * normalQuantile(u)) at TABLE_STEPS + 1 evenly spaced u from P_LOW to 1 - P_LOW. */
function lognormalTable(sigma: number): Float64Array {
  const cached = tables.get(sigma);
  if (cached) return cached;
  const table = new Float64Array(TABLE_STEPS + 1);
  for (let i = 0; i <= TABLE_STEPS; i++) table[i] = exp(sigma * normalQuantile(P_LOW + i / TABLE_PER_UNIT));
  if (tables.size >= TABLE_LIMIT) tables.clear(); // a bound: scenarios use a handful of sigmas
  tables.set(sigma, table);
  return table;
}

const EMPTY = new Float64Array(0);

/** 32 random bits (a signed word from Rng.bits) as a uniform in [0, 1). */
function uniform(bits: number): number {
  return (bits >>> 0) / 4294967296;
}

/** A distribution compiled to one monomorphic shape, for the hot path (see Rng.draw). */
export class Sampler {
  /** For a log-normal: exp(sigma * z) over the central uniforms (see lognormalTable); else empty. */
  readonly table: Float64Array;

  constructor(
    /** 0 constant, 1 exponential, 2 log-normal */
    readonly code: number,
    /** constant value, exponential mean or log-normal median, ms */
    readonly scaleMs: number,
    readonly sigma: number,
  ) {
    this.table = code === 2 ? lognormalTable(sigma) : EMPTY;
  }
}

export function samplerOf(dist: Distribution): Sampler {
  switch (dist.dist) {
    case 'constant':
      return new Sampler(0, dist.meanMs, 0);
    case 'exponential':
      return new Sampler(1, dist.meanMs, 0);
    case 'lognormal':
      return new Sampler(2, dist.medianMs, dist.sigma);
    default: {
      const never: never = dist;
      return never;
    }
  }
}

export class Rng {
  // The state lives in a typed array, not in four fields: Chromium's V8 keeps small integers
  // unboxed only up to 31 bits (pointer compression), so storing these 32-bit words in fields
  // allocated a heap number on most draws. That made the engine a quarter slower in the browser
  // than in Node, where small integers span 32 bits.
  private readonly s = new Int32Array(4);

  constructor(seed: number) {
    this.reseed(seed);
  }

  /** Restarts the generator from a seed, as if newly made (splitmix32 fills the state; no allocation). */
  reseed(seed: number): void {
    const state = this.s;
    let z = seed >>> 0;
    z = (z + 0x9e3779b9) | 0;
    state[0] = splitmix(z);
    z = (z + 0x9e3779b9) | 0;
    state[1] = splitmix(z);
    z = (z + 0x9e3779b9) | 0;
    state[2] = splitmix(z);
    z = (z + 0x9e3779b9) | 0;
    state[3] = splitmix(z);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uniform(this.bits());
  }

  /** Advances the generator: 32 random bits as a signed word, a small integer that is never boxed. */
  private bits(): number {
    const state = this.s;
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    const r = Math.imul(b, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
    return result;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(uniform(this.bits()) * n);
  }

  /** Exponential with the given mean (inverse transform; 1 - u is in (0, 1], so log is finite). */
  exponential(mean: number): number {
    return -log(1 - uniform(this.bits())) * mean;
  }

  /** Standard normal, by inverting its CDF at one uniform draw (see normalQuantile). */
  normal(): number {
    return normalQuantile(uniform(this.bits()) + HALF_ULP);
  }

  /** A draw from a compiled distribution, in ms. */
  draw(s: Sampler): number {
    const code = s.code;
    if (code === 2) {
      const u = uniform(this.bits()) + HALF_ULP;
      const x = (u - P_LOW) * TABLE_PER_UNIT;
      if (x >= 0 && x < TABLE_STEPS) {
        const i = x | 0;
        const table = s.table;
        const lo = table[i] as number;
        return s.scaleMs * (lo + ((table[i + 1] as number) - lo) * (x - i));
      }
      return s.scaleMs * exp(s.sigma * normalQuantile(u));
    }
    if (code === 1) return -log(1 - uniform(this.bits())) * s.scaleMs;
    return s.scaleMs;
  }

  /** A draw from a duration distribution, in ms: the same as draw(samplerOf(dist)). */
  sample(dist: Distribution): number {
    return this.draw(samplerOf(dist));
  }
}

export type Streams = Record<StreamName, Rng>;

export function createStreams(seed: number): Streams {
  const make = (name: StreamName) => new Rng(seedFor(seed, name));
  return {
    arrivals: make('arrivals'),
    keys: make('keys'),
    service: make('service'),
    network: make('network'),
    storage: make('storage'),
    faults: make('faults'),
    balancer: make('balancer'),
    retries: make('retries'),
    config: make('config'),
  };
}

/** A stream of its own for a part of the model added later, so the named streams above never shift. */
export function namedStream(seed: number, name: string): Rng {
  return new Rng(seedFor(seed, name));
}

/** Mean of a distribution, ms (lognormal: median * exp(sigma^2 / 2)). */
export function meanOf(dist: Distribution): number {
  switch (dist.dist) {
    case 'constant':
    case 'exponential':
      return dist.meanMs;
    case 'lognormal':
      return dist.medianMs * exp((dist.sigma * dist.sigma) / 2);
    default: {
      const never: never = dist;
      return never;
    }
  }
}
