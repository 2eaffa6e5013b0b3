import { describe, expect, it } from 'vitest';
import { hashPair } from './hash32';
import { HashRing } from './hashRing';
import { ModuloPlacement, placementHash, type Placement } from './placement';

const KEYS = 100_000;
// With V points a node's share of the ring varies by about 1/sqrt(V) of itself: at 4,096 that is
// 1.6%, the same order as the sampling error of 10^5 keys, so both can be checked at once.
const V = 4096;

function owners(placement: Placement): Int32Array {
  const owner = new Int32Array(KEYS);
  for (let key = 0; key < KEYS; key++) owner[key] = placement.ownerOf(key);
  return owner;
}

/** Joins node `joining` and counts the keys that moved, and those that moved anywhere but to it. */
function join(placement: Placement, joining: number) {
  const before = owners(placement);
  placement.addNode(joining);
  let moved = 0;
  let elsewhere = 0;
  for (let key = 0; key < KEYS; key++) {
    const owner = placement.ownerOf(key);
    if (owner === before[key]) continue;
    moved++;
    if (owner !== joining) elsewhere++;
  }
  return { movedShare: moved / KEYS, elsewhere };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('consistent hashing', () => {
  for (const n of [4, 9, 19]) {
    it(`moves about 1/(N+1) of the keys, all to the new node, when one joins a ring of ${n}`, () => {
      const ring = new HashRing(V, range(n));
      const { movedShare, elsewhere } = join(ring, n);
      expect(elsewhere).toBe(0);
      const expected = 1 / (n + 1);
      const samplingSd = Math.sqrt((expected * (1 - expected)) / KEYS);
      // Against the new node's exact arc: sampling error only.
      expect(Math.abs(movedShare - ring.shareOf(n))).toBeLessThan(4 * samplingSd);
      // Against 1/(N+1): sampling error plus the ring's own variation.
      const sd = Math.sqrt(samplingSd * samplingSd + (expected * expected) / V);
      expect(Math.abs(movedShare - expected)).toBeLessThan(4 * sd);
    });
  }

  it('gives each key to the node of the first point at or after its hash (brute force)', () => {
    for (const [v, nodes] of [
      [1, [8]],
      [2, [3, 4]],
      [7, [1, 2, 30, 400]],
      [300, [0, 1, 2]],
    ] as const) {
      const ring = new HashRing(v, nodes);
      const points = nodes.flatMap((node) => range(v).map((r) => ({ hash: hashPair(node, r), node })));
      points.sort((a, b) => a.hash - b.hash || a.node - b.node);
      let wrong = 0;
      for (let key = 0; key < 20_000; key++) {
        const h = placementHash(key);
        const owner = (points.find((p) => p.hash >= h) ?? points[0])?.node;
        if (ring.ownerOf(key) !== owner) wrong++;
      }
      expect(wrong).toBe(0);
    }
  });

  it('hands only the leaving node keys on, spread over the others', () => {
    const ring = new HashRing(160, range(5));
    const before = owners(ring);
    ring.removeNode(2);
    const gained = new Int32Array(5);
    let movedElsewhere = 0;
    for (let key = 0; key < KEYS; key++) {
      const owner = ring.ownerOf(key);
      if (before[key] === 2) gained[owner] = (gained[owner] as number) + 1;
      else if (owner !== before[key]) movedElsewhere++;
    }
    expect(movedElsewhere).toBe(0);
    expect(gained[2]).toBe(0);
    for (const node of [0, 1, 3, 4]) expect(gained[node]).toBeGreaterThan(0);
  });

  it('places keys the same whatever order the nodes joined in', () => {
    const a = new HashRing(160, [3, 1, 7]);
    const b = new HashRing(160, [7]);
    b.addNode(1);
    b.addNode(9);
    b.addNode(3);
    b.removeNode(9);
    const ownersA = owners(a);
    const ownersB = owners(b);
    let differ = 0;
    for (let key = 0; key < KEYS; key++) if (ownersA[key] !== ownersB[key]) differ++;
    expect(differ).toBe(0);
    const total = [1, 3, 7].reduce((sum, node) => sum + a.shareOf(node), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('has no owner without nodes, and refuses bad nodes, naming the field', () => {
    expect(new HashRing(10).ownerOf(1)).toBe(-1);
    expect(() => new HashRing(0)).toThrow(/virtualNodes/);
    expect(() => new HashRing(10, [1, 1])).toThrow(/already/);
    expect(() => new HashRing(10, [-1])).toThrow(/node/);
    expect(() => new HashRing(10, [1]).removeNode(2)).toThrow(/not on the ring/);
  });
});

describe('modulo hashing', () => {
  for (const n of [4, 9, 19]) {
    it(`moves about N/(N+1) of the keys when a node joins ${n}`, () => {
      const { movedShare } = join(new ModuloPlacement(range(n)), n);
      const expected = n / (n + 1);
      expect(Math.abs(movedShare - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / KEYS));
    });
  }
});
