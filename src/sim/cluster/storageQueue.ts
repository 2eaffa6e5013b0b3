// Storage nodes with a capacity (scenario `storage.capacity`): a node serves at most `slots` disk
// operations at once (like IOPS slots); one that finds every slot busy waits in a FIFO queue of at
// most `queueLimit`, and one that finds the queue full is rejected at once ("overloaded"). With
// exponential disk times and Poisson arrivals a node is an M/M/c queue (docs/model.md, "Storage
// capacity"). Like the rest of a storage round this is computed when the round starts, without
// events: operations queue in the order coordinators send them, which differs from the order
// they arrive only by the jitter of one hop, and each starts when the earliest slot comes free.
// An operation keeps its slot after its request has been answered (or abandoned): the disk does
// the work anyway. A crash or restart of the node drops its queue and the work in service.
// Left out: priorities, a queue per disk (a node's slots serve all of its disks), cancelling.
import type { SimState } from '../state';
import { MAX_RF } from '../codes';

/** A round's record for a replica the coordinator did not ask (or whose ask never arrived). */
const NOT_ASKED = Number.NaN;
/** A wait that is no wait: the replica rejected the operation because its queue was full. */
export const REJECTED = -1;
const FIRST_RING = 16;

export class StorageQueues {
  readonly slots: number;
  /** Changeable while running (setStorageQueueLimit): lowering it sheds load sooner; queued operations stay. */
  queueLimit: number;
  /** Per storage node, a binary min-heap of the times its slots come free (node s at s * slots). */
  private readonly freeAtMs: Float64Array;
  /** Per node, the start times of operations waiting for a slot, oldest first (a ring, grown up to queueLimit). */
  private readonly waiting: Float64Array[];
  private readonly waitingHead: Int32Array;
  private readonly waitingLength: Int32Array;
  /** The node epoch each queue belongs to: a crash or a restart since then dropped it. */
  private readonly epoch: Int32Array;
  /** Operations waiting ahead of the last one admitted (for the flight recorder). */
  ahead = 0;

  // The waits of each request's current round, kept until its reply arrives: a fault during the
  // round replays it (storage.ts), and the replay must see the queue as it was, not as it is.
  private roundBase = new Int32Array(0);
  private roundRoom = new Int32Array(0);
  private roundReplicas = new Uint8Array(0);
  private roundPartitions = new Int32Array(0);
  private waits = new Float64Array(1024);
  private waitsUsed = 0;

  constructor(storageCount: number, capacity: { slots: number; queueLimit: number }) {
    this.slots = capacity.slots;
    this.queueLimit = capacity.queueLimit;
    this.freeAtMs = new Float64Array(storageCount * this.slots);
    const ring = Math.min(FIRST_RING, this.queueLimit);
    this.waiting = Array.from({ length: storageCount }, () => new Float64Array(ring));
    this.waitingHead = new Int32Array(storageCount);
    this.waitingLength = new Int32Array(storageCount);
    this.epoch = new Int32Array(storageCount);
  }

  /**
   * An operation arriving at storage node s at arriveMs that needs serviceMs of disk: its wait
   * for a slot, ms, or REJECTED. `epoch` is the node's epoch now.
   */
  admit(s: number, epoch: number, arriveMs: number, serviceMs: number): number {
    if (this.epoch[s] !== epoch) this.drop(s, epoch);
    const top = s * this.slots;
    const freeMs = this.freeAtMs[top] as number;
    this.ahead = 0;
    if (freeMs <= arriveMs) {
      this.replaceEarliest(top, arriveMs + serviceMs);
      return 0;
    }
    const ring = this.waiting[s] as Float64Array;
    let head = this.waitingHead[s] as number;
    let length = this.waitingLength[s] as number;
    // Waiting operations start in time order (each took the earliest free slot): drop the started.
    while (length > 0 && (ring[head] as number) <= arriveMs) {
      head = head + 1 === ring.length ? 0 : head + 1;
      length--;
    }
    this.waitingHead[s] = head;
    this.waitingLength[s] = length;
    if (length >= this.queueLimit) return REJECTED;
    this.ahead = length;
    this.enqueue(s, freeMs);
    this.replaceEarliest(top, freeMs + serviceMs);
    return freeMs - arriveMs;
  }

  /** Operations waiting at node s at nowMs (0 if the node went down or came back since they queued). */
  queuedAt(s: number, epoch: number, nowMs: number): number {
    if (this.epoch[s] !== epoch) return 0;
    const ring = this.waiting[s] as Float64Array;
    const head = this.waitingHead[s] as number;
    // Start times are in order: binary search for the first still waiting at nowMs.
    let lo = 0;
    let hi = this.waitingLength[s] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ring[(head + mid) % ring.length] as number) <= nowMs) lo = mid + 1;
      else hi = mid;
    }
    return (this.waitingLength[s] as number) - lo;
  }

  /** Slots of node s busy at nowMs. */
  busyAt(s: number, epoch: number, nowMs: number): number {
    if (this.epoch[s] !== epoch) return 0;
    let busy = 0;
    for (let i = s * this.slots, end = i + this.slots; i < end; i++) if ((this.freeAtMs[i] as number) > nowMs) busy++;
    return busy;
  }

  /** A fresh round of request slot `slot` over `partitions` partitions of `replicas` replicas: forget the last one. */
  beginRound(slot: number, partitions: number, replicas: number): void {
    if (slot >= this.roundBase.length) this.growRounds(slot + 1);
    const need = partitions * replicas;
    if (need > (this.roundRoom[slot] as number)) {
      let room = 4;
      while (room < need) room *= 2;
      if (this.waitsUsed + room > this.waits.length) {
        let size = this.waits.length * 2;
        while (size < this.waitsUsed + room) size *= 2;
        const grown = new Float64Array(size);
        grown.set(this.waits.subarray(0, this.waitsUsed));
        this.waits = grown;
      }
      // The old block is left behind: a slot's room only doubles, so at most half the pool is idle.
      this.roundBase[slot] = this.waitsUsed;
      this.roundRoom[slot] = room;
      this.waitsUsed += room;
    }
    this.roundReplicas[slot] = replicas;
    this.roundPartitions[slot] = partitions;
    const base = this.roundBase[slot] as number;
    this.waits.fill(NOT_ASKED, base, base + need);
  }

  /** Records the wait (or REJECTED) of replica r of the k-th partition of slot's fresh round. */
  record(slot: number, k: number, r: number, waitMs: number): void {
    this.waits[(this.roundBase[slot] as number) + k * (this.roundReplicas[slot] as number) + r] = waitMs;
  }

  /** What the fresh round recorded for that replica: a wait, REJECTED, or NaN (it was not asked). */
  recorded(slot: number, k: number, r: number): number {
    if (slot >= this.roundBase.length) return NOT_ASKED;
    const replicas = this.roundReplicas[slot] as number;
    if (k >= (this.roundPartitions[slot] as number) || r >= replicas) return NOT_ASKED;
    return this.waits[(this.roundBase[slot] as number) + k * replicas + r] as number;
  }

  private drop(s: number, epoch: number): void {
    this.freeAtMs.fill(0, s * this.slots, (s + 1) * this.slots);
    this.waitingHead[s] = 0;
    this.waitingLength[s] = 0;
    this.epoch[s] = epoch;
  }

  private enqueue(s: number, startMs: number): void {
    let ring = this.waiting[s] as Float64Array;
    const head = this.waitingHead[s] as number;
    const length = this.waitingLength[s] as number;
    if (length === ring.length) {
      const grown = new Float64Array(Math.min(this.queueLimit, Math.max(FIRST_RING, ring.length * 2)));
      for (let i = 0; i < length; i++) grown[i] = ring[(head + i) % ring.length] as number;
      this.waiting[s] = ring = grown;
      this.waitingHead[s] = 0;
      ring[length] = startMs;
    } else ring[(head + length) % ring.length] = startMs;
    this.waitingLength[s] = length + 1;
  }

  /** The earliest-free slot of the heap at `top` is taken until freeMs: sift it down. */
  private replaceEarliest(top: number, freeMs: number): void {
    const heap = this.freeAtMs;
    const n = this.slots;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && (heap[top + right] as number) < (heap[top + left] as number) ? right : left;
      if ((heap[top + child] as number) >= freeMs) break;
      heap[top + i] = heap[top + child] as number;
      i = child;
    }
    heap[top + i] = freeMs;
  }

  private growRounds(least: number): void {
    let size = Math.max(64, this.roundBase.length * 2);
    while (size < least) size *= 2;
    const grow = <T extends Int32Array | Uint8Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.roundBase = grow(this.roundBase, new Int32Array(size));
    this.roundRoom = grow(this.roundRoom, new Int32Array(size));
    this.roundReplicas = grow(this.roundReplicas, new Uint8Array(size));
    this.roundPartitions = grow(this.roundPartitions, new Int32Array(size));
  }
}

/**
 * A replica operation of request slot `slot` (k-th partition, replica slot idx) at storage node
 * `storage`: a fresh round takes a place in the node's queue and records it; a replay reads what
 * the fresh round got (NaN for a replica it did not ask).
 */
export function queueWait(
  st: SimState,
  queues: StorageQueues,
  slot: number,
  k: number,
  idx: number,
  storage: number,
  arriveMs: number,
  serviceMs: number,
  fresh: boolean,
): number {
  const r = idx % MAX_RF;
  if (!fresh) return queues.recorded(slot, k, r);
  const waitMs = queues.admit(storage, st.nodeEpoch[st.storageNode(storage)] as number, arriveMs, serviceMs);
  queues.record(slot, k, r, waitMs);
  if (waitMs === REJECTED) st.metrics.storageRejected();
  else if (waitMs > 0) st.metrics.storageQueued();
  return waitMs;
}
