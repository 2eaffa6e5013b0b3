// Lessons 13 and 14, on the data-system scenario's log, consumers and search index (issue 15): well
// formed, and every claim true of the simulation at its stated rate (see checkLessons.ts). A file
// of their own so the test workers run them beside the other lesson files.
import { describe, expect, it } from 'vitest';
import { lessons } from './catalog/index';
import { checkLessons } from './checkLessons';
import { measure, type RunRecord } from './figures';
import type { Measure } from './lessonSchema';
import { timeUntil } from './pipelineFigures';
import type { Frame, WindowMetrics } from '../sim/index';

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

describe('pipeline figures', () => {
  const second = (i: number, w: Partial<WindowMetrics>) =>
    ({ startMs: i * 1000, endMs: (i + 1) * 1000, ...w }) as WindowMetrics;
  const windows = [
    second(0, { logAppends: 100, searches: 90, searchesMissedWrite: 9, stalenessSeconds: 0.1 }),
    second(1, { logAppends: 110, searches: 110, searchesMissedWrite: 30, stalenessSeconds: 2.5 }),
  ];
  const log = (acknowledgedLost: number, duplicates: number) =>
    ({
      pipeline: {
        log: { acknowledgedLost, resent: 0, changesMissed: 0 },
        groups: [{ role: 'indexer', duplicates }],
      },
    }) as unknown as Frame;
  const mark = {
    timeMs: 0,
    hardwareTimeMs: 0,
    pipeline: {
      logEventsLost: 2,
      logEventsResent: 0,
      logChangesMissed: 0,
      indexerDuplicates: 5,
      notifierDuplicates: 0,
    },
  };
  const run = { frame: log(7, 12), windows, marks: { 'step:a': mark } } as unknown as RunRecord;
  const over = (stat: string, agg: string) =>
    ({
      kind: 'windows',
      stat,
      agg,
      from: { mark: 'step:a', plusMs: 0 },
      to: { mark: 'step:a', plusMs: 2000 },
    }) as Measure;

  it('reads appends as a rate, searches as counts and staleness in ms', () => {
    expect(measure(run, over('logAppends', 'mean'), {})).toBe(105);
    expect(measure(run, over('searches', 'mean'), {})).toBe(200);
    expect(measure(run, over('searchesMissedWrite', 'mean'), {})).toBe(39);
    expect(measure(run, over('stalenessMs', 'max'), {})).toBe(2500);
    // A window without the figure (no log) says nothing: the gauge is unknown there.
    expect(measure(run, over('notifierLagEvents', 'max'), {})).toBeNaN();
  });

  it('counts lost events and duplicates since a mark, from the frame’s pipeline', () => {
    expect(measure(run, { kind: 'total', stat: 'logEventsLost', since: 'step:a' }, {})).toBe(5);
    expect(measure(run, { kind: 'total', stat: 'indexerDuplicates', since: 'step:a' }, {})).toBe(7);
    const noLog = { ...run, frame: { pipeline: null } as unknown as Frame };
    expect(measure(noLog, { kind: 'total', stat: 'logEventsLost', since: 'step:a' }, {})).toBeNaN();
  });
});
