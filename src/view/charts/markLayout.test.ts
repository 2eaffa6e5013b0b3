import { describe, expect, it } from 'vitest';
import type { ChartMark, MarkKind } from './chartMarks';
import {
  FOLD_OVER,
  LIST_LINES,
  MARK_MERGE_PX,
  groupMarks,
  groupTitle,
  listLines,
  placeGroupLabels,
  shorten,
} from './markLayout';

let seq = 0;
const mark = (timeMs: number, kind: MarkKind, text: string, type = 'nodeCrashed'): ChartMark => ({
  seq: ++seq,
  timeMs,
  type,
  kind,
  text,
  detail: text,
  cause: 'auto',
});
const x = (s: number) => s * 10;

describe('merging marks', () => {
  it('merges close marks into one group with a count by kind', () => {
    const groups = groupMarks(
      [
        mark(20_000, 'fault', 'app-1 crashed'),
        mark(20_500, 'fault', 'app-1 out of rotation'),
        mark(40_000, 'recovery', 'app-1 restarted'),
      ],
      x,
    );
    expect(groups.map(groupTitle)).toEqual(['2 faults', 'app-1 restarted']);
    expect(groups.map((g) => g.kind)).toEqual(['fault', 'recovery']);
    expect(groupTitle(groupMarks([mark(1000, 'recovery', 'a'), mark(1100, 'recovery', 'b')], x)[0]!)).toBe(
      '2 recoveries',
    );
    expect(groupTitle(groupMarks([mark(1000, 'fault', 'a'), mark(1100, 'recovery', 'b')], x)[0]!)).toBe('2 events');
  });
  it('keeps markers at least a marker apart', () => {
    const marks = Array.from({ length: 50 }, (_, i) => mark(i * 300, 'fault', `f${i}`));
    const groups = groupMarks(marks, x);
    for (let i = 1; i < groups.length; i++)
      expect(groups[i]!.x - groups[i - 1]!.x).toBeGreaterThanOrEqual(MARK_MERGE_PX);
    expect(groups.reduce((n, g) => n + g.marks.length, 0)).toBe(50);
  });
  it('turns a 500-node repair storm into a few markers with short lists', () => {
    // 2,000 replicas rebuilt over 30 s after a rack's power cut, on a 120 s chart 400 px wide.
    const storm = [
      mark(60_000, 'fault', 'rack-c power out', 'rackPowerFailed'),
      ...Array.from({ length: 2000 }, (_, i) => mark(70_000 + i * 15, 'recovery', 'replica rebuilt', 'replicaRebuilt')),
    ];
    const xOf = (s: number) => ((s - 0) / 120) * 400;
    const groups = groupMarks(storm, xOf);
    expect(groups.length).toBeLessThanOrEqual(400 / MARK_MERGE_PX);
    expect(groups.length).toBeLessThan(10);
    const biggest = groups.reduce((a, b) => (b.marks.length > a.marks.length ? b : a));
    expect(groupTitle(biggest)).toMatch(/^\d+ recoveries$/);
    const { lines, more } = listLines(biggest.marks);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).toBe(`${biggest.marks.length} replicas rebuilt`);
    expect(lines[0]?.seq).toBe(biggest.marks[0]?.seq);
    expect(lines[0]?.lastTimeMs).toBe(biggest.marks[biggest.marks.length - 1]?.timeMs);
    expect(more).toBe(0);
  });
  it('lists a merged marker oldest first, folding repeats and counting what does not fit', () => {
    const marks = [
      mark(1000, 'fault', 'app-1 crashed'),
      ...Array.from({ length: FOLD_OVER + 1 }, (_, i) =>
        mark(1100 + i, 'recovery', `db-${i} restarted`, 'nodeRestarted'),
      ),
      ...Array.from({ length: LIST_LINES + 2 }, (_, i) => mark(1200 + i, 'change', `change ${i}`, 'policyChanged')),
    ];
    const { lines, more } = listLines(marks);
    expect(lines.map((l) => l.text).slice(0, 3)).toEqual([
      'app-1 crashed',
      `${FOLD_OVER + 1} nodes restarted`,
      'change 0',
    ]);
    expect(lines).toHaveLength(LIST_LINES);
    expect(more).toBe(4);
  });
});

describe('mark labels', () => {
  it('shortens long labels with an ellipsis', () => {
    expect(shorten('app-1 crashed')).toBe('app-1 crashed');
    expect(shorten('rack-a, rack-b and rack-c lost power together')).toHaveLength(22);
  });
  it('never reaches over another marker: a label goes left, is shortened to the room, or is left out', () => {
    const groups = groupMarks(
      [
        mark(10_000, 'fault', 'app-1 crashed'),
        mark(12_000, 'fault', 'app-2 crashed'),
        mark(14_000, 'fault', 'app-3 crashed'),
      ],
      x,
    );
    const placed = placeGroupLabels(groups, 1000, 2);
    expect(placed.map((p) => p && [p.text, p.anchor])).toEqual([
      ['app-1 crashed', 'end'],
      null,
      ['app-3 crashed', 'start'],
    ]);
    const tight = placeGroupLabels(
      groupMarks([mark(10_000, 'fault', 'app-1 out of rotation'), mark(24_000, 'fault', 'x')], x),
      1000,
      1,
    );
    expect(tight[0]?.text).toBe('app-1 out of rota…');
  });
  it('moves a label that overlaps a newer one to the next row', () => {
    const groups = groupMarks(
      [mark(10_000, 'fault', 'app-1 out of rotation'), mark(30_000, 'fault', 'app-2 out of rotation')],
      x,
    );
    const placed = placeGroupLabels(groups, 320, 2);
    expect(placed.map((p) => p && [p.row, p.anchor])).toEqual([
      [1, 'start'],
      [0, 'end'],
    ]);
    expect(placeGroupLabels(groups, 320, 1)[0]).toBeNull();
  });
  it('anchors a label at the right edge to the end', () => {
    const [placed] = placeGroupLabels(groupMarks([mark(99_000, 'fault', 'app-1 crashed')], x), 1000, 1);
    expect(placed?.anchor).toBe('end');
  });
});
