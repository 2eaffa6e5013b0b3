// Saved lesson progress is outside input: a damaged entry is dropped on its own, and nothing
// stored, however broken, stops the lessons from loading.
import { describe, expect, it } from 'vitest';
import { loadProgress, PROGRESS_KEY, saveProgress } from './progress';

function storageHolding(raw: string | null): Storage {
  const items = new Map<string, string>(raw === null ? [] : [[PROGRESS_KEY, raw]]);
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  } as unknown as Storage;
}

describe('lesson progress', () => {
  it('keeps the good entries when one is damaged', () => {
    const raw = JSON.stringify({
      'faults-not-failures': { furthestStep: 3, done: true },
      'disks-at-scale': { furthestStep: 'three', done: false },
      'correlated-faults': { furthestStep: 1, done: false },
      ['x'.repeat(200)]: { furthestStep: 1, done: false },
    });
    expect(loadProgress(storageHolding(raw))).toEqual({
      'faults-not-failures': { furthestStep: 3, done: true },
      'correlated-faults': { furthestStep: 1, done: false },
    });
  });

  it.each(['not json', '[1,2]', 'null', '42', '"text"', '{"a":'])(
    'reads %j as no progress, without throwing',
    (raw) => {
      expect(loadProgress(storageHolding(raw))).toEqual({});
    },
  );

  it('never lets a stored "__proto__" entry reach a prototype', () => {
    const progress = loadProgress(storageHolding('{"__proto__":{"furthestStep":1,"done":true}}'));
    expect(Object.getPrototypeOf(progress)).toBe(Object.prototype);
    expect(Object.keys(progress)).toEqual([]);
  });

  it('survives storage that throws, and round-trips what it saved', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    expect(loadProgress(broken)).toEqual({});
    const storage = storageHolding(null);
    saveProgress(storage, { 'disks-at-scale': { furthestStep: 2, done: false } });
    expect(loadProgress(storage)).toEqual({ 'disks-at-scale': { furthestStep: 2, done: false } });
  });
});
