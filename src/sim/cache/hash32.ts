// 32-bit integer hashing for the cache's building blocks (the LRU's table, the hash ring's points
// and keys): murmur3's finalizer, from Math.imul and shifts only, so it gives the same bits in
// every engine. Not cryptographic, and not meant to resist chosen keys.

/** murmur3's fmix32: every input bit flips each output bit with probability close to 1/2. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable 32-bit hash of two integers (say, a node id and a replica index), as an unsigned number. */
export function hashPair(a: number, b: number): number {
  return fmix32(Math.imul(fmix32(a), 0x9e3779b1) ^ (b | 0));
}
