// The future event list against a reference model (an array sorted by time, then push order):
// same pops, payloads and aux words, so simultaneous events run in the order they were scheduled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

interface Entry {
  timeMs: number;
  payload: number;
  aux: number;
  seq: number;
}

/** The obvious, slow priority queue: keep everything, take the smallest (time, seq). */
class ReferenceQueue {
  private entries: Entry[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.entries.length;
  }

  push(timeMs: number, payload: number, aux: number): void {
    this.entries.push({ timeMs, payload, aux, seq: this.nextSeq++ });
  }

  peekTime(): number {
    return this.entries.length > 0 ? this.smallest().timeMs : Number.POSITIVE_INFINITY;
  }

  pop(): Entry {
    const top = this.smallest();
    this.entries.splice(this.entries.indexOf(top), 1);
    return top;
  }

  private smallest(): Entry {
    return this.entries.reduce((best, e) =>
      e.timeMs < best.timeMs || (e.timeMs === best.timeMs && e.seq < best.seq) ? e : best,
    );
  }
}

// Few distinct times make ties common; doubles cover the rest of the range.
const time = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e9, noNaN: true }));
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

function popAll(queue: EventQueue): { timeMs: number; payload: number; aux: number }[] {
  const out = [];
  while (queue.size > 0) {
    const timeMs = queue.pop();
    out.push({ timeMs, payload: queue.poppedPayload, aux: queue.poppedAux });
  }
  return out;
}

describe('EventQueue', () => {
  it('pops in non-decreasing time, equal times in push order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(time, int32), { maxLength: 3000, size: 'max' }),
        fc.integer({ min: 1, max: 64 }),
        (pairs, capacity) => {
          const queue = new EventQueue(capacity);
          // The payload is the push index, so the order among equal times can be read back.
          pairs.forEach(([t, aux], i) => queue.push(t, i, aux));
          // Array.prototype.sort is stable, so equal times keep their push order here.
          const expected = pairs
            .map(([timeMs, aux], payload) => ({ timeMs, payload, aux }))
            .sort((a, b) => a.timeMs - b.timeMs);
          expect(popAll(queue)).toEqual(expected);
          expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches the reference model under interleaved pushes and pops', () => {
    const op = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant('push' as const), timeMs: time, payload: int32, aux: int32 }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('pop' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600, size: 'max' }), (ops) => {
        const queue = new EventQueue(4);
        const model = new ReferenceQueue();
        // One trace per side, compared once at the end (an expect per step is slow).
        const actual: number[] = [];
        const expected: number[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            queue.push(o.timeMs, o.payload, o.aux);
            model.push(o.timeMs, o.payload, o.aux);
          } else if (model.size > 0) {
            const top = model.pop();
            expected.push(top.timeMs, top.payload, top.aux);
            actual.push(queue.pop(), queue.poppedPayload, queue.poppedAux);
          }
          actual.push(queue.size, queue.peekTime());
          expected.push(model.size, model.peekTime());
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its content when it grows past the initial capacity', () => {
    const queue = new EventQueue(2);
    const n = 5000;
    // Descending times force every push to sift up to the root, across several doublings.
    for (let i = 0; i < n; i++) queue.push(n - i, i, -i);
    expect(queue.size).toBe(n);
    expect(queue.peekTime()).toBe(1);
    const popped = popAll(queue);
    expect(popped.map((p) => p.timeMs)).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    expect(popped.every((p) => p.payload === n - p.timeMs && p.aux === -p.payload)).toBe(true);
  });

  it('keeps push order for many equal times across growth', () => {
    const queue = new EventQueue(1);
    for (let i = 0; i < 3000; i++) queue.push(7, i, 0);
    expect(popAll(queue).map((p) => p.payload)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
  });

  it('reports +Infinity as the next time when empty', () => {
    const queue = new EventQueue();
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    queue.push(3, 1, 2);
    expect(queue.peekTime()).toBe(3);
    expect(queue.pop()).toBe(3);
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(queue.size).toBe(0);
  });
});
