// Consistent hashing (Karger et al. 1997, as in ketama and Dynamo): every cache node puts V
// virtual points on a 32-bit ring, and a key belongs to the first point at or after its hash,
// wrapping around. A node joining takes about 1/(N+1) of the keys, all from the others; a node
// leaving hands only its own keys on. With V points a node's share varies by about 1/sqrt(V) of
// itself. Left out: weighted nodes, replication to the next nodes on the ring, bounded loads.
import { hashPair } from './hash32';
import { checkNodeId, MAX_PLACEMENT_NODES, placementHash, type Placement } from './placement';

/** A bound on points: N * V at most 2^20, so a rebuild stays fast and a tie-break fits a double. */
export const MAX_RING_POINTS = 1 << 20;
const RANK_SCALE = MAX_RING_POINTS;

export class HashRing implements Placement {
  readonly kind = 'ring';
  /** Node ids, ascending. */
  private nodes: number[] = [];
  /** Point hashes, ascending, and the node each belongs to. Rebuilt on every change (rare). */
  private pointHash = new Uint32Array(0);
  private pointNode = new Int32Array(0);
  /**
   * A jump table over the ring: bucketStart[b] is the first point with hash >= b << bucketShift.
   * With about one bucket per point a lookup scans one or two points instead of a binary search,
   * whose unpredictable branches cost 90 ns at 3,200 points (see scripts/bench/cacheBlocks.ts).
   */
  private bucketStart = new Int32Array(3);
  private bucketShift = 31;

  constructor(
    readonly virtualNodes: number,
    nodes: readonly number[] = [],
  ) {
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1 || virtualNodes > MAX_RING_POINTS)
      throw new RangeError(`virtualNodes must be an integer from 1 to ${MAX_RING_POINTS}, not ${virtualNodes}`);
    for (const node of nodes) this.place(node);
    this.rebuild();
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  get pointCount(): number {
    return this.pointHash.length;
  }

  ownerOf(key: number): number {
    const hashes = this.pointHash;
    const n = hashes.length;
    if (n === 0) return -1;
    const h = placementHash(key);
    let i = this.bucketStart[h >>> this.bucketShift] as number;
    while (i < n && (hashes[i] as number) < h) i++;
    return this.pointNode[i === n ? 0 : i] as number;
  }

  addNode(node: number): void {
    this.place(node);
    this.rebuild();
  }

  removeNode(node: number): void {
    const i = this.nodes.indexOf(node);
    if (i < 0) throw new RangeError(`node ${node} is not on the ring`);
    this.nodes.splice(i, 1);
    this.rebuild();
  }

  /** The share of the ring (of all 32-bit hashes) a node owns: its expected share of keys. */
  shareOf(node: number): number {
    const hashes = this.pointHash;
    const n = hashes.length;
    let owned = 0;
    for (let i = 0; i < n; i++) {
      if (this.pointNode[i] !== node) continue;
      const previous = i === 0 ? (hashes[n - 1] as number) - 4294967296 : (hashes[i - 1] as number);
      owned += (hashes[i] as number) - previous;
    }
    return owned / 4294967296;
  }

  private place(node: number): void {
    checkNodeId(node);
    if (this.nodes.includes(node)) throw new RangeError(`node ${node} is already on the ring`);
    if (this.nodes.length >= MAX_PLACEMENT_NODES) throw new RangeError(`at most ${MAX_PLACEMENT_NODES} nodes`);
    if ((this.nodes.length + 1) * this.virtualNodes > MAX_RING_POINTS)
      throw new RangeError(`nodes times virtualNodes must stay at most ${MAX_RING_POINTS}`);
    this.nodes.push(node);
    this.nodes.sort((a, b) => a - b);
  }

  /**
   * Sorts every point by (hash, node id, replica) as one exact double, hash * 2^20 + rank: the rare
   * two equal hashes are ordered by node id, which the ring's history cannot change.
   */
  private rebuild(): void {
    const v = this.virtualNodes;
    const count = this.nodes.length * v;
    const packed = new Float64Array(count);
    for (let n = 0; n < this.nodes.length; n++) {
      const node = this.nodes[n] as number;
      for (let r = 0; r < v; r++) packed[n * v + r] = hashPair(node, r) * RANK_SCALE + n * v + r;
    }
    packed.sort();
    this.pointHash = new Uint32Array(count);
    this.pointNode = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const p = packed[i] as number;
      const rank = p % RANK_SCALE;
      this.pointHash[i] = (p - rank) / RANK_SCALE;
      this.pointNode[i] = this.nodes[Math.floor(rank / v)] as number;
    }
    this.indexBuckets();
  }

  private indexBuckets(): void {
    const count = this.pointHash.length;
    let bits = 1; // at least two buckets: a shift by 32 would be a shift by 0 in JS
    while (bits < 20 && 1 << bits < count) bits++;
    const buckets = 1 << bits;
    this.bucketShift = 32 - bits;
    this.bucketStart = new Int32Array(buckets + 1);
    let i = 0;
    for (let b = 0; b < buckets; b++) {
      const start = (b << this.bucketShift) >>> 0;
      while (i < count && (this.pointHash[i] as number) < start) i++;
      this.bucketStart[b] = i;
    }
    this.bucketStart[buckets] = count;
  }
}
