// Seeded pseudo-random numbers with independent named sub-streams (xoshiro128**, seeded by
// splitmix32 from a hash of seed and stream name), so that extra draws in one stream (say, a
// new fault) never shift the draws of another (say, request arrivals). Not cryptographic.
import type { Distribution } from './scenarioSchema';

export type StreamName = 'arrivals' | 'service' | 'network' | 'storage' | 'faults' | 'balancer' | 'retries' | 'config';

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

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Box-Muller yields normals in pairs; the second is kept here. */
  private spareNormal = Number.NaN;

  constructor(seed: number) {
    this.a = this.b = this.c = this.d = 0;
    this.reseed(seed);
  }

  /** Restarts the generator from a seed, as if newly made. */
  reseed(seed: number): void {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    this.spareNormal = Number.NaN;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const r = Math.imul(this.b, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return result / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Exponential with the given mean (inverse transform; 1 - u is in (0, 1], so log is finite). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = Number.NaN;
      return z;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A draw from a duration distribution, in ms. */
  sample(dist: Distribution): number {
    switch (dist.dist) {
      case 'constant':
        return dist.meanMs;
      case 'exponential':
        return this.exponential(dist.meanMs);
      case 'lognormal':
        return dist.medianMs * Math.exp(dist.sigma * this.normal());
      default: {
        const never: never = dist;
        return never;
      }
    }
  }
}

export type Streams = Record<StreamName, Rng>;

export function createStreams(seed: number): Streams {
  const make = (name: StreamName) => new Rng(seedFor(seed, name));
  return {
    arrivals: make('arrivals'),
    service: make('service'),
    network: make('network'),
    storage: make('storage'),
    faults: make('faults'),
    balancer: make('balancer'),
    retries: make('retries'),
    config: make('config'),
  };
}

/** Mean of a distribution, ms (lognormal: median * exp(sigma^2 / 2)). */
export function meanOf(dist: Distribution): number {
  switch (dist.dist) {
    case 'constant':
    case 'exponential':
      return dist.meanMs;
    case 'lognormal':
      return dist.medianMs * Math.exp((dist.sigma * dist.sigma) / 2);
    default: {
      const never: never = dist;
      return never;
    }
  }
}
