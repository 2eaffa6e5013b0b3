import { describe, expect, it } from 'vitest';
import { deepCopy } from './deepCopy';

class Counter {
  n = 0;
  readonly seen = new Set<number>();
  bump(): number {
    this.seen.add(this.n);
    return ++this.n;
  }
}

describe('deepCopy', () => {
  it('copies typed arrays, arrays, maps, sets and class instances, keeping methods', () => {
    const original = {
      words: Int32Array.of(1, 2, 3),
      list: [1, { x: 2 }],
      byName: new Map([['a', new Float64Array([0.5])]]),
      counter: new Counter(),
    };
    original.counter.bump();
    const copy = deepCopy(original);
    expect(copy).toEqual(original);
    expect(copy.counter).toBeInstanceOf(Counter);
    copy.words[0] = 9;
    (copy.list[1] as { x: number }).x = 9;
    (copy.byName.get('a') as Float64Array)[0] = 9;
    expect(copy.counter.bump()).toBe(2);
    expect(original.words[0]).toBe(1);
    expect((original.list[1] as { x: number }).x).toBe(2);
    expect((original.byName.get('a') as Float64Array)[0]).toBe(0.5);
    expect(original.counter.n).toBe(1);
    expect([...original.counter.seen]).toEqual([0]);
  });

  it('keeps shared references shared and cycles closed', () => {
    const shared = { v: 1 };
    const node: { next: unknown; a: object; b: object } = { next: null, a: shared, b: shared };
    node.next = node;
    const copy = deepCopy(node);
    expect(copy.next).toBe(copy);
    expect(copy.a).toBe(copy.b);
    expect(copy.a).not.toBe(shared);
  });

  it('shares functions and counts the typed-array bytes it copied', () => {
    const hook = () => 1;
    const stats = { typedBytes: 0 };
    const copy = deepCopy({ hook, a: new Float64Array(4), b: new Uint8Array(3) }, stats);
    expect(copy.hook).toBe(hook);
    expect(stats.typedBytes).toBe(35);
  });
});
