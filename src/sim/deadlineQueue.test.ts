// The FIFO ring of attempt deadlines: first in, first out; a deadline earlier than the last one
// queued is refused and changes nothing; growth unrolls a wrapped ring without losing order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlineQueue } from './deadlineQueue';

interface Entry {
  timeMs: number;
  slot: number;
  aux: number;
}

function popOne(queue: DeadlineQueue): Entry {
  const timeMs = queue.pop();
  return { timeMs, slot: queue.poppedSlot, aux: queue.poppedAux };
}

describe('DeadlineQueue', () => {
  it('pops in push order, with slot and aux', () => {
    const queue = new DeadlineQueue();
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(queue.push(10, 1, 100)).toBe(true);
    expect(queue.push(10, 2, 200)).toBe(true);
    expect(queue.push(25, 3, 300)).toBe(true);
    expect(queue.size).toBe(3);
    expect(queue.peekTime()).toBe(10);
    expect([popOne(queue), popOne(queue), popOne(queue)]).toEqual([
      { timeMs: 10, slot: 1, aux: 100 },
      { timeMs: 10, slot: 2, aux: 200 },
      { timeMs: 25, slot: 3, aux: 300 },
    ]);
    expect(queue.size).toBe(0);
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a deadline earlier than the tail and stores nothing', () => {
    const queue = new DeadlineQueue();
    queue.push(5, 1, 1);
    queue.push(50, 2, 2);
    expect(queue.push(49.999, 3, 3)).toBe(false);
    expect(queue.size).toBe(2);
    expect(queue.peekTime()).toBe(5);
    // Equal to the tail is still in order, so it is accepted.
    expect(queue.push(50, 4, 4)).toBe(true);
    expect([popOne(queue), popOne(queue), popOne(queue)].map((e) => e.slot)).toEqual([1, 2, 4]);
    expect(queue.size).toBe(0);
  });

  it('accepts any first deadline, including after it was emptied', () => {
    const queue = new DeadlineQueue();
    queue.push(1000, 1, 0);
    queue.pop();
    expect(queue.push(1, 2, 0)).toBe(true);
    expect(popOne(queue)).toEqual({ timeMs: 1, slot: 2, aux: 0 });
  });

  it('keeps order when it grows while the ring is wrapped around', () => {
    const queue = new DeadlineQueue();
    let pushed = 0;
    let popped = 0;
    // Move the head forward, so that the 1024-slot ring wraps before it is full.
    for (; pushed < 1000; pushed++) queue.push(pushed, pushed, -pushed);
    for (; popped < 700; popped++) expect(popOne(queue).slot).toBe(popped);
    // 300 queued; 5000 more cross the end of the ring and force several doublings.
    for (; pushed < 6000; pushed++) expect(queue.push(pushed, pushed, -pushed)).toBe(true);
    expect(queue.size).toBe(pushed - popped);
    for (; popped < 6000; popped++) expect(popOne(queue)).toEqual({ timeMs: popped, slot: popped, aux: -popped });
    expect(queue.size).toBe(0);
  });

  it('matches a FIFO array under random bursts of pushes (some out of order) and pops', () => {
    // Bursts, so that runs often pass 1024 queued deadlines with the head moved: growth while wrapped.
    const burst = fc.record({
      pushes: fc.nat(300),
      firstStepMs: fc.integer({ min: -20, max: 20 }),
      pops: fc.nat(250),
      // Slots are int32 indices; slot + i must stay one.
      slot: fc.nat(1_000_000),
    });
    fc.assert(
      fc.property(fc.array(burst, { maxLength: 60, size: 'max' }), (bursts) => {
        const queue = new DeadlineQueue();
        const model: Entry[] = [];
        // One trace per side, compared once at the end (an expect per step is slow).
        const actual: unknown[] = [];
        const expected: unknown[] = [];
        let lastMs = 0;
        for (const b of bursts) {
          for (let i = 0; i < b.pushes; i++) {
            // The first push of a burst may go back in time; the rest step forward by 0 to 2 ms.
            const timeMs = lastMs + (i === 0 ? b.firstStepMs : i % 3);
            const tail = model[model.length - 1];
            const accepted = tail === undefined || timeMs >= tail.timeMs;
            actual.push(queue.push(timeMs, b.slot + i, i));
            expected.push(accepted);
            if (accepted) model.push({ timeMs, slot: b.slot + i, aux: i });
            lastMs = Math.max(lastMs, timeMs);
          }
          for (let i = 0; i < b.pops && model.length > 0; i++) {
            actual.push(popOne(queue));
            expected.push(model.shift());
          }
          actual.push(queue.size, queue.peekTime());
          expected.push(model.length, model[0]?.timeMs ?? Number.POSITIVE_INFINITY);
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
