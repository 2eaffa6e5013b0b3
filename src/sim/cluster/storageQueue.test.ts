// The storage queue on its own: c slots, FIFO waits, a bounded queue, a crash dropping it all,
// and the waits a round records for a replay.
import { describe, expect, it } from 'vitest';
import { REJECTED, StorageQueues } from './storageQueue';

describe('StorageQueues.admit', () => {
  it('serves at once while a slot is free, then queues first come first served', () => {
    const q = new StorageQueues(1, { slots: 2, queueLimit: 10 });
    expect(q.admit(0, 0, 0, 10)).toBe(0); // slot 1 busy until 10
    expect(q.admit(0, 0, 1, 4)).toBe(0); // slot 2 busy until 5
    expect(q.admit(0, 0, 2, 10)).toBe(3); // waits for slot 2 (free at 5), then busy until 15
    expect(q.admit(0, 0, 3, 1)).toBe(7); // waits for slot 1 (free at 10), busy until 11
    expect(q.ahead).toBe(1);
    expect(q.admit(0, 0, 4, 1)).toBe(7); // slot 1 again at 11
    expect(q.queuedAt(0, 0, 4)).toBe(3);
    expect(q.queuedAt(0, 0, 5)).toBe(2);
    expect(q.queuedAt(0, 0, 11)).toBe(0);
    expect(q.busyAt(0, 0, 4)).toBe(2);
    expect(q.admit(0, 0, 100, 1)).toBe(0); // all free again
  });

  it('rejects an operation that finds the queue full, and then it takes no slot', () => {
    const q = new StorageQueues(1, { slots: 1, queueLimit: 2 });
    expect(q.admit(0, 0, 0, 10)).toBe(0);
    expect(q.admit(0, 0, 0, 10)).toBe(10);
    expect(q.admit(0, 0, 0, 10)).toBe(20);
    expect(q.admit(0, 0, 0, 10)).toBe(REJECTED);
    expect(q.queuedAt(0, 0, 0)).toBe(2);
    // Once the first waiting operation has started, there is room for one more, behind the rest.
    expect(q.admit(0, 0, 15, 10)).toBe(15);
  });

  it('with queueLimit 0 never queues: an operation finding every slot busy is rejected', () => {
    const q = new StorageQueues(1, { slots: 1, queueLimit: 0 });
    expect(q.admit(0, 0, 0, 10)).toBe(0);
    expect(q.admit(0, 0, 5, 10)).toBe(REJECTED);
    expect(q.admit(0, 0, 10, 10)).toBe(0);
  });

  it('a new node epoch (a crash or a restart) drops the queue and the work in service', () => {
    const q = new StorageQueues(2, { slots: 1, queueLimit: 5 });
    for (let i = 0; i < 4; i++) q.admit(1, 0, 0, 10);
    expect(q.queuedAt(1, 0, 1)).toBe(3);
    expect(q.queuedAt(1, 1, 1)).toBe(0); // the node crashed: its epoch moved on
    expect(q.busyAt(1, 1, 1)).toBe(0);
    expect(q.admit(1, 2, 2, 10)).toBe(0); // back up, empty
    expect(q.queuedAt(0, 0, 1)).toBe(0); // the other node was never touched
  });

  it('grows its queue beyond the first ring and keeps FIFO order across the wrap', () => {
    const q = new StorageQueues(1, { slots: 1, queueLimit: 1000 });
    q.admit(0, 0, 0, 1);
    for (let i = 1; i <= 100; i++) expect(q.admit(0, 0, 0, 1)).toBe(i);
    expect(q.queuedAt(0, 0, 0)).toBe(100);
    expect(q.queuedAt(0, 0, 50.5)).toBe(50);
    expect(q.admit(0, 0, 50.5, 1)).toBe(101 - 50.5);
  });
});

describe('a round’s recorded waits', () => {
  it('are kept per partition and replica until the slot’s next round, NaN where nothing was asked', () => {
    const q = new StorageQueues(1, { slots: 1, queueLimit: 5 });
    q.beginRound(70, 3, 2);
    q.record(70, 0, 1, 4);
    q.record(70, 2, 0, REJECTED);
    expect(q.recorded(70, 0, 1)).toBe(4);
    expect(q.recorded(70, 2, 0)).toBe(REJECTED);
    expect(q.recorded(70, 0, 0)).toBeNaN();
    expect(q.recorded(70, 3, 0)).toBeNaN(); // beyond the round's partitions
    expect(q.recorded(70, 0, 2)).toBeNaN(); // beyond its replicas (the replication factor grew since)
    expect(q.recorded(5000, 0, 0)).toBeNaN(); // a slot that never had a round
    q.beginRound(70, 200, 5);
    expect(q.recorded(70, 0, 1)).toBeNaN();
    q.record(70, 199, 4, 1.5);
    expect(q.recorded(70, 199, 4)).toBe(1.5);
  });
});
