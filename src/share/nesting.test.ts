// The nesting walk itself: it never recurses, so any depth is measured; it stops at loops and at
// data too large to be an experiment.
import { describe, expect, it } from 'vitest';
import { describeNesting, MAX_VALUES, measureNesting } from './nesting';

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('measureNesting', () => {
  it('accepts ordinary data, whatever its shape', () => {
    expect(measureNesting({ a: [1, { b: 'x' }], c: null })).toBeNull();
    expect(measureNesting(nested(32))).toBeNull();
    expect(measureNesting('text')).toBeNull();
  });

  it.each([33, 5000, 100_000])('measures %i levels without overflowing the stack', (levels) => {
    expect(measureNesting(nested(levels))).toEqual({ kind: 'deep', depth: levels });
  });

  it('stops at a loop instead of walking it forever', () => {
    const loop: Record<string, unknown> = { type: 'faultline:load' };
    loop.experiment = { inner: [loop] };
    expect(measureNesting(loop)).toEqual({ kind: 'loop' });
  });

  it('accepts the same object twice when it is not inside itself', () => {
    const shared = { x: 1 };
    expect(measureNesting({ a: shared, b: [shared, shared] })).toBeNull();
  });

  it('refuses more values than an experiment can hold, before copying them', () => {
    expect(measureNesting(new Array(MAX_VALUES + 1).fill(0))).toMatchObject({ kind: 'big' });
  });

  it('counts binary data as one value instead of listing its bytes', () => {
    expect(measureNesting({ bytes: new Uint8Array(10_000_000) })).toBeNull();
  });

  it('says what is wrong in words', () => {
    expect(describeNesting("The experiment's edits", nested(5000))).toBe(
      "The experiment's edits are nested 5,000 levels deep; at most 32 are allowed.",
    );
    const loop: unknown[] = [];
    loop.push(loop);
    expect(describeNesting('The message', loop, false)).toBe(
      'The message refers back to itself in a loop, which an experiment never does.',
    );
  });
});
