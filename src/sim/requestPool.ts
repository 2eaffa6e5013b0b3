// The pool of in-flight user requests: parallel typed arrays indexed by slot, grown by doubling
// (up to MAX_REQUESTS_IN_FLIGHT), with a free list so finished slots are reused.
import type { SimState } from './state';

export function growRequests(st: SimState, capacity: number): void {
  const old = st.requestCapacity;
  const grow = <T extends Uint8Array | Int32Array | Float64Array>(arr: T, make: (n: number) => T): T => {
    const fresh = make(capacity);
    fresh.set(arr);
    return fresh;
  };
  st.reqState = grow(st.reqState, (k) => new Uint8Array(k));
  st.reqGen = grow(st.reqGen, (k) => new Int32Array(k));
  st.reqAttempt = grow(st.reqAttempt, (k) => new Uint8Array(k));
  st.reqFlags = grow(st.reqFlags, (k) => new Uint8Array(k));
  st.reqStartMs = grow(st.reqStartMs, (k) => new Float64Array(k));
  st.reqAttemptStartMs = grow(st.reqAttemptStartMs, (k) => new Float64Array(k));
  st.reqServer = grow(st.reqServer, (k) => new Int32Array(k));
  st.reqSendMs = grow(st.reqSendMs, (k) => new Float64Array(k));
  st.reqDrawSeed = grow(st.reqDrawSeed, (k) => new Int32Array(k));
  st.reqKeySeed = grow(st.reqKeySeed, (k) => new Int32Array(k));
  st.reqFaultEpoch = grow(st.reqFaultEpoch, (k) => new Int32Array(k));
  st.reqOutcome = grow(st.reqOutcome, (k) => new Uint8Array(k));
  st.reqPartition = grow(st.reqPartition, (k) => new Int32Array(k));
  st.reqMask = grow(st.reqMask, (k) => new Uint8Array(k));
  st.reqRound = grow(st.reqRound, (k) => new Uint8Array(k));
  st.reqCacheHits = grow(st.reqCacheHits, (k) => new Int32Array(k));
  // Free list is a stack: push in reverse so low slots are used first.
  for (let i = capacity - 1; i >= old; i--) st.freeRequests.push(i);
  st.requestCapacity = capacity;
}
