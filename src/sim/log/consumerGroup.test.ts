import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsumerGroup } from './consumerGroup';

/** The owners of every partition, in order. */
function owners(group: ConsumerGroup): number[] {
  return Array.from({ length: group.partitions }, (_, p) => group.ownerOf(p));
}

function groupOf(partitions: number, consumers: number, strategy: 'range' | 'roundRobin' = 'range') {
  const group = new ConsumerGroup(partitions, 8, strategy);
  for (let c = 0; c < consumers; c++) group.join(c);
  group.rebalance();
  return group;
}

describe('consumer group', () => {
  it('assigns contiguous ranges, the first members taking one more', () => {
    expect(owners(groupOf(7, 3))).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(owners(groupOf(2, 3))).toEqual([0, 1]); // consumer 2 idles
    expect(owners(groupOf(7, 3, 'roundRobin'))).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('a rebalance returns exactly the partitions whose owner changed', () => {
    const range = groupOf(6, 2); // [0,0,0,1,1,1]
    range.join(2);
    expect(range.rebalance()).toEqual([2, 4, 5]); // to [0,0,1,1,2,2]
    expect(owners(range)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(range.rebalance()).toEqual([]);
    const dealt = groupOf(6, 3, 'roundRobin'); // [0,1,2,0,1,2]
    dealt.leave(1);
    expect(dealt.rebalance()).toEqual([1, 2, 3, 4]); // to [0,2,0,2,0,2]: round robin reshuffles
    expect(owners(dealt)).toEqual([0, 2, 0, 2, 0, 2]);
  });

  it('leaves partitions unowned after a crash until the next rebalance', () => {
    const group = groupOf(4, 2);
    group.crash(1);
    expect(owners(group)).toEqual([0, 0, -1, -1]);
    expect(() => group.process(2)).toThrow(RangeError);
    expect(group.rebalance()).toEqual([2, 3]);
    expect(owners(group)).toEqual([0, 0, 0, 0]);
  });

  it('a crash rewinds to the last commit and the events delivered again count as duplicates', () => {
    const group = groupOf(2, 2);
    for (let i = 0; i < 5; i++) group.process(0);
    group.commit(0);
    for (let i = 0; i < 3; i++) group.process(0);
    expect(group.uncommitted(0)).toBe(3);
    expect(group.crash(0)).toBe(3);
    expect([group.position(0), group.committed(0)]).toEqual([5, 5]);
    group.join(0);
    group.rebalance();
    for (let i = 0; i < 4; i++) group.process(0);
    expect([group.duplicates, group.processed]).toEqual([3, 12]);
  });

  it('a graceful rebalance commits moving partitions: nothing is delivered twice', () => {
    const group = groupOf(4, 1);
    for (let p = 0; p < 4; p++) group.process(p);
    group.join(1);
    expect(group.rebalance()).toEqual([2, 3]);
    expect(group.committed(2)).toBe(1);
    for (let p = 0; p < 4; p++) group.process(p);
    expect(group.duplicates).toBe(0);
  });

  it('a consumer behind the log start skips the deleted events and counts them', () => {
    const group = groupOf(1, 1);
    group.process(0);
    expect(group.skipToLogStart(0, 10)).toBe(9);
    expect(group.skipToLogStart(0, 10)).toBe(0);
    expect([group.position(0), group.skipped]).toEqual([10, 9]);
  });

  it('duplicates equal the events processed since the last commit, over random runs (fast-check)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('process' as const), partition: fc.nat(3) }),
      fc.record({ kind: fc.constant('commit' as const), consumer: fc.nat(2) }),
      fc.record({ kind: fc.constant('crash' as const), consumer: fc.nat(2) }),
      fc.record({ kind: fc.constant('leave' as const), consumer: fc.nat(2) }),
      fc.record({ kind: fc.constant('rejoin' as const), consumer: fc.nat(2) }),
    );
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 200 }),
        fc.constantFrom('range' as const, 'roundRobin' as const),
        (steps, strategy) => {
          const group = new ConsumerGroup(4, 3, strategy);
          for (let c = 0; c < 3; c++) group.join(c);
          group.rebalance();
          let rewound = 0;
          for (const s of steps) {
            if (s.kind === 'process' && group.ownerOf(s.partition) >= 0) group.process(s.partition);
            else if (s.kind === 'commit') group.commit(s.consumer);
            else if (s.kind === 'crash' && group.isAlive(s.consumer)) rewound += group.crash(s.consumer);
            else if (s.kind === 'leave' && group.isAlive(s.consumer)) group.leave(s.consumer);
            else if (s.kind === 'rejoin') group.join(s.consumer);
            if (s.kind !== 'process') group.rebalance();
          }
          // Read every partition back to the furthest offset ever processed: each rewound event once more.
          group.join(0);
          group.rebalance();
          const before = group.duplicates;
          let redelivered = 0;
          for (let p = 0; p < 4; p++)
            while (group.position(p) < group.deliveredEnd(p)) {
              group.process(p);
              redelivered++;
            }
          expect(group.duplicates - before).toBe(redelivered);
          expect(group.duplicates).toBe(rewound);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses impossible setups, naming the field', () => {
    expect(() => new ConsumerGroup(0, 2)).toThrow(/partitions/);
    expect(() => new ConsumerGroup(4, 0)).toThrow(/maxConsumers/);
    expect(() => new ConsumerGroup(4, 2, 'sticky' as 'range')).toThrow(/strategy/);
    expect(() => new ConsumerGroup(0, 2)).toThrow(RangeError);
  });
});
