import { describe, expect, it } from 'vitest';
import {
  NO_VALUE,
  formatAvailability,
  formatBudgetUsed,
  formatComparedTo,
  formatCount,
  formatMs,
  formatP99All,
  formatRatio,
  formatRps,
  formatSeconds,
  formatSimTime,
  formatTarget,
  formatWholePercent,
} from './format';

describe('formatAvailability', () => {
  it('writes two decimals and a percent sign', () => {
    expect(formatAvailability(0.9995)).toBe('99.95%');
    expect(formatAvailability(0.5)).toBe('50.00%');
    expect(formatAvailability(0)).toBe('0.00%');
  });
  it('rounds down, so a near miss never reads as meeting the target', () => {
    expect(formatAvailability(0.99996)).toBe('99.99%');
    expect(formatAvailability(0.99899)).toBe('99.89%');
  });
  it('writes exactly 1 as 100%', () => {
    expect(formatAvailability(1)).toBe('100%');
  });
  it('parses back with parseFloat', () => {
    for (const share of [0, 0.123, 0.9, 0.999, 0.99951, 1]) {
      expect(parseFloat(formatAvailability(share))).toBeCloseTo(share * 100, 1);
    }
  });
  it('shows a dash for nonsense', () => {
    expect(formatAvailability(Number.NaN)).toBe(NO_VALUE);
  });
});

describe('formatTarget', () => {
  it('uses only the decimals a target needs', () => {
    expect(formatTarget(0.999)).toBe('99.9%');
    expect(formatTarget(0.9995)).toBe('99.95%');
    expect(formatTarget(0.99)).toBe('99%');
    expect(formatTarget(0.99999)).toBe('99.999%');
  });
});

describe('formatWholePercent', () => {
  it('rounds down and clamps to 0..100', () => {
    expect(formatWholePercent(0.734)).toBe('73%');
    expect(formatWholePercent(0.999)).toBe('99%');
    expect(formatWholePercent(1)).toBe('100%');
    expect(formatWholePercent(-0.2)).toBe('0%');
    expect(formatWholePercent(1.5)).toBe('100%');
  });
});

describe('formatMs', () => {
  it('keeps one decimal below 100 ms and none above', () => {
    expect(formatMs(12.345)).toBe('12.3 ms');
    expect(formatMs(0.04)).toBe('0.0 ms');
    expect(formatMs(99.94)).toBe('99.9 ms');
    expect(formatMs(153.4)).toBe('153 ms');
    expect(formatMs(4210.2)).toBe('4210 ms');
  });
  it('has no thousands separator, so parseFloat reads the whole number', () => {
    expect(parseFloat(formatMs(123456))).toBe(123456);
  });
  it('shows a dash for missing values', () => {
    expect(formatMs(Number.NaN)).toBe(NO_VALUE);
    expect(formatMs(-1)).toBe(NO_VALUE);
  });
});

describe('formatRps and formatCount', () => {
  it('writes whole numbers without separators', () => {
    expect(formatRps(611.6)).toBe('612 req/s');
    expect(formatRps(12_345.4)).toBe('12345 req/s');
    expect(formatRps(-3)).toBe('0 req/s');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1204)).toBe('1204');
    expect(parseFloat(formatCount(98_765))).toBe(98_765);
  });
});

describe('formatSeconds and formatSimTime', () => {
  it('writes seconds with one decimal', () => {
    expect(formatSeconds(12_400)).toBe('12.4 s');
    expect(formatSeconds(0)).toBe('0.0 s');
    expect(formatSeconds(125_049)).toBe('125.0 s');
  });
  it('rounds to a tenth and switches to minutes and hours for long runs', () => {
    expect(formatSimTime(12_449)).toBe('12.4 s');
    expect(formatSimTime(3_999.9)).toBe('4.0 s');
    expect(formatSimTime(59_940)).toBe('59.9 s');
    expect(formatSimTime(59_999)).toBe('1 min 00.0 s');
    expect(formatSimTime(60_000)).toBe('1 min 00.0 s');
    expect(formatSimTime(185_240)).toBe('3 min 05.2 s');
    expect(formatSimTime(7_385_000)).toBe('2 h 03 min 05 s');
  });
});

describe('formatRatio', () => {
  it('says how many times larger', () => {
    expect(formatRatio(30.6, 11.9)).toBe('2.6×');
    expect(formatRatio(250, 10)).toBe('25×');
    expect(formatRatio(5, 0)).toBeNull();
  });
});

describe('formatComparedTo', () => {
  it('says "12× the median" once twice or more, never "1093% above the median"', () => {
    expect(formatComparedTo(119.3, 10, 'median')).toBe('12× the median');
    expect(formatComparedTo(26, 10, 'median')).toBe('2.6× the median');
    expect(formatComparedTo(20, 10, 'median')).toBe('2.0× the median');
    for (const ratio of [2, 3.7, 10.93, 150]) expect(formatComparedTo(ratio * 7, 7, 'median')).not.toMatch(/%/);
  });
  it('uses a percentage only when close', () => {
    expect(formatComparedTo(14, 10, 'median')).toBe('40% above the median');
    expect(formatComparedTo(8.8, 10, 'median')).toBe('12% below the median');
    expect(formatComparedTo(10.02, 10, 'median')).toBe('within 1% of the median');
    expect(formatComparedTo(0.5, 10, 'median')).toBe('5% of the median');
  });
  it('says nothing when the comparison means nothing', () => {
    expect(formatComparedTo(5, 0, 'median')).toBeNull();
    expect(formatComparedTo(Number.NaN, 1, 'median')).toBeNull();
  });
});

describe('formatP99All and formatBudgetUsed', () => {
  it('writes a failed p99 as "failed", a time with its unit, nothing as a dash', () => {
    expect(formatP99All(Number.POSITIVE_INFINITY)).toBe('failed');
    expect(formatP99All(45.21)).toBe('45.2 ms');
    expect(formatP99All(null)).toBe(NO_VALUE);
  });
  it('caps the budget used at 100%, rounding down', () => {
    expect(formatBudgetUsed(0.374)).toBe('37%');
    expect(formatBudgetUsed(37.2)).toBe('100%');
    expect(formatBudgetUsed(Number.POSITIVE_INFINITY)).toBe('100%');
    expect(formatBudgetUsed(0)).toBe('0%');
  });
});
