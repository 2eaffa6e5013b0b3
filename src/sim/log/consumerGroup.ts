// A consumer group on one topic (as in Kafka): each partition is owned by at most one live consumer,
// which reads from its position and now and then commits it. Delivery is at least once: a crash
// rewinds the crashed consumer's partitions to their committed offsets, so the events processed
// since the last commit are delivered again and counted as duplicates. A consumer may work on
// several events of a partition at once (take, then finish, in any order, like a parallel
// consumer): a commit covers only the events below the oldest one still in flight. Left out:
// several topics, sticky or cooperative assignment, commit failures, the pause a rebalance takes
// (the caller's), per-key ordering within a partition.

export type AssignmentStrategy = 'range' | 'roundRobin';

/** Bounds: partitions per topic and consumers per group (Kafka allows more; a lab needs fewer). */
export const MAX_PARTITIONS = 1024;
export const MAX_CONSUMERS = 256;

const NONE = -1;

export class ConsumerGroup {
  readonly partitions: number;
  readonly maxConsumers: number;
  readonly strategy: AssignmentStrategy;
  /** Events processed a second time (or more) after a rewind. */
  duplicates = 0;
  /** Events deleted by retention before this group read them. */
  skipped = 0;
  processed = 0;
  /** Events in progress at the last crash, abandoned (not duplicates when done again). */
  abandonedInFlight = 0;

  // Per partition: the offset committed, the owner's position, the highest offset ever processed + 1.
  private readonly committedOf: Float64Array;
  private readonly positionOf: Float64Array;
  private readonly processedEnd: Float64Array;
  private readonly owner: Int32Array;
  private readonly alive: Uint8Array;
  /** Per partition: offsets taken and not finished (at most a consumer's workers, so a short list). */
  private readonly inFlight: number[][];
  /** Per partition: offsets below processedEnd never finished (in flight at a crash): not duplicates when redone. */
  private readonly holes: Set<number>[];

  constructor(partitions: number, maxConsumers: number, strategy: AssignmentStrategy = 'range') {
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS)
      throw new RangeError(`partitions must be an integer from 1 to ${MAX_PARTITIONS}, not ${partitions}`);
    if (!Number.isInteger(maxConsumers) || maxConsumers < 1 || maxConsumers > MAX_CONSUMERS)
      throw new RangeError(`maxConsumers must be an integer from 1 to ${MAX_CONSUMERS}, not ${maxConsumers}`);
    if (strategy !== 'range' && strategy !== 'roundRobin')
      throw new RangeError(`strategy must be 'range' or 'roundRobin', not ${String(strategy)}`);
    this.partitions = partitions;
    this.maxConsumers = maxConsumers;
    this.strategy = strategy;
    this.committedOf = new Float64Array(partitions);
    this.positionOf = new Float64Array(partitions);
    this.processedEnd = new Float64Array(partitions);
    this.owner = new Int32Array(partitions).fill(NONE);
    this.alive = new Uint8Array(maxConsumers);
    this.inFlight = Array.from({ length: partitions }, () => []);
    this.holes = Array.from({ length: partitions }, () => new Set<number>());
  }

  /** The consumer reading the partition, or -1 while none does (before a rebalance). */
  ownerOf(partition: number): number {
    return this.owner[this.checkPartition(partition)] as number;
  }

  position(partition: number): number {
    return this.positionOf[this.checkPartition(partition)] as number;
  }

  committed(partition: number): number {
    return this.committedOf[this.checkPartition(partition)] as number;
  }

  /** One past the highest offset ever processed: below it, a delivery is a duplicate. */
  deliveredEnd(partition: number): number {
    return this.processedEnd[this.checkPartition(partition)] as number;
  }

  isAlive(consumer: number): boolean {
    return this.alive[this.checkConsumer(consumer)] === 1;
  }

  /** Events processed since the partition's last commit: what a crash now would deliver again. */
  uncommitted(partition: number): number {
    return this.position(partition) - (this.committedOf[partition] as number);
  }

  /** The owner processes the event at its position at once (take and finish): returns its offset. */
  process(partition: number): number {
    const offset = this.take(partition);
    this.finish(partition, offset);
    return offset;
  }

  /** The owner starts on the event at its position (the caller checked it is below the watermark). */
  take(partition: number): number {
    this.checkPartition(partition);
    if (this.owner[partition] === NONE) throw new RangeError(`partition ${partition} has no consumer`);
    const offset = this.positionOf[partition] as number;
    this.positionOf[partition] = offset + 1;
    (this.inFlight[partition] as number[]).push(offset);
    return offset;
  }

  /** A taken event is done; returns true when it had been processed before (a duplicate). */
  finish(partition: number, offset: number): boolean {
    const flying = this.inFlight[this.checkPartition(partition)] as number[];
    const at = flying.indexOf(offset);
    if (at < 0) throw new RangeError(`offset ${offset} of partition ${partition} is not in flight`);
    flying.splice(at, 1);
    this.processed++;
    const holes = this.holes[partition] as Set<number>;
    if (offset >= (this.processedEnd[partition] as number)) {
      // Offsets skipped over by this finish (still in flight elsewhere) are not yet processed.
      for (let o = this.processedEnd[partition] as number; o < offset; o++) holes.add(o);
      this.processedEnd[partition] = offset + 1;
      return false;
    }
    if (holes.delete(offset)) return false;
    this.duplicates++;
    return true;
  }

  /** True while the event is taken and not finished (a rebalance or crash abandons it). */
  holds(partition: number, offset: number): boolean {
    return (this.inFlight[this.checkPartition(partition)] as number[]).includes(offset);
  }

  /** Events taken and not finished on a partition. */
  inFlightCount(partition: number): number {
    return (this.inFlight[this.checkPartition(partition)] as number[]).length;
  }

  /** The offset a commit now would record: below it, every event is done. */
  safeOffset(partition: number): number {
    const flying = this.inFlight[this.checkPartition(partition)] as number[];
    let low = this.positionOf[partition] as number;
    for (const o of flying) if (o < low) low = o;
    return low;
  }

  /** Retention deleted events below logStartOffset: a consumer behind it skips them (they are missed). */
  skipToLogStart(partition: number, logStartOffset: number): number {
    const position = this.position(partition);
    if (position >= logStartOffset) return 0;
    const missed = logStartOffset - position;
    this.skipped += missed;
    for (const o of this.holes[partition] as Set<number>) if (o < logStartOffset) this.holes[partition]?.delete(o);
    this.positionOf[partition] = logStartOffset;
    this.processedEnd[partition] = Math.max(this.processedEnd[partition] as number, logStartOffset);
    return missed;
  }

  /** Commits the positions of every partition the consumer owns (an auto-commit tick). */
  commit(consumer: number): void {
    this.checkConsumer(consumer);
    for (let p = 0; p < this.partitions; p++) if (this.owner[p] === consumer) this.committedOf[p] = this.safeOffset(p);
  }

  /** A consumer joins (or comes back); it gets partitions at the next rebalance. */
  join(consumer: number): void {
    this.alive[this.checkConsumer(consumer)] = 1;
  }

  /** A consumer leaves cleanly: its partitions are committed, then wait for the next rebalance. */
  leave(consumer: number): void {
    this.commit(consumer);
    this.release(consumer);
  }

  /**
   * A consumer crashes: its partitions rewind to their commits. Returns the events it had finished
   * since then, which will be processed again (duplicates); those it was still working on
   * (abandonedInFlight) start over without counting as duplicates.
   */
  crash(consumer: number): number {
    this.checkConsumer(consumer);
    let rewound = 0;
    this.abandonedInFlight = 0;
    for (let p = 0; p < this.partitions; p++) {
      if (this.owner[p] !== consumer) continue;
      const flying = (this.inFlight[p] as number[]).length;
      rewound += (this.positionOf[p] as number) - (this.committedOf[p] as number) - flying;
      this.abandonedInFlight += flying;
      this.dropInFlight(p);
      this.positionOf[p] = this.committedOf[p] as number;
    }
    this.release(consumer);
    return rewound;
  }

  /**
   * Assigns every partition over the live consumers, in id order; returns the partitions whose owner
   * changed. A partition taken from a live consumer is committed first (as Kafka's auto-commit does
   * on revocation), so a graceful rebalance delivers nothing twice.
   */
  rebalance(): number[] {
    const members: number[] = [];
    for (let c = 0; c < this.maxConsumers; c++) if (this.alive[c] === 1) members.push(c);
    const moved: number[] = [];
    for (let p = 0; p < this.partitions; p++) {
      const next = members.length === 0 ? NONE : (members[this.slotOf(p, members.length)] as number);
      const previous = this.owner[p] as number;
      if (next === previous) continue;
      if (previous !== NONE) {
        // A graceful handover: events in flight are abandoned (they will be done again, uncounted).
        this.committedOf[p] = this.safeOffset(p);
        this.dropInFlight(p);
      }
      // The new owner starts from the commit: the same as the position after the commit above.
      this.positionOf[p] = this.committedOf[p] as number;
      this.owner[p] = next;
      moved.push(p);
    }
    return moved;
  }

  /** Which of n members (by rank) owns partition p: contiguous ranges, or dealt round robin. */
  private slotOf(p: number, n: number): number {
    if (this.strategy === 'roundRobin') return p % n;
    // Range (Kafka's RangeAssignor): the first P mod n members get one partition more.
    const base = Math.floor(this.partitions / n);
    const extra = this.partitions % n;
    const cut = extra * (base + 1);
    return p < cut ? Math.floor(p / (base + 1)) : extra + Math.floor((p - cut) / base);
  }

  /** Events in flight on p are abandoned: not processed, so not duplicates when done later. */
  private dropInFlight(p: number): void {
    const flying = this.inFlight[p] as number[];
    for (const o of flying) if (o < (this.processedEnd[p] as number)) this.holes[p]?.add(o);
    flying.length = 0;
  }

  private release(consumer: number): void {
    this.alive[consumer] = 0;
    for (let p = 0; p < this.partitions; p++)
      if (this.owner[p] === consumer) {
        this.dropInFlight(p);
        this.owner[p] = NONE;
      }
  }

  private checkPartition(partition: number): number {
    if (!Number.isInteger(partition) || partition < 0 || partition >= this.partitions)
      throw new RangeError(`partition must be an integer from 0 to ${this.partitions - 1}, not ${partition}`);
    return partition;
  }

  private checkConsumer(consumer: number): number {
    if (!Number.isInteger(consumer) || consumer < 0 || consumer >= this.maxConsumers)
      throw new RangeError(`consumer must be an integer from 0 to ${this.maxConsumers - 1}, not ${consumer}`);
    return consumer;
  }
}
