import { describe, expect, it } from 'vitest';
import { formatMs } from '../metrics/format';
import { indexAfterKey, nearestIndex, NO_READING, readoutAt, readoutNear, type ReadoutSeries } from './readout';

const latency: ReadoutSeries[] = [
  {
    key: 'p50',
    label: 'p50',
    points: [
      { x: 11, y: 12 },
      { x: 12, y: 14 },
      { x: 13, y: null },
    ],
    format: formatMs,
  },
  {
    key: 'p99',
    label: 'p99',
    points: [
      { x: 11, y: 80 },
      { x: 12, y: 88 },
      { x: 13, y: null },
    ],
    format: formatMs,
  },
  {
    key: 'p999',
    label: 'p99.9',
    points: [
      { x: 11, y: 120 },
      { x: 12, y: 140 },
      { x: 13, y: null },
    ],
    format: formatMs,
  },
];

describe('nearest point', () => {
  it('finds the nearest x, the earlier on a tie, and clamps outside the data', () => {
    const xs = [1, 2, 3, 10];
    expect(nearestIndex(xs, 2.4)).toBe(1);
    expect(nearestIndex(xs, 2.6)).toBe(2);
    expect(nearestIndex(xs, 2.5)).toBe(1);
    expect(nearestIndex(xs, 7)).toBe(3);
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 99)).toBe(3);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('keys', () => {
  it('move by one second, ten with Page keys, to the ends with Home and End, and stay inside', () => {
    expect(indexAfterKey('ArrowLeft', 5, 10)).toBe(4);
    expect(indexAfterKey('ArrowRight', 9, 10)).toBe(9);
    expect(indexAfterKey('ArrowLeft', 0, 10)).toBe(0);
    expect(indexAfterKey('PageUp', 5, 10)).toBe(0);
    expect(indexAfterKey('PageDown', 2, 30)).toBe(12);
    expect(indexAfterKey('Home', 5, 10)).toBe(0);
    expect(indexAfterKey('End', 5, 10)).toBe(9);
    expect(indexAfterKey('Enter', 5, 10)).toBeNull();
    expect(indexAfterKey('ArrowLeft', 5, 0)).toBeNull();
  });
  it('start from the newest second when nothing is read yet', () => {
    expect(indexAfterKey('ArrowLeft', -1, 10)).toBe(8);
    expect(indexAfterKey('ArrowRight', -1, 10)).toBe(9);
  });
});

describe('readout text', () => {
  it('gives the time and every series with its unit', () => {
    expect(readoutNear(latency, 12.2)?.text).toBe('t = 12.0 s · p50 14.0 ms · p99 88.0 ms · p99.9 140 ms');
  });
  it('says none where a series has no value that second', () => {
    const readout = readoutAt(latency, 2);
    expect(readout?.text).toBe(`t = 13.0 s · p50 ${NO_READING} · p99 ${NO_READING} · p99.9 ${NO_READING}`);
    expect(readout?.values.map((v) => v.y)).toEqual([null, null, null]);
  });
  it('is null with no data', () => {
    expect(readoutNear([], 3)).toBeNull();
    expect(readoutAt(latency, 7)).toBeNull();
  });
});
