import { describe, expect, it } from 'vitest';
import { clockText } from './SimClock';

describe('clock text', () => {
  it('shows tenths of a second, then h:mm:ss, then days, within its box', () => {
    expect(clockText(0)).toBe('t = 0.0 s');
    expect(clockText(12_345)).toBe('t = 12.3 s');
    expect(clockText(999_949)).toBe('t = 999.9 s');
    expect(clockText(1_260_000)).toBe('t = 21:00');
    expect(clockText(3_725_000)).toBe('t = 1:02:05');
    expect(clockText(360_000_000)).toBe('t = 4.2 d');
    // Runs last at most 10 million simulated seconds (scenario durationS).
    for (const ms of [0, 999_949, 1_260_000, 359_999_000, 1e10]) expect(clockText(ms).length).toBeLessThanOrEqual(12);
  });
});
