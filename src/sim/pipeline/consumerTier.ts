// One consumer group at run time: its members are nodes (name-1, name-2, …), each with `workers`
// slots that process events of the partitions it owns, oldest event first across them. A change of
// members (a crash, a restart, one added or removed) stops the whole group for rebalancePauseMs
// (an eager rebalance) before partitions are dealt again. Offsets are committed every
// commitIntervalMs by every member at once. The delay of an event is from its write's
// acknowledgement to the end of its processing (indexed, or the email sent).
import { ConsumerGroup } from '../log/consumerGroup';
import { Histogram } from '../histogram';
import { samplerOf, type Sampler } from '../random';
import type { ConsumerGroupSettings } from './pipelineSchema';

export const FREE = -1;

export class GroupRuntime {
  readonly settings: ConsumerGroupSettings;
  readonly group: ConsumerGroup;
  readonly sampler: Sampler;
  readonly workers: number;
  /** Node index of the group's first consumer slot. */
  readonly firstNode: number;
  /** Per worker slot (consumer * workers + w): its partition (FREE when idle), offset and a generation. */
  readonly workerPartition: Int32Array;
  readonly workerOffset: Float64Array;
  readonly workerGen: Int32Array;
  readonly busy: Int32Array;
  /** While the group rebalances, no member takes new events. */
  rebalancing = false;
  rebalanceToken = 0;
  /** Write acknowledged to processed, ms, first processing of each event only. */
  readonly delays = new Histogram();
  /** From an event's append to a worker taking it, ms (each take, redeliveries included): the queue's wait. */
  readonly waits = new Histogram();

  constructor(settings: ConsumerGroupSettings, partitions: number, firstNode: number) {
    this.settings = settings;
    this.group = new ConsumerGroup(partitions, settings.maxConsumers, settings.assignment);
    this.sampler = samplerOf(settings.serviceTime);
    this.workers = settings.workers;
    this.firstNode = firstNode;
    const slots = settings.maxConsumers * settings.workers;
    this.workerPartition = new Int32Array(slots).fill(FREE);
    this.workerOffset = new Float64Array(slots);
    this.workerGen = new Int32Array(slots);
    this.busy = new Int32Array(settings.maxConsumers);
    for (let c = 0; c < settings.consumers; c++) this.group.join(c);
    this.group.rebalance();
  }

  /** Frees every worker slot of consumer c (a crash, or it left): its events in flight are void. */
  freeWorkers(c: number): void {
    for (let w = c * this.workers; w < (c + 1) * this.workers; w++) {
      this.workerPartition[w] = FREE;
      this.workerGen[w] = ((this.workerGen[w] as number) + 1) | 0;
    }
    this.busy[c] = 0;
  }

  /** Live members now. */
  members(): number {
    let n = 0;
    for (let c = 0; c < this.settings.maxConsumers; c++) if (this.group.isAlive(c)) n++;
    return n;
  }

  /** Partitions consumer c owns now. */
  owned(c: number): number {
    let n = 0;
    for (let p = 0; p < this.group.partitions; p++) if (this.group.ownerOf(p) === c) n++;
    return n;
  }
}
