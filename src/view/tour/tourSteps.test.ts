import { describe, expect, it } from 'vitest';
import type { TimedCommand } from '../../sim/index';
import { hasSeenFirstVisit, rememberFirstVisit } from './firstVisitStorage';
import { advanceTour, announcementOf, READ_MS, TOUR_START, TOUR_STEPS, type LabSignals } from './tourSteps';

const crash: TimedCommand = { atMs: 3000, command: { type: 'crashNode', nodeId: 'app-2' } };
const lab = (over: Partial<LabSignals>): LabSignals => ({ playing: false, commandLog: [], timeMs: 0, ...over });

describe('the first-visit steps', () => {
  it('waits for Play, then a crash, then reading time after the crash', () => {
    let p = advanceTour(TOUR_START, lab({}));
    expect(p.step).toBe(0);
    p = advanceTour(p, lab({ playing: true, timeMs: 1000 }));
    expect(p.step).toBe(1);
    p = advanceTour(p, lab({ playing: true, timeMs: 2000 }));
    expect(p.step).toBe(1);
    p = advanceTour(p, lab({ playing: true, commandLog: [crash], timeMs: 3000 }));
    expect(p).toEqual({ step: 2, crashAtMs: 3000 });
    p = advanceTour(p, lab({ playing: true, commandLog: [crash], timeMs: 3000 + READ_MS - 1 }));
    expect(p.step).toBe(2);
    p = advanceTour(p, lab({ playing: true, commandLog: [crash], timeMs: 3000 + READ_MS }));
    expect(p.step).toBe(TOUR_STEPS.length);
  });

  it('keeps a done step done (pausing does not go back) and counts reading time again after a reset', () => {
    let p = advanceTour(TOUR_START, lab({ playing: true }));
    p = advanceTour(p, lab({ playing: false }));
    expect(p.step).toBe(1);
    p = advanceTour(p, lab({ commandLog: [crash], timeMs: 3000 }));
    p = advanceTour(p, lab({ timeMs: 0 }));
    expect(p).toEqual({ step: 2, crashAtMs: 0 });
    expect(advanceTour(p, lab({ timeMs: READ_MS })).step).toBe(TOUR_STEPS.length);
  });

  it('does not count other commands as a crash', () => {
    const slow: TimedCommand = { atMs: 0, command: { type: 'restartNode', nodeId: 'app-2' } };
    expect(advanceTour({ step: 1, crashAtMs: null }, lab({ commandLog: [slow] })).step).toBe(1);
  });

  it('announces each step and the end', () => {
    expect(announcementOf(0)).toMatch(/^Step 1 of 3: Press Play\./);
    expect(announcementOf(3)).toBe('All three steps done.');
  });
});

describe('remembering the offer', () => {
  const memory = (): Storage => {
    const data = new Map<string, string>();
    return {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
      clear: () => data.clear(),
      key: () => null,
      get length() {
        return data.size;
      },
    };
  };

  it('is not seen in a new browser, seen once answered, and seen where storage is refused', () => {
    const storage = memory();
    expect(hasSeenFirstVisit(storage)).toBe(false);
    rememberFirstVisit(storage);
    expect(hasSeenFirstVisit(storage)).toBe(true);
    expect(hasSeenFirstVisit(null)).toBe(true);
    const refusing = {
      ...memory(),
      getItem: () => {
        throw new Error('denied');
      },
    } as Storage;
    expect(hasSeenFirstVisit(refusing)).toBe(true);
  });
});
