import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp, log, pow2 } from './detMath';

const close = (a: number, b: number) => Math.abs(a - b) <= 4e-16 * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);

describe('deterministic exp and log', () => {
  it('agree with Math.exp and Math.log to a few ulp over their range', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => close(exp(x), Math.exp(x))),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
        (x) => Math.abs(log(x) - Math.log(x)) <= 4e-16 * Math.max(1, Math.abs(Math.log(x))),
      ),
      {
        numRuns: 20_000,
      },
    );
  });
  it('handle the edges', () => {
    expect(exp(0)).toBe(1);
    expect(log(1)).toBe(0);
    expect(exp(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-1000)).toBe(0);
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(close(log(5e-324), Math.log(5e-324))).toBe(true);
    expect(close(exp(-740), Math.exp(-740)) || Math.abs(exp(-740) - Math.exp(-740)) < 1e-322).toBe(true);
    expect(pow2(10)).toBe(1024);
    expect(pow2(-1022)).toBe(2.2250738585072014e-308);
  });
});
