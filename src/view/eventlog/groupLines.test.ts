import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type NotableEvent } from '../../sim/index';
import { GAP_MS, groupLines, MIN_MEMBERS, SPAN_MS, type LineGroup, type LogRow } from './groupLines';
import { lessonLineOf, lineOf, type LogLine } from './logLines';

let seq = 0;
function line(
  type: string,
  timeMs: number,
  target: string,
  detail = '',
  cause: NotableEvent['cause'] = 'auto',
): LogLine {
  return lineOf({ seq: ++seq, timeMs, type, target, detail, cause });
}

const rebuilt = (timeMs: number, node: string, p = 1) =>
  line('replicaRebuilt', timeMs, `partition ${p}`, `replica 2 rebuilt on ${node} disk 1`);

/** Newest first, as the log shows them. */
const newestFirst = (lines: LogLine[]) => [...lines].sort((a, b) => b.timeMs - a.timeMs || (b.seq ?? 0) - (a.seq ?? 0));

function texts(rows: LogRow[]): string[] {
  return rows.map((r) => ('group' in r ? `[${r.group.lines.length}] ${r.group.text}` : r.line.text));
}

describe('groupLines', () => {
  it('folds a burst of copies rebuilt on one node into "db-3: 12 lost copies rebuilt"', () => {
    const lines = newestFirst(Array.from({ length: 12 }, (_, i) => rebuilt(12_000 + i * 200, 'db-3', i)));
    const rows = groupLines(lines);
    expect(texts(rows)).toEqual(['[12] db-3: 12 lost copies rebuilt']);
    const group = (rows[0] as { group: LineGroup }).group;
    expect(group.lines.map((l) => l.timeMs)).toEqual(lines.map((l) => l.timeMs));
    expect(group.key).toBe(lines[11]?.key); // the oldest member: stable as newer copies join
  });

  it('names the number of nodes when a burst spreads over several', () => {
    const lines = newestFirst([rebuilt(6000, 'db-261'), rebuilt(6000, 'db-262'), rebuilt(6000, 'db-263')]);
    expect(texts(groupLines(lines))).toEqual(['[3] 3 lost copies rebuilt on 3 nodes']);
  });

  it(`leaves fewer than ${MIN_MEMBERS} like lines alone`, () => {
    const lines = newestFirst([rebuilt(6000, 'db-1'), rebuilt(6100, 'db-2')]);
    expect(groupLines(lines).every((r) => 'line' in r)).toBe(true);
  });

  it('keeps a group together across other lines in between, where its newest member stood', () => {
    const lines = newestFirst([
      rebuilt(6000, 'db-1', 1),
      line('diskFailed', 6500, 'db-9', 'disk 0 failed (hardware fault); 6 partitions under-replicated'),
      rebuilt(7000, 'db-1', 2),
      rebuilt(8000, 'db-1', 3),
      line('nodeCrashed', 9000, 'app-1', 'hardware fault'),
    ]);
    expect(texts(groupLines(lines))).toEqual([
      'app-1 crashed (hardware fault)',
      '[3] db-1: 3 lost copies rebuilt',
      'Disk 0 of db-9 failed (hardware fault): 6 partitions are a copy short',
    ]);
  });

  it(`splits at a gap of more than ${GAP_MS / 1000} s, and at a span of more than ${SPAN_MS / 1000} s`, () => {
    const gap = newestFirst(
      [0, 1000, 2000, 2000 + GAP_MS + 1, 3000 + GAP_MS, 4000 + GAP_MS].map((t) => rebuilt(t, 'db-1')),
    );
    expect(texts(groupLines(gap))).toEqual(['[3] db-1: 3 lost copies rebuilt', '[3] db-1: 3 lost copies rebuilt']);
    const steady = newestFirst(Array.from({ length: 16 }, (_, i) => rebuilt(i * 4000, 'db-1')));
    const rows = groupLines(steady);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      if (!('group' in r)) continue;
      const ms = r.group.lines.map((l) => l.timeMs);
      expect(Math.max(...ms) - Math.min(...ms)).toBeLessThanOrEqual(SPAN_MS);
    }
  });

  it('never groups different types, different causes, or lesson steps', () => {
    const lines = newestFirst([
      line('nodeCrashed', 1000, 'app-1', 'crashed by hand', 'user'),
      line('nodeCrashed', 1000, 'app-2', 'hardware fault'),
      line('nodeCrashed', 1000, 'app-3', 'crashed by hand', 'user'),
      line('nodeRestarted', 1000, 'app-4', 'restarted by hand', 'user'),
      ...[1, 2, 3].map((i) => lessonLineOf({ mark: `step:s${i}`, timeMs: 1000, text: `Lesson step ${i} began` })),
    ]);
    expect(groupLines(lines).every((r) => 'line' in r)).toBe(true);
  });

  it('groups the 500-node run: a rack power cut reads as a few lines, not a hundred and fifty', () => {
    const sim = createSimulation(getBuiltInScenario('large')!, 1);
    sim.runUntil(3000);
    sim.apply({ type: 'failDisk', nodeId: 'db-3', disk: 1 });
    sim.apply({ type: 'failDisk', nodeId: 'db-3', disk: 2 });
    sim.runUntil(5000);
    sim.apply({ type: 'powerFailRack', rackId: 'rack-b', durationMs: 0, diskFailShare: 0 });
    sim.runUntil(10_000);
    sim.apply({ type: 'restoreRackPower', rackId: 'rack-b' });
    sim.runUntil(12_000);
    const events = [...sim.snapshot().recentEvents].reverse();
    expect(events.length).toBeGreaterThan(140);
    const rows = groupLines(events.map(lineOf));
    expect(rows.length).toBeLessThan(15);
    expect(texts(rows)).toEqual(
      expect.arrayContaining([
        '[50] 50 nodes back up',
        '[20] The balancer took 20 servers out of rotation',
        '[50] 50 nodes lost power',
        '[12] 12 lost copies rebuilt on 12 nodes',
      ]),
    );
  });

  it('folds a burst of rebalances of one consumer group under its name', () => {
    const rebalanced = (timeMs: number) =>
      line('consumersRebalanced', timeMs, 'indexer', '2 consumers share 6 partitions (3 moved)');
    const lines = newestFirst([rebalanced(3000), rebalanced(4000), rebalanced(5000)]);
    expect(texts(groupLines(lines))).toEqual(['[3] indexer: 3 consumer group rebalances']);
  });
});
