import { describe, expect, it } from 'vitest';
import type { NotableEvent } from '../../sim/index';
import { filterLines, filterWhat, filterWords, isFiltered, kindCounts, NO_FILTER } from './filterLines';
import { lineOf, mergeLines, nodesOf, subjectsOf } from './logLines';

let seq = 0;
function e(type: string, timeMs: number, target: string, detail: string, cause: NotableEvent['cause'] = 'user') {
  return { seq: ++seq, timeMs, type, target, detail, cause } satisfies NotableEvent;
}

/** Newest first, as the store keeps them. */
const EVENTS: NotableEvent[] = [
  e('nodeCrashed', 1000, 'db-3', 'crashed by hand'),
  e('serverRemoved', 2000, 'app-2', 'failed 3 health checks; out of rotation', 'auto'),
  e('policyChanged', 3000, 'cluster', 'lbStrategy changed: {"lbStrategy":"least-outstanding"}'),
  e('replicaRebuilt', 4000, 'partition 7', 'replica 2 rebuilt on db-3 disk 1', 'auto'),
  e('nodeRestarted', 5000, 'db-3', 'restarted by hand'),
  e('linkPartitioned', 6000, 'app-10~db-3', 'link cut: messages on it are lost', 'schedule'),
  { ...e('configRolledBack', 7000, 'app servers', 'nothing was rolled out, so nothing changed'), noop: true as const },
].reverse();

const LESSON = [
  { mark: 'step:first', timeMs: 0, text: 'Lesson step 1 began: Watch the cluster' },
  { mark: 'action:first', timeMs: 3000, text: 'Lesson step 1 action done: Crash a node' },
];

const lines = mergeLines(EVENTS, LESSON);

describe('log lines', () => {
  it('merges lesson moments into the events, newest first', () => {
    expect(lines.map((l) => l.timeMs)).toEqual([7000, 6000, 5000, 4000, 3000, 3000, 2000, 1000, 0]);
    // At the same moment the lesson's line comes first in time, so last in a newest-first list.
    expect(lines[5]?.kind).toBe('lesson');
    expect(lines[4]?.type).toBe('policyChanged');
  });

  it('knows which nodes a line is about', () => {
    expect(nodesOf({ type: 'linkPartitioned', target: 'app-10~db-3', detail: '' })).toEqual(['app-10', 'db-3']);
    expect(
      nodesOf({ type: 'replicaRebuilt', target: 'partition 7', detail: 'replica 2 rebuilt on db-3 disk 1' }),
    ).toEqual(['db-3']);
    expect(nodesOf({ type: 'groupPartitioned', target: 'db-1, db-2', detail: '' })).toEqual(['db-1', 'db-2']);
    expect(nodesOf({ type: 'commandSkipped', target: 'crashNode', detail: 'unknown node' })).toEqual([]);
    // A broker's or index node's disk is named after the node: the line is about the node.
    expect(nodesOf({ type: 'diskFailed', target: 'broker-1/disk-0', detail: 'failed by hand' })).toEqual(['broker-1']);
    expect(nodesOf({ type: 'diskReplaced', target: 'broker-1/disk-0', detail: '' })).toEqual(['broker-1']);
    expect(subjectsOf(lines)).toEqual(['app servers', 'app-2', 'app-10', 'cluster', 'db-3']);
  });

  it('shows a replayed no-op as nothing changed, never a recovery', () => {
    expect(lineOf(EVENTS[0] as NotableEvent)).toMatchObject({
      kind: 'nothing',
      text: expect.stringMatching(/nothing changed/),
    });
  });
});

describe('filterLines', () => {
  it('shows everything with no filter', () => {
    expect(filterLines(lines, NO_FILTER)).toHaveLength(lines.length);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('filters by kind, automatic events by cause', () => {
    const texts = (kind: typeof NO_FILTER.kind) => filterLines(lines, { ...NO_FILTER, kind }).map((l) => l.text);
    expect(texts('fault')).toEqual([
      'The link between app-10 and db-3 was cut: messages on it are lost',
      'The balancer took app-2 out of rotation after 3 failed health checks',
      'db-3 crashed',
    ]);
    expect(texts('recovery')).toEqual(['db-3 restarted', 'A lost copy of partition 7 was rebuilt on db-3 (disk 1)']);
    expect(texts('change')).toEqual(['The balancer now picks the least busy server (fewest requests outstanding)']);
    expect(texts('lesson')).toHaveLength(2);
    expect(texts('auto')).toHaveLength(2);
  });

  it('filters by node, including either end of a link and a copy rebuilt on it', () => {
    const about = filterLines(lines, { ...NO_FILTER, node: 'db-3' }).map((l) => l.type);
    expect(about).toEqual(['linkPartitioned', 'nodeRestarted', 'replicaRebuilt', 'nodeCrashed']);
    expect(filterLines(lines, { ...NO_FILTER, node: 'app-1' })).toEqual([]);
  });

  it('searches the plain words, ignoring case and surrounding spaces', () => {
    expect(filterLines(lines, { ...NO_FILTER, search: '  LEAST busy ' }).map((l) => l.type)).toEqual(['policyChanged']);
    expect(filterLines(lines, { ...NO_FILTER, search: 'lbStrategy' })).toEqual([]); // code words are not on screen
  });

  it('counts each chip with the node and the search applied', () => {
    expect(kindCounts(lines, NO_FILTER)).toEqual({ all: 9, fault: 3, recovery: 2, change: 1, lesson: 2, auto: 2 });
    expect(kindCounts(lines, { kind: 'fault', node: 'db-3', search: '' })).toEqual({
      all: 4,
      fault: 2,
      recovery: 2,
      change: 0,
      lesson: 0,
      auto: 1,
    });
  });

  it('names the filters for a file and in words', () => {
    expect(filterWhat(NO_FILTER)).toBe('events');
    expect(filterWhat({ kind: 'fault', node: 'db-3', search: '' })).toBe('events-faults-db-3');
    expect(filterWhat({ kind: 'all', node: '', search: 'rotation' })).toBe('events-matching-rotation');
    expect(filterWords({ kind: 'fault', node: 'db-3', search: 'disk' })).toBe('faults, about db-3, matching "disk"');
    expect(filterWords(NO_FILTER)).toBe('all events');
  });
});
