// 32-bit integer hashing for the cache's building blocks (the LRU's table, the hash ring's points
// and keys): murmur3's finalizer, from Math.imul and shifts only, so it gives the same bits in
// every engine. Not cryptographic, and not meant to resist chosen keys.

/** murmur3's fmix32: every input bit flips each output bit with probability close to 1/2. */
export function fmix32(h: number): number {
  return fmix32Word(h) >>> 0;
}

/** fmix32's 32 bits as a signed word: a small integer, where an unsigned one above 2^31 is boxed in V8. */
export function fmix32Word(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * (word >>> 0) % n for a signed 32-bit word and 0 < n <= 2^30, as 2 * (word >>> 1) + (word & 1):
 * every part stays below 2^31. V8 takes the remainder of an unsigned word above that in floating
 * point (x87 fprem), and hands back a double that makes the arithmetic downstream floating point too.
 */
export function unsignedMod(word: number, n: number): number {
  return (2 * ((word >>> 1) % n) + (word & 1)) % n;
}

/** A stable 32-bit hash of two integers (say, a node id and a replica index), as an unsigned number. */
export function hashPair(a: number, b: number): number {
  return fmix32(Math.imul(fmix32(a), 0x9e3779b1) ^ (b | 0));
}
