import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppendRefused, PartitionLog, type PartitionLogOptions } from './partitionLog';

const BASE: PartitionLogOptions = {
  replicationFactor: 3,
  acks: 'all',
  minInSync: 2,
  lagBoundMs: 1000,
  retentionMs: Number.POSITIVE_INFINITY,
  retentionCount: 1000,
};

function logOf(overrides: Partial<PartitionLogOptions> = {}): PartitionLog {
  return new PartitionLog({ ...BASE, ...overrides });
}

/** Appends writes first..first+count-1 at nowMs; returns their offsets. */
function appendAll(log: PartitionLog, nowMs: number, first: number, count: number): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(log.append(nowMs, first + i));
  return offsets;
}

describe('partition log', () => {
  it('gives monotonic offsets and keeps each event append time and write', () => {
    const log = logOf();
    expect(appendAll(log, 10, 100, 3)).toEqual([0, 1, 2]);
    expect(log.append(20, 7)).toBe(3);
    expect([log.eventAppendMs(3), log.eventWrite(3), log.eventWrite(0)]).toEqual([20, 7, 100]);
    expect(log.logEndOffset).toBe(4);
    expect(() => log.eventWrite(4)).toThrow(RangeError);
  });

  it('moves the high watermark to the least log end among in-sync replicas', () => {
    const log = logOf();
    appendAll(log, 0, 0, 10);
    expect(log.highWatermark).toBe(0);
    expect(log.replicate(1, 5, 6)).toBe(6);
    expect(log.highWatermark).toBe(0); // replica 2 has nothing yet
    log.replicate(2, 5, 4);
    expect(log.highWatermark).toBe(4);
    log.replicate(2, 6);
    expect([log.replicaEndOffset(1), log.replicaEndOffset(2), log.highWatermark]).toEqual([6, 10, 6]);
  });

  it('drops a follower that lags past the bound, freeing the watermark, and takes it back when caught up', () => {
    const log = logOf();
    appendAll(log, 0, 0, 5);
    log.replicate(1, 0);
    expect(log.shrinkInSync(1000)).toBe(0); // exactly at the bound: still in sync
    expect(log.shrinkInSync(1001)).toBe(2);
    expect(log.inSyncReplicas).toBe(1);
    expect(log.highWatermark).toBe(5);
    log.replicate(1, 1001);
    expect(log.isInSync(1)).toBe(true); // it holds the leader's whole log again
    appendAll(log, 1100, 5, 2);
    log.replicate(2, 1200, 3);
    expect(log.isInSync(2)).toBe(false); // fetched, but not to the end
    log.replicate(2, 1300);
    log.replicate(1, 1300);
    expect([log.isInSync(1), log.isInSync(2), log.highWatermark]).toEqual([true, true, 7]);
  });

  it('refuses appends with acks all while fewer than minInSync replicas are in sync, never with acks leader', () => {
    for (const acks of ['all', 'leader'] as const) {
      const log = logOf({ acks, minInSync: 2 });
      log.failReplica(1);
      expect(log.append(0, 1)).toBe(0);
      log.failReplica(2);
      expect(log.append(0, 2)).toBe(acks === 'all' ? AppendRefused.notEnoughInSync : 1);
    }
  });

  it('with acks all and three in sync, a leader failure loses no acknowledged event', () => {
    const log = logOf({ acks: 'all', minInSync: 2 });
    appendAll(log, 0, 0, 20);
    log.replicate(1, 1);
    log.replicate(2, 1, 15);
    expect(log.highWatermark).toBe(15);
    appendAll(log, 2, 20, 5); // acknowledged only once replicated: above the watermark
    log.failReplica(0);
    expect(log.append(3, 99)).toBe(AppendRefused.noLeader);
    expect(log.electLeader(4)).toBe(0);
    expect(log.leader).toBe(1);
    expect(log.acknowledgedLost).toBe(0);
    expect(log.unacknowledgedDropped).toBe(5);
    expect([log.logEndOffset, log.highWatermark]).toEqual([20, 15]);
    log.replicate(2, 5);
    expect(log.highWatermark).toBe(20);
  });

  it('with acks leader, a leader failure loses exactly the tail the new leader lacks', () => {
    const log = logOf({ acks: 'leader', minInSync: 1 });
    appendAll(log, 0, 0, 30);
    log.replicate(1, 1, 22);
    log.replicate(2, 1, 25);
    log.failReplica(0);
    // Clean election takes the first in-sync replica (1), not the one with the most events.
    expect(log.electLeader(2)).toBe(8);
    expect([log.leader, log.logEndOffset, log.acknowledgedLost]).toEqual([1, 22, 8]);
    expect(log.replicaEndOffset(2)).toBe(22); // truncated to the new leader's log
    expect(log.append(3, 500)).toBe(22);
    expect(log.eventWrite(22)).toBe(500);
    // The old leader returns as a follower without its lost tail.
    log.restartReplica(0, 4);
    expect([log.replicaEndOffset(0), log.isInSync(0)]).toEqual([22, false]);
    log.replicate(0, 5);
    expect(log.isInSync(0)).toBe(true);
  });

  it('stays leaderless with no in-sync replica until the last leader comes back', () => {
    const log = logOf({ acks: 'all', minInSync: 1 });
    log.failReplica(1);
    log.failReplica(2);
    appendAll(log, 0, 0, 4);
    log.failReplica(0);
    expect(log.electLeader(1)).toBe(0);
    expect(log.leader).toBe(-1);
    log.restartReplica(1, 2);
    expect(log.leader).toBe(-1); // replica 1 lacks acknowledged events: no unclean election
    log.restartReplica(0, 3);
    expect([log.leader, log.logEndOffset, log.acknowledgedLost]).toEqual([0, 4, 0]);
  });

  it('retention deletes by age and by count, up to the watermark, and the log start advances', () => {
    const log = logOf({ replicationFactor: 1, minInSync: 1, retentionMs: 100, retentionCount: 5 });
    for (let i = 0; i < 5; i++) log.append(i * 10, i);
    expect(log.applyRetention(120)).toBe(3); // appended at 0, 10, 20: 100 ms old or more
    expect([log.logStartOffset, log.deletedByRetention]).toEqual([3, 3]);
    expect(() => log.eventWrite(2)).toThrow(RangeError);
    for (let i = 5; i < 9; i++) log.append(130, i);
    // Five events at most: appending the 9th deleted offset 3.
    expect([log.logStartOffset, log.logEndOffset, log.eventWrite(4), log.eventWrite(8)]).toEqual([4, 9, 4, 8]);
    expect(log.deletedByRetention).toBe(4);
  });

  it('never deletes above the watermark: a full log refuses appends while a follower holds it back', () => {
    const log = logOf({ replicationFactor: 2, acks: 'leader', minInSync: 1, retentionMs: 10, retentionCount: 3 });
    appendAll(log, 0, 0, 3);
    expect(log.applyRetention(1000)).toBe(0);
    expect(log.append(1000, 3)).toBe(AppendRefused.full);
    log.replicate(1, 1000, 1);
    expect(log.append(1000, 3)).toBe(3);
    expect(log.logStartOffset).toBe(1);
  });

  it('a follower whose disk failed starts over from the log start', () => {
    const log = logOf({ retentionCount: 4 });
    appendAll(log, 0, 0, 4);
    log.replicate(1, 0);
    log.replicate(2, 0);
    appendAll(log, 0, 4, 2); // deletes offsets 0 and 1 to keep four
    log.replicate(1, 0);
    log.replicate(2, 0);
    log.failReplica(2, true);
    expect(log.replicaEndOffset(2)).toBe(2);
    log.restartReplica(2, 1);
    expect(log.replicate(2, 2)).toBe(4);
    expect(log.isInSync(2)).toBe(true);
  });

  it('with acks all, no crash sequence changes or loses an event below the watermark (fast-check)', () => {
    const step = fc.record({ kind: fc.nat(5), replica: fc.nat(2), count: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 150 }), (steps) => {
        const log = logOf({ acks: 'all', minInSync: 2, retentionCount: 64 });
        const acknowledged: number[] = []; // the write each offset held when it first fell below the watermark
        let nowMs = 0;
        let write = 0;
        for (const s of steps) {
          nowMs += 100;
          if (s.kind === 0) write += appendAll(log, nowMs, write, s.count).length;
          else if (s.kind === 1) log.replicate(s.replica, nowMs, s.count);
          else if (s.kind === 2) log.shrinkInSync(nowMs);
          else if (s.kind === 3) log.failReplica(s.replica);
          else if (s.kind === 4) log.electLeader(nowMs);
          else log.restartReplica(s.replica, nowMs);
          for (let o = acknowledged.length; o < log.highWatermark; o++) acknowledged.push(log.eventWrite(o));
          expect(log.logStartOffset <= log.highWatermark && log.highWatermark <= log.logEndOffset).toBe(true);
        }
        expect(log.acknowledgedLost).toBe(0);
        for (let o = log.logStartOffset; o < log.highWatermark; o++) expect(log.eventWrite(o)).toBe(acknowledged[o]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses impossible setups, naming the field', () => {
    expect(() => logOf({ minInSync: 4 })).toThrow(/minInSync/);
    expect(() => logOf({ replicationFactor: 0 })).toThrow(/replicationFactor/);
    expect(() => logOf({ retentionCount: 0 })).toThrow(/retentionCount/);
    expect(() => logOf({ retentionMs: 0 })).toThrow(/retentionMs/);
    expect(() => logOf({ lagBoundMs: Number.NaN })).toThrow(/lagBoundMs/);
    expect(() => logOf({ acks: 'some' as 'all' })).toThrow(/acks/);
    expect(() => logOf({ minInSync: 4 })).toThrow(RangeError);
  });
});
