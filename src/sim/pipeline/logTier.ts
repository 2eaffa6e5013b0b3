// The brokers and the topic they carry: one PartitionLog per partition, replica r of partition p
// on broker (p + r) mod brokers. A broker that crashes, loses its disk or is cut off from the
// rest takes its replicas offline; a partition it led refuses appends until the controller elects
// an in-sync follower, electionDelayMs later. Followers fetch every fetchIntervalMs. Events cut at
// an election that no producer had been told were written (acks 'all') are sent again; with acks
// 'leader' the acknowledged ones a new leader lacks are lost, and counted. Left out: controller
// failure, unclean election, bytes and segments, producer batching and its hop.
import { AppendRefused, PartitionLog } from '../log/partitionLog';
import type { LogSettings } from './pipelineSchema';

export class LogTier {
  readonly settings: LogSettings;
  readonly brokers: number;
  readonly logs: PartitionLog[];
  /** Per broker: 1 while its disk is failed (its replicas hold nothing until it is replaced). */
  readonly diskFailed: Uint8Array;
  /** Per broker: 1 while the rest of the cluster counts it gone (down, disk failed or cut off). */
  readonly offline: Uint8Array;
  /** Per broker: fetch rounds owed (a slowed broker gathers 1/k per round and fetches at 1). */
  private readonly fetchCredit: Float64Array;
  appended = 0;
  /** Acknowledged writes whose change could not be appended (no leader, too few in sync): missed downstream. */
  changesMissed = 0;
  resent = 0;
  windowAppended = 0;

  constructor(settings: LogSettings) {
    this.settings = settings;
    this.brokers = settings.brokers;
    this.logs = Array.from(
      { length: settings.partitions },
      () =>
        new PartitionLog({
          replicationFactor: settings.replicationFactor,
          acks: settings.acks,
          minInSync: settings.minInSync,
          lagBoundMs: settings.lagBoundMs,
          retentionMs: settings.retentionMs ?? Number.POSITIVE_INFINITY,
          retentionCount: settings.retentionEvents,
        }),
    );
    this.diskFailed = new Uint8Array(this.brokers);
    this.offline = new Uint8Array(this.brokers);
    this.fetchCredit = new Float64Array(this.brokers);
  }

  brokerOf(p: number, replica: number): number {
    return (p + replica) % this.brokers;
  }

  /** The replica of partition p that broker b holds, or -1. */
  replicaOn(p: number, b: number): number {
    const r = (b - (p % this.brokers) + this.brokers) % this.brokers;
    return r < this.settings.replicationFactor ? r : -1;
  }

  /** Appends a change (packed key and version) to partition p; false when refused (the change is missed). */
  append(nowMs: number, p: number, change: number): boolean {
    const offset = (this.logs[p] as PartitionLog).append(nowMs, change);
    if (
      offset === AppendRefused.noLeader ||
      offset === AppendRefused.notEnoughInSync ||
      offset === AppendRefused.full
    ) {
      this.changesMissed++;
      return false;
    }
    this.appended++;
    this.windowAppended++;
    return true;
  }

  /** Broker b drops out (crash, lost disk, cut off): returns true when a partition it led needs a new leader. */
  brokerGone(b: number, diskLost: boolean): boolean {
    this.offline[b] = 1;
    let leaderless = false;
    for (let p = 0; p < this.logs.length; p++) {
      const r = this.replicaOn(p, b);
      if (r < 0) continue;
      const log = this.logs[p] as PartitionLog;
      const led = log.leader === r;
      log.failReplica(r, diskLost);
      if (led) leaderless = true;
    }
    return leaderless;
  }

  /** Broker b is back (restart, new disk, healed): its replicas catch up; a last leader resumes. */
  brokerBack(b: number, nowMs: number): void {
    this.offline[b] = 0;
    for (let p = 0; p < this.logs.length; p++) {
      const r = this.replicaOn(p, b);
      if (r >= 0) (this.logs[p] as PartitionLog).restartReplica(r, nowMs);
    }
    this.resendDropped(nowMs);
  }

  /** The controller elects leaders for leaderless partitions; returns acknowledged events lost. */
  elect(nowMs: number): number {
    let lost = 0;
    for (const log of this.logs) if (log.leader < 0) lost += log.electLeader(nowMs);
    this.resendDropped(nowMs);
    return lost;
  }

  /**
   * A fetch round: followers on reachable brokers copy from their leaders; the ISR and retention
   * are kept. A broker slowed by a factor k fetches on one round in k (its followers fall behind).
   */
  replicate(nowMs: number, slowOf: (b: number) => number): void {
    const rf = this.settings.replicationFactor;
    for (let b = 0; b < this.brokers; b++) {
      const credit = (this.fetchCredit[b] as number) + 1 / slowOf(b);
      this.fetchCredit[b] = credit >= 1 ? 1 : credit;
    }
    for (let p = 0; p < this.logs.length; p++) {
      const log = this.logs[p] as PartitionLog;
      for (let r = 0; r < rf; r++) {
        const b = this.brokerOf(p, r);
        if (this.offline[b] === 0 && log.isOnline(r) && (this.fetchCredit[b] as number) >= 1) log.replicate(r, nowMs);
      }
      log.shrinkInSync(nowMs);
      log.applyRetention(nowMs);
    }
    for (let b = 0; b < this.brokers; b++) if ((this.fetchCredit[b] as number) >= 1) this.fetchCredit[b] = 0;
  }

  leaderless(): number {
    let n = 0;
    for (const log of this.logs) if (log.leader < 0) n++;
    return n;
  }

  underReplicated(): number {
    let n = 0;
    for (const log of this.logs) if (log.inSyncReplicas < this.settings.replicationFactor) n++;
    return n;
  }

  acknowledgedLost(): number {
    let n = 0;
    for (const log of this.logs) n += log.acknowledgedLost;
    return n;
  }

  deletedByRetention(): number {
    let n = 0;
    for (const log of this.logs) n += log.deletedByRetention;
    return n;
  }

  /** True while every partition still holds its first event: a new reader can start from the beginning. */
  holdsEverything(): boolean {
    for (const log of this.logs) if (log.logStartOffset > 0) return false;
    return true;
  }

  storedEvents(): number {
    let n = 0;
    for (const log of this.logs) n += log.logEndOffset - log.logStartOffset;
    return n;
  }

  /** Leaders and replicas broker b holds now. */
  brokerLoad(b: number): { leaders: number; replicas: number } {
    let leaders = 0;
    let replicas = 0;
    for (let p = 0; p < this.logs.length; p++) {
      const r = this.replicaOn(p, b);
      if (r < 0) continue;
      const log = this.logs[p] as PartitionLog;
      if (log.isOnline(r)) replicas++;
      if (log.leader === r) leaders++;
    }
    return { leaders, replicas };
  }

  setPolicy(change: { acks?: 'leader' | 'all'; minInSync?: number; retentionMs?: number | null }): void {
    const retentionMs = change.retentionMs === null ? Number.POSITIVE_INFINITY : change.retentionMs;
    for (const log of this.logs)
      log.setPolicy({
        ...(change.acks !== undefined && { acks: change.acks }),
        ...(change.minInSync !== undefined && { minInSync: change.minInSync }),
        ...(retentionMs !== undefined && { retentionMs }),
      });
  }

  private resendDropped(nowMs: number): void {
    for (let p = 0; p < this.logs.length; p++) {
      const log = this.logs[p] as PartitionLog;
      if (log.droppedWrites.length === 0) continue;
      const again = log.droppedWrites.splice(0);
      for (const change of again) if (this.append(nowMs, p, change)) this.resent++;
    }
  }
}
