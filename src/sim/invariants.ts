// Checkers run by tests: they watch the observed event stream, rebuild what must be true from it
// independently of the engine's own bookkeeping, and collect every violation with its time.
import type { ObservedEvent } from './events';
import { QUANTILES } from './histogram';
import type { SimulationSnapshot } from './snapshot';

const MASKS = 32;

export class InvariantChecker {
  readonly violations: string[] = [];
  private readonly open = new Set<number>();
  private issued = 0;
  private succeeded = 0;
  private failed = 0;
  readonly latencies: number[] = [];
  private readonly nodeUp: boolean[];
  private readonly nodeChangedAt: number[];
  private sides: number[];
  private readonly linkEnds: [number, number][];
  private readonly linkCut: boolean[];
  private readonly linkChangedAt: number[];
  private readonly masks = new Map<number, Float64Array>();
  private lostWrites = 0;
  private lastDestroyed = { timeMs: -1, partition: -1, lost: 0 };

  constructor(initial: SimulationSnapshot) {
    const index = new Map(initial.nodes.map((n, i) => [n.id, i]));
    this.nodeUp = initial.nodes.map((n) => n.status === 'up');
    this.nodeChangedAt = initial.nodes.map(() => -1);
    this.sides = initial.nodes.map((n) => n.partitionSide);
    this.linkEnds = initial.links.map((l) => [index.get(l.a) ?? -1, index.get(l.b) ?? -1]);
    this.linkCut = initial.links.map((l) => l.cut);
    this.linkChangedAt = initial.links.map(() => -1);
  }

  private fail(timeMs: number, message: string): void {
    if (this.violations.length < 50) this.violations.push(`${timeMs.toFixed(3)} ms: ${message}`);
  }

  /** Whether link l (and its two nodes) has been usable continuously since sinceMs. */
  private pathHeld(link: number, sinceMs: number): boolean {
    const [a, b] = this.linkEnds[link] as [number, number];
    return (
      !(this.linkCut[link] as boolean) &&
      (this.linkChangedAt[link] as number) <= sinceMs &&
      (this.nodeUp[a] as boolean) &&
      (this.nodeUp[b] as boolean) &&
      (this.nodeChangedAt[a] as number) <= sinceMs &&
      (this.nodeChangedAt[b] as number) <= sinceMs &&
      this.sides[a] === this.sides[b]
    );
  }

  private maskOf(partition: number): Float64Array {
    let m = this.masks.get(partition);
    if (!m) this.masks.set(partition, (m = new Float64Array(MASKS)));
    return m;
  }

  readonly observe = (e: ObservedEvent): void => {
    switch (e.type) {
      case 'requestIssued':
        if (this.open.has(e.request)) this.fail(e.timeMs, `request slot ${e.request} issued while still open`);
        this.open.add(e.request);
        this.issued++;
        return;
      case 'requestSucceeded':
      case 'requestFailed':
        if (!this.open.delete(e.request))
          this.fail(e.timeMs, `request slot ${e.request} finished twice or never issued`);
        if (e.type === 'requestSucceeded') {
          this.succeeded++;
          this.latencies.push(e.latencyMs);
        } else this.failed++;
        return;
      case 'requestReceived':
        // The attempt crossed clients~lb and lb~app: both must have held since it was sent.
        if (!this.pathHeld(0, e.sentMs) || !this.pathHeld(1 + e.server, e.sentMs))
          this.fail(e.timeMs, `app-${e.server + 1} received a request across a cut path`);
        return;
      case 'replyReceived':
        if (e.server >= 0 && (!this.pathHeld(0, e.timeMs) || !this.pathHeld(1 + e.server, e.timeMs)))
          this.fail(e.timeMs, `a reply from app-${e.server + 1} arrived across a cut path`);
        return;
      case 'serviceCompleted':
        if (!(this.nodeUp[2 + e.server] as boolean))
          this.fail(e.timeMs, `app-${e.server + 1} completed work while down`);
        return;
      case 'nodeDown':
      case 'nodeUp':
        this.nodeUp[e.node] = e.type === 'nodeUp';
        this.nodeChangedAt[e.node] = e.timeMs;
        return;
      case 'linkChanged':
        this.linkCut[e.link] = e.cut;
        this.linkChangedAt[e.link] = e.timeMs;
        return;
      case 'sidesChanged':
        e.sides.forEach((side, node) => {
          if (side !== this.sides[node]) this.nodeChangedAt[node] = e.timeMs;
        });
        this.sides = [...e.sides];
        return;
      case 'writeAcked':
        if (e.mask === 0)
          this.fail(e.timeMs, `write to partition ${e.partition} acknowledged with no replica holding it`);
        this.maskOf(e.partition)[e.mask] = (this.maskOf(e.partition)[e.mask] as number) + 1;
        return;
      case 'replicaDestroyed':
        return this.destroy(e.timeMs, e.partition, e.slot);
      case 'replicaRebuilt':
        if (e.fromSlot >= 0) this.merge(e.partition, 1 << e.fromSlot, 1 << e.slot);
        return;
      case 'replicasSynced':
        this.merge(e.partition, e.group, e.group);
        return;
      case 'writesLost': {
        const d = this.lastDestroyed;
        if (d.timeMs !== e.timeMs || d.partition !== e.partition || d.lost !== e.count)
          this.fail(
            e.timeMs,
            `${e.count} writes of partition ${e.partition} reported lost, but replaying replica losses gives ${d.lost}`,
          );
        return;
      }
      case 'attemptSent':
      case 'attemptTimedOut':
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  };

  private destroy(timeMs: number, partition: number, slot: number): void {
    const m = this.maskOf(partition);
    const bit = 1 << slot;
    let lost = 0;
    for (let mask = 1; mask < MASKS; mask++) {
      const c = m[mask] as number;
      if ((mask & bit) === 0 || c === 0) continue;
      m[mask] = 0;
      if ((mask & ~bit) === 0) lost += c;
      else m[mask & ~bit] = (m[mask & ~bit] as number) + c;
    }
    this.lostWrites += lost;
    this.lastDestroyed = { timeMs, partition, lost };
  }

  /** Writes held by any slot in `from` are now also held by every slot in `to`. */
  private merge(partition: number, from: number, to: number): void {
    const m = this.maskOf(partition);
    for (let mask = 1; mask < MASKS; mask++) {
      const c = m[mask] as number;
      if (c === 0 || (mask & from) === 0 || (mask | to) === mask) continue;
      m[mask] = 0;
      m[mask | to] = (m[mask | to] as number) + c;
    }
  }

  /** Compares the engine's metrics with the ones rebuilt from the events; call at any quiet moment. */
  checkSnapshot(s: SimulationSnapshot): void {
    const c = s.cumulative;
    const t = s.timeMs;
    if (c.issued !== this.issued) this.fail(t, `engine says ${c.issued} issued, events say ${this.issued}`);
    if (c.succeeded !== this.succeeded)
      this.fail(t, `engine says ${c.succeeded} succeeded, events say ${this.succeeded}`);
    if (c.failed !== this.failed) this.fail(t, `engine says ${c.failed} failed, events say ${this.failed}`);
    if (c.inFlight !== this.open.size)
      this.fail(t, `engine says ${c.inFlight} in flight, events say ${this.open.size}`);
    if (c.issued !== c.succeeded + c.failed + c.inFlight) this.fail(t, 'issued != succeeded + failed + in flight');
    if (s.durability.ackedWritesLost !== this.lostWrites)
      this.fail(
        t,
        `engine says ${s.durability.ackedWritesLost} acknowledged writes lost, replay says ${this.lostWrites}`,
      );
    if (this.latencies.length > 0) {
      const sorted = Float64Array.from(this.latencies).sort();
      const got = [c.latencyMs.p50, c.latencyMs.p95, c.latencyMs.p99, c.latencyMs.p999];
      QUANTILES.forEach((q, i) => {
        const exact = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
        const err = Math.abs((got[i] as number) - exact) / Math.max(exact, 1e-9);
        if (err > 0.01)
          this.fail(t, `p${q * 100}: histogram ${got[i]} vs exact ${exact} (${(err * 100).toFixed(2)}% off)`);
      });
      const mean = this.latencies.reduce((a, b) => a + b, 0) / this.latencies.length;
      if (Math.abs(mean - c.latencyMs.mean) > 1e-6 * Math.max(1, mean))
        this.fail(t, `mean latency ${c.latencyMs.mean} vs ${mean}`);
    }
  }
}
