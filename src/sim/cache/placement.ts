// Which cache node holds a key: the strategy a cache tier is built with. A consistent-hash ring
// (hashRing.ts) moves about 1/(N+1) of the keys when a node joins; modulo hashing (below) moves
// about N/(N+1) of them, which the lab shows as a miss storm.
import { hashPair } from './hash32';

export interface Placement {
  readonly kind: 'ring' | 'modulo';
  readonly nodeCount: number;
  /** The node id holding this key, or -1 when there are no nodes. */
  ownerOf(key: number): number;
  addNode(node: number): void;
  removeNode(node: number): void;
}

/** A bound on cache nodes in one placement. */
export const MAX_PLACEMENT_NODES = 1024;

// Keys are placed by a hash salted apart from the one the LRU's table uses: keys sharing one
// node's arcs of the ring would otherwise crowd a few runs of that node's table.
const PLACEMENT_SALT = 0x2545f491;

/** The 32-bit hash that places a key. */
export function placementHash(key: number): number {
  return hashPair(key, PLACEMENT_SALT);
}

export function checkNodeId(node: number): void {
  if (!Number.isInteger(node) || node < 0 || node > 0x7fffffff)
    throw new RangeError(`node must be an integer id from 0 to ${0x7fffffff}, not ${node}`);
}

/** hash(key) mod N over the nodes in the order they joined: simple, and most keys move on any change. */
export class ModuloPlacement implements Placement {
  readonly kind = 'modulo';
  private readonly nodes: number[] = [];

  constructor(nodes: readonly number[] = []) {
    for (const node of nodes) this.addNode(node);
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  ownerOf(key: number): number {
    const n = this.nodes.length;
    // 31 bits of the hash keep the modulo in integer arithmetic (a uint32 above 2^31 is a double).
    return n === 0 ? -1 : (this.nodes[(placementHash(key) & 0x7fffffff) % n] as number);
  }

  addNode(node: number): void {
    checkNodeId(node);
    if (this.nodes.includes(node)) throw new RangeError(`node ${node} is already placed`);
    if (this.nodes.length >= MAX_PLACEMENT_NODES) throw new RangeError(`at most ${MAX_PLACEMENT_NODES} nodes`);
    this.nodes.push(node);
  }

  removeNode(node: number): void {
    const i = this.nodes.indexOf(node);
    if (i < 0) throw new RangeError(`node ${node} is not placed`);
    this.nodes.splice(i, 1);
  }
}
