// The sweep's pure parts (issue 16): seed ranges and shards, the Wilson interval, and the Markov
// model of a replica group's loss that the odds lessons compare with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeedRange, parseShard, seedCount, shardRange, type SeedRange } from './seedRange';
import { wilsonInterval } from './wilson';
import { anyGroupLossProbability, groupLossProbability } from './replicaGroupMarkov';

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('seed ranges and shards', () => {
  it('reads ranges and refuses empty or oversized ones in a sentence', () => {
    expect(ok(parseSeedRange('1-10000'))).toEqual({ from: 1, to: 10_000 });
    expect(ok(parseSeedRange('7'))).toEqual({ from: 7, to: 7 });
    expect(parseSeedRange('10-1')).toEqual({
      ok: false,
      error: '--seeds 10-1 is empty: the last seed (1) is before the first (10)',
    });
    expect(parseSeedRange('0-10000000')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 10,000,000/),
    });
    expect(parseSeedRange('1-10000000').ok).toBe(true);
    expect(parseSeedRange('a-b')).toMatchObject({ ok: false, error: expect.stringMatching(/like 1-1000/) });
  });

  it('refuses a shard like 3/2', () => {
    expect(ok(parseShard('3/8'))).toEqual({ index: 3, of: 8 });
    expect(parseShard('3/2')).toEqual({ ok: false, error: '--shard 3/2: the slice number must be from 1 to 2, not 3' });
    expect(parseShard('0/2').ok).toBe(false);
    expect(parseShard('1/0').ok).toBe(false);
  });

  it('covers the range exactly once with contiguous slices, whatever the number of shards', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 5000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 64 }),
        (from, count, n) => {
          const range: SeedRange = { from, to: from + count - 1 };
          let next = range.from;
          let covered = 0;
          for (let i = 1; i <= n; i++) {
            const slice = shardRange(range, { index: i, of: n });
            if (slice === null) continue;
            expect(slice.from).toBe(next);
            next = slice.to + 1;
            covered += seedCount(slice);
          }
          expect(covered).toBe(count);
          expect(next).toBe(range.to + 1);
        },
      ),
    );
  });
});

describe('the Wilson interval', () => {
  it('matches published values and stays inside [0, 1]', () => {
    // Brown, Cai and DasGupta's example: 0 of 20, and 1 of 100 (standard Wilson, z = 1.96).
    const none = wilsonInterval(0, 20);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.1611, 4);
    const one = wilsonInterval(1, 100);
    expect(one.low).toBeCloseTo(0.00177, 4);
    expect(one.high).toBeCloseTo(0.05449, 4);
    expect(wilsonInterval(20, 20).high).toBe(1);
    expect(wilsonInterval(0, 1000).low).toBe(0); // exactly: rounded, it came out 2.2e-17
    expect(wilsonInterval(1000, 1000).high).toBe(1);
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
  });

  it('holds the true share about 95% of the time', () => {
    // Deterministic draws: a fixed LCG, 400 trials of n = 200 at p = 0.03.
    let x = 12345;
    const u = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296;
    let held = 0;
    for (let t = 0; t < 400; t++) {
      let k = 0;
      for (let i = 0; i < 200; i++) if (u() < 0.03) k++;
      const ci = wilsonInterval(k, 200);
      if (ci.low <= 0.03 && 0.03 <= ci.high) held++;
    }
    expect(held / 400).toBeGreaterThan(0.92);
    expect(held / 400).toBeLessThan(0.99);
  });
});

describe('the Markov model of a replica group', () => {
  it('is 1 − exp(−T/MTTF) for one copy', () => {
    const p = groupLossProbability({ replicas: 1, mttfHours: 10_000, mttrHours: 24 }, 8760);
    expect(p).toBeCloseTo(1 - Math.exp(-8760 / 10_000), 10);
  });

  it('agrees with the rare-event rates when repair is much faster than failure', () => {
    const year = 8760;
    const lambda = 1 / 1_000_000;
    const mu = 1 / 24;
    // Two copies: loss rate ≈ 2λ·λ/μ; three: ≈ 3λ·2λ/μ·λ/(2μ) = 3λ³/μ². The rates hold once a
    // degraded state can be reached, about one repair time (1/μ, plus 1/(2μ) for three) after the
    // start, so the year's chance is the rate times the year less that start-up.
    const two = groupLossProbability({ replicas: 2, mttfHours: 1 / lambda, mttrHours: 1 / mu }, year);
    expect(two / ((2 * lambda * lambda * (year - 1 / mu)) / mu)).toBeCloseTo(1, 3);
    const three = groupLossProbability({ replicas: 3, mttfHours: 1 / lambda, mttrHours: 1 / mu }, year);
    expect(three / ((3 * lambda ** 3 * (year - 1.5 / mu)) / mu ** 2)).toBeCloseTo(1, 3);
  });

  it('gives the chance any of many groups loses its data, without rounding a tiny chance away', () => {
    const g = { replicas: 3, mttfHours: 1_000_000, mttrHours: 24 };
    const one = groupLossProbability(g, 8760);
    expect(anyGroupLossProbability(g, 1, 8760)).toBeCloseTo(one, 20);
    expect(anyGroupLossProbability(g, 10_000, 8760)).toBeCloseTo(1 - (1 - one) ** 10_000, 12);
    expect(anyGroupLossProbability(g, 10_000, 8760)).toBeGreaterThan(0);
  });
});
