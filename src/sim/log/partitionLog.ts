// One partition of a replicated topic (as in Kafka): an append-only run of events at monotonic
// offsets, a leader and followers each with its log end offset, an in-sync replica set (ISR), a high
// watermark, an acks policy and retention. Followers hold prefixes of the leader's log, so one
// stored sequence serves every replica. Left out: bytes and segments, leader epochs (truncation
// happens at election, which is where it would take effect), unclean election, producer retries.

/** Why append() refused: no leader (crashed, election pending), too few in sync, or the log is full. */
export const AppendRefused = { noLeader: -1, notEnoughInSync: -2, full: -3 } as const;
export type AppendRefused = (typeof AppendRefused)[keyof typeof AppendRefused];

export type Acks = 'leader' | 'all';

export interface PartitionLogOptions {
  readonly replicationFactor: number;
  readonly acks: Acks;
  /** With acks 'all', appends are refused while fewer replicas than this are in sync. */
  readonly minInSync: number;
  /** A follower that has not caught up to the leader's log end for longer than this leaves the ISR. */
  readonly lagBoundMs: number;
  /** Events appended this long ago or more are deleted; Infinity keeps them (bounded by count). */
  readonly retentionMs: number;
  /** At most this many events are kept; also the size of the stored ring. */
  readonly retentionCount: number;
}

/** Bounds: replicas per partition (Kafka clusters rarely go above 5) and events kept per partition. */
export const MAX_REPLICATION_FACTOR = 16;
export const MAX_RETENTION_COUNT = 1 << 22;

const NONE = -1;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class PartitionLog {
  /** acks, minInSync and retentionMs may change while running (setPolicy); the rest are fixed. */
  readonly options: Mutable<PartitionLogOptions>;
  /** Writes of unacknowledged events a leader change cut (acks 'all'): the producer sends them again. */
  readonly droppedWrites: number[] = [];
  /** First offset still stored: everything below it was deleted by retention. */
  logStartOffset = 0;
  /** Offset the next append takes (the leader's log end offset). */
  logEndOffset = 0;
  /** Every offset below this is on every in-sync replica: what consumers may read. */
  highWatermark = 0;
  leader = 0;
  /** Events an acknowledged producer believed safe that a leader change truncated. */
  acknowledgedLost = 0;
  /** Events truncated that no producer had been told were written (acks 'all', above the watermark). */
  unacknowledgedDropped = 0;
  deletedByRetention = 0;

  // A ring over offsets: offset o lives at o % retentionCount while logStart <= o < logEnd.
  private readonly appendMsOf: Float64Array;
  private readonly writeOf: Float64Array;
  // Per replica: log end offset, last time it had everything the leader had, in sync, online.
  private readonly replicaEnd: Float64Array;
  private readonly caughtUpMs: Float64Array;
  private readonly inSync: Uint8Array;
  private readonly online: Uint8Array;
  private inSyncCount: number;
  /** The last leader, kept while no replica leads: it alone may resume without losing anything. */
  private lastLeader = 0;

  constructor(options: PartitionLogOptions) {
    const { replicationFactor: rf, minInSync, lagBoundMs, retentionMs, retentionCount } = options;
    if (!Number.isInteger(rf) || rf < 1 || rf > MAX_REPLICATION_FACTOR)
      throw new RangeError(`replicationFactor must be an integer from 1 to ${MAX_REPLICATION_FACTOR}, not ${rf}`);
    if (!Number.isInteger(minInSync) || minInSync < 1 || minInSync > rf)
      throw new RangeError(`minInSync must be an integer from 1 to the replicationFactor (${rf}), not ${minInSync}`);
    if (options.acks !== 'leader' && options.acks !== 'all')
      throw new RangeError(`acks must be 'leader' or 'all', not ${String(options.acks)}`);
    if (!(lagBoundMs > 0 && lagBoundMs < Number.POSITIVE_INFINITY))
      throw new RangeError(`lagBoundMs must be a positive number, not ${lagBoundMs}`);
    if (!(retentionMs > 0)) throw new RangeError(`retentionMs must be positive (or Infinity), not ${retentionMs}`);
    if (!Number.isInteger(retentionCount) || retentionCount < 1 || retentionCount > MAX_RETENTION_COUNT)
      throw new RangeError(`retentionCount must be an integer from 1 to ${MAX_RETENTION_COUNT}, not ${retentionCount}`);
    this.options = { ...options };
    this.appendMsOf = new Float64Array(retentionCount);
    this.writeOf = new Float64Array(retentionCount);
    this.replicaEnd = new Float64Array(rf);
    this.caughtUpMs = new Float64Array(rf);
    this.inSync = new Uint8Array(rf).fill(1);
    this.online = new Uint8Array(rf).fill(1);
    this.inSyncCount = rf;
  }

  /** Changes the acks policy, the minimum in sync or retention by time (checked like the constructor's). */
  setPolicy(change: { acks?: Acks; minInSync?: number; retentionMs?: number }): void {
    const rf = this.options.replicationFactor;
    const minInSync = change.minInSync ?? this.options.minInSync;
    if (!Number.isInteger(minInSync) || minInSync < 1 || minInSync > rf)
      throw new RangeError(`minInSync must be an integer from 1 to the replicationFactor (${rf}), not ${minInSync}`);
    const retentionMs = change.retentionMs ?? this.options.retentionMs;
    if (!(retentionMs > 0)) throw new RangeError(`retentionMs must be positive (or Infinity), not ${retentionMs}`);
    this.options.acks = change.acks ?? this.options.acks;
    this.options.minInSync = minInSync;
    this.options.retentionMs = retentionMs;
  }

  get inSyncReplicas(): number {
    return this.inSyncCount;
  }

  isInSync(replica: number): boolean {
    return this.inSync[this.checkReplica(replica)] === 1;
  }

  isOnline(replica: number): boolean {
    return this.online[this.checkReplica(replica)] === 1;
  }

  replicaEndOffset(replica: number): number {
    return this.replicaEnd[this.checkReplica(replica)] as number;
  }

  eventAppendMs(offset: number): number {
    return this.appendMsOf[this.slotOf(offset)] as number;
  }

  /** The write (its sequence number) the event at offset records. */
  eventWrite(offset: number): number {
    return this.writeOf[this.slotOf(offset)] as number;
  }

  /**
   * Appends an event on the leader; returns its offset, or an AppendRefused code. With acks
   * 'leader' the producer is acknowledged now; with 'all', once the high watermark passes it.
   */
  append(nowMs: number, write: number): number {
    if (this.leader === NONE) return AppendRefused.noLeader;
    if (this.options.acks === 'all' && this.inSyncCount < this.options.minInSync) return AppendRefused.notEnoughInSync;
    const capacity = this.options.retentionCount;
    if (this.logEndOffset - this.logStartOffset === capacity) {
      // Retention never deletes above the watermark (nor does Kafka): a follower may still need it.
      if (this.logStartOffset >= this.highWatermark) return AppendRefused.full;
      this.deleteBelow(this.logStartOffset + 1);
    }
    const offset = this.logEndOffset++;
    this.appendMsOf[offset % capacity] = nowMs;
    this.writeOf[offset % capacity] = write;
    this.replicaEnd[this.leader] = this.logEndOffset;
    this.caughtUpMs[this.leader] = nowMs;
    this.updateHighWatermark();
    return offset;
  }

  /**
   * A follower fetches up to maxEvents from the leader. Reaching the leader's log end counts as
   * caught up, which keeps it in the ISR or brings it back. Returns the events fetched.
   */
  replicate(replica: number, nowMs: number, maxEvents = Number.POSITIVE_INFINITY): number {
    this.checkReplica(replica);
    if (this.leader === NONE || replica === this.leader || this.online[replica] === 0) return 0;
    // A follower behind the log start (offline while retention ran) starts over from there.
    const from = Math.max(this.replicaEnd[replica] as number, this.logStartOffset);
    const to = Math.min(this.logEndOffset, from + maxEvents);
    this.replicaEnd[replica] = to;
    if (to === this.logEndOffset) {
      this.caughtUpMs[replica] = nowMs;
      if (this.inSync[replica] === 0) {
        this.inSync[replica] = 1;
        this.inSyncCount++;
      }
    }
    this.updateHighWatermark();
    return to - from;
  }

  /** Drops from the ISR every follower not caught up within lagBoundMs; returns how many left. */
  shrinkInSync(nowMs: number): number {
    // The leader shrinks the ISR: without one, followers stay as they were until the election.
    if (this.leader === NONE) return 0;
    let removed = 0;
    for (let r = 0; r < this.replicaEnd.length; r++) {
      if (r === this.leader || this.inSync[r] === 0) continue;
      if (nowMs - (this.caughtUpMs[r] as number) <= this.options.lagBoundMs) continue;
      this.inSync[r] = 0;
      this.inSyncCount--;
      removed++;
    }
    // Waiting for a slow follower no longer holds the watermark back.
    if (removed > 0) this.updateHighWatermark();
    return removed;
  }

  /**
   * A replica crashes (or its disk fails, losing its log). A leader leaves the partition leaderless,
   * refusing appends, until electLeader() runs after the caller's detection delay.
   */
  failReplica(replica: number, diskLost = false): void {
    this.checkReplica(replica);
    if (this.online[replica] === 0) {
      // A disk lost while its broker was already down: the copy is gone all the same.
      if (diskLost) this.replicaEnd[replica] = this.logStartOffset;
      return;
    }
    this.online[replica] = 0;
    if (diskLost) this.replicaEnd[replica] = this.logStartOffset;
    if (this.inSync[replica] === 1) {
      this.inSync[replica] = 0;
      this.inSyncCount--;
    }
    if (replica === this.leader) {
      this.lastLeader = replica;
      this.leader = NONE;
    } else this.updateHighWatermark();
  }

  /**
   * Clean election: the first in-sync online replica leads; the log is cut back to its log end.
   * With acks 'leader' that cut loses acknowledged events; with 'all' it never does, since every
   * in-sync replica holds everything below the watermark. Returns the acknowledged events lost.
   */
  electLeader(nowMs: number): number {
    if (this.leader !== NONE) return 0;
    let chosen = NONE;
    for (let r = 0; r < this.replicaEnd.length && chosen === NONE; r++)
      if (this.inSync[r] === 1 && this.online[r] === 1) chosen = r;
    if (chosen === NONE) return 0; // wait for the last leader (unclean election is left out)
    return this.takeLead(chosen, nowMs);
  }

  /**
   * A replica comes back, not in sync until it has caught up. If none leads, the last leader resumes
   * (returning the acknowledged events lost, which only a lost disk makes more than 0).
   */
  restartReplica(replica: number, nowMs: number): number {
    this.checkReplica(replica);
    if (this.online[replica] === 1) return 0;
    this.online[replica] = 1;
    this.caughtUpMs[replica] = nowMs;
    if (this.leader === NONE && replica === this.lastLeader) {
      this.inSync[replica] = 1;
      this.inSyncCount++;
      return this.takeLead(replica, nowMs);
    }
    // Events past the leader's end were truncated at the election: they were never the leader's log.
    this.replicaEnd[replica] = Math.min(this.replicaEnd[replica] as number, this.logEndOffset);
    return 0;
  }

  /** Deletes events appended retentionMs or more before nowMs (never above the watermark). */
  applyRetention(nowMs: number): number {
    const capacity = this.options.retentionCount;
    const cutoffMs = nowMs - this.options.retentionMs;
    let end = this.logStartOffset;
    while (end < this.highWatermark && (this.appendMsOf[end % capacity] as number) <= cutoffMs) end++;
    const deleted = end - this.logStartOffset;
    this.deleteBelow(end);
    return deleted;
  }

  private takeLead(replica: number, nowMs: number): number {
    const newEnd = this.replicaEnd[replica] as number;
    const oldEnd = this.logEndOffset;
    // What producers were told: every append with acks 'leader', up to the watermark with 'all'.
    const acknowledgedEnd = this.options.acks === 'leader' ? oldEnd : this.highWatermark;
    const lost = Math.max(0, acknowledgedEnd - Math.max(newEnd, this.logStartOffset));
    this.acknowledgedLost += lost;
    // Still in the ring: the events cut that no producer had been told were written.
    for (let o = Math.max(newEnd, acknowledgedEnd, this.logStartOffset); o < oldEnd; o++)
      this.droppedWrites.push(this.writeOf[o % this.options.retentionCount] as number);
    this.unacknowledgedDropped += Math.max(0, oldEnd - newEnd) - lost;
    this.logEndOffset = Math.max(newEnd, this.logStartOffset);
    for (let r = 0; r < this.replicaEnd.length; r++)
      this.replicaEnd[r] = Math.min(this.replicaEnd[r] as number, this.logEndOffset);
    // Only a last leader that lost its disk can hold less than the watermark.
    this.highWatermark = Math.min(this.highWatermark, this.logEndOffset);
    this.leader = replica;
    this.lastLeader = replica;
    this.caughtUpMs[replica] = nowMs;
    this.updateHighWatermark();
    return lost;
  }

  private deleteBelow(offset: number): void {
    this.deletedByRetention += offset - this.logStartOffset;
    this.logStartOffset = offset;
  }

  /** The watermark: the least log end among in-sync replicas; it moves back only on a lost disk. */
  private updateHighWatermark(): void {
    if (this.leader === NONE) return;
    let low = this.logEndOffset;
    for (let r = 0; r < this.replicaEnd.length; r++)
      if (this.inSync[r] === 1) low = Math.min(low, this.replicaEnd[r] as number);
    if (low > this.highWatermark) this.highWatermark = low;
  }

  private checkReplica(replica: number): number {
    if (!Number.isInteger(replica) || replica < 0 || replica >= this.replicaEnd.length)
      throw new RangeError(`replica must be an integer from 0 to ${this.replicaEnd.length - 1}, not ${replica}`);
    return replica;
  }

  private slotOf(offset: number): number {
    if (!Number.isInteger(offset) || offset < this.logStartOffset || offset >= this.logEndOffset)
      throw new RangeError(`offset ${offset} is not stored (${this.logStartOffset} to ${this.logEndOffset - 1})`);
    return offset % this.options.retentionCount;
  }
}
