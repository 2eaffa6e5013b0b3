// How lesson figures read in prose: counts a formula expects below one, and ratios as "12×".
import { describe, expect, it } from 'vitest';
import { formatExpectedCount, formatFigure } from './format';

describe('formatExpectedCount', () => {
  it('says "fewer than one" for an expected count under a half, never "0"', () => {
    // Lesson 5's four-hour repair: 2 × 20,000 × 8,760 × 4 / 262,800² ≈ 0.02 partitions a year.
    expect(formatFigure(0.0203, 'count')).toBe('fewer than one');
    expect(formatExpectedCount(0.49)).toBe('fewer than one');
    expect(formatFigure(0.0203, 'count')).not.toMatch(/^0$/);
  });

  it('rounds other counts to whole numbers with separators', () => {
    expect(formatExpectedCount(0)).toBe('0');
    expect(formatExpectedCount(0.5)).toBe('1');
    expect(formatExpectedCount(9.62)).toBe('10');
    expect(formatExpectedCount(1204.4)).toBe('1,204');
  });
});

describe('ratios in prose', () => {
  it('reads a ratio as times, never as a percentage above', () => {
    expect(formatFigure(11.93, 'ratio')).toBe('12×');
    expect(formatFigure(2.6, 'ratio')).toBe('2.6×');
  });
});
