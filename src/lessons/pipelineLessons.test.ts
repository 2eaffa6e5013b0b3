// Lessons 13 and 14, on the data-system scenario's log, consumers and search index (issue 15): well
// formed, and every claim true of the simulation at its stated rate (see checkLessons.ts). A file
// of their own so the test workers run them beside the other lesson files.
import { describe, expect, it } from 'vitest';
import { lessons } from './catalog/index';
import { checkLessons } from './checkLessons';
import { timeUntil } from './pipelineFigures';
import type { WindowMetrics } from '../sim/index';

checkLessons(lessons.filter((l) => l.id === 'queue-lag' || l.id === 'derived-data'));

describe('timeUntil (a drain time)', () => {
  const lag = (startMs: number, notifierLagEvents: number) =>
    ({ startMs, endMs: startMs + 1000, notifierLagEvents }) as unknown as WindowMetrics;
  const windows = [lag(0, 900), lag(1000, 600), lag(2000, 300), lag(3000, 40), lag(4000, 10)];

  it('is the time from the moment to the end of the first second at or under the bound', () => {
    expect(timeUntil(windows, 'notifierLagEvents', 50, 500, 10_000)).toBe(3500);
    expect(timeUntil(windows, 'notifierLagEvents', 300, 0, 10_000)).toBe(3000);
  });

  it('is unknown when the gauge never gets there within the span, or the windows lack it', () => {
    expect(timeUntil(windows, 'notifierLagEvents', 5, 0, 10_000)).toBeNaN();
    expect(timeUntil(windows, 'notifierLagEvents', 50, 0, 3000)).toBeNaN();
    expect(timeUntil(windows, 'indexerLagEvents', 1e9, 0, 10_000)).toBeNaN();
  });
});
