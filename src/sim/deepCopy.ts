// A copy of an object graph that shares nothing mutable with the original, so a whole simulation
// can be checkpointed and later resumed while the original runs on. Typed arrays, arrays, maps,
// sets and objects are copied; class instances keep their prototype (and so their methods);
// references shared inside the graph stay shared in the copy, and cycles are kept. Functions are
// shared: in the simulation they are hooks (an observer), not state.

type Copied = Map<object, unknown>;

export interface CopyStats {
  /** Bytes of typed-array storage copied: most of a simulation's size. */
  typedBytes: number;
}

export function deepCopy<T>(value: T, stats?: CopyStats): T {
  return copy(value, new Map(), stats) as T;
}

function copy(value: unknown, copied: Copied, stats: CopyStats | undefined): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = copied.get(value);
  if (known !== undefined) return known;
  if (ArrayBuffer.isView(value)) {
    if (value instanceof DataView) throw new Error('deepCopy: DataView is not supported');
    const view = value as unknown as { slice(): ArrayBufferView; byteLength: number };
    const twin = view.slice();
    if (stats) stats.typedBytes += view.byteLength;
    copied.set(value, twin);
    return twin;
  }
  if (value instanceof ArrayBuffer) throw new Error('deepCopy: a bare ArrayBuffer is not supported');
  if (Array.isArray(value)) {
    const twin = new Array<unknown>(value.length);
    copied.set(value, twin);
    for (let i = 0; i < value.length; i++) twin[i] = copy(value[i], copied, stats);
    return twin;
  }
  if (value instanceof Map) {
    const twin = new Map<unknown, unknown>();
    copied.set(value, twin);
    for (const [k, v] of value) twin.set(copy(k, copied, stats), copy(v, copied, stats));
    return twin;
  }
  if (value instanceof Set) {
    const twin = new Set<unknown>();
    copied.set(value, twin);
    for (const v of value) twin.add(copy(v, copied, stats));
    return twin;
  }
  const twin = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  copied.set(value, twin);
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) twin[key] = copy(source[key], copied, stats);
  return twin;
}
