// What the cluster costs: machine-seconds per tier, the sum over machines of the time each
// existed. A machine costs from the moment it is asked for (provisioning is paid for, as in any
// cloud) until it is removed; a crashed machine still costs, since it still holds its slot. The
// users (clients) are not ours and cost nothing. Integrated exactly: the count is constant between
// add and remove, so each change adds count × elapsed. No allocation after construction, so the
// simulation may call it at every change. Left out: prices (every machine costs the same per
// second), bigger machines costing more, billing granularity (per-second here, per-hour for some).

/** The tiers that cost: each one a row of the accumulator. */
export const CostTier = { balancer: 0, app: 1, cache: 2, storage: 3 } as const;
export type CostTier = (typeof CostTier)[keyof typeof CostTier];
export const COST_TIER_NAMES = ['balancer', 'app', 'cache', 'storage'] as const;
const TIERS = COST_TIER_NAMES.length;

/** A bound on one tier's machines, far above any scenario's (MAX_TIER_SIZE is 1000). */
const MAX_MACHINES = 1_000_000;

export class MachineSeconds {
  /** Machines in each tier now, provisioning and crashed ones included. */
  private readonly count = new Int32Array(TIERS);
  /** Machine-milliseconds accumulated up to `sinceMs`, per tier. */
  private readonly machineMs = new Float64Array(TIERS);
  private sinceMs: number;

  constructor(startMs = 0) {
    this.sinceMs = startMs;
  }

  /** Brings every tier's total up to `nowMs`; time never goes back. */
  advance(nowMs: number): void {
    const elapsed = nowMs - this.sinceMs;
    if (!(elapsed >= 0)) throw new Error(`MachineSeconds: time went back from ${this.sinceMs} to ${nowMs} ms`);
    if (elapsed === 0) return;
    for (let t = 0; t < TIERS; t++)
      this.machineMs[t] = (this.machineMs[t] as number) + (this.count[t] as number) * elapsed;
    this.sinceMs = nowMs;
  }

  /** `machines` more in `tier` from `nowMs`: asked for, so paid for, even before they serve. */
  add(tier: CostTier, nowMs: number, machines = 1): void {
    this.advance(nowMs);
    const next = (this.count[tier] as number) + machines;
    if (!Number.isInteger(machines) || machines < 0 || next > MAX_MACHINES)
      throw new Error(`MachineSeconds: cannot add ${machines} to ${this.count[tier]} machines`);
    this.count[tier] = next;
  }

  /** `machines` fewer in `tier` from `nowMs`: removed (drained or stopped), no longer paid for. */
  remove(tier: CostTier, nowMs: number, machines = 1): void {
    this.advance(nowMs);
    const next = (this.count[tier] as number) - machines;
    if (!Number.isInteger(machines) || machines < 0 || next < 0)
      throw new Error(`MachineSeconds: cannot remove ${machines} of ${this.count[tier]} machines`);
    this.count[tier] = next;
  }

  /** Machines in `tier` now. */
  machines(tier: CostTier): number {
    return this.count[tier] as number;
  }

  /** Machine-seconds used by `tier` up to `nowMs` (not before the last change); changes nothing. */
  secondsAt(tier: CostTier, nowMs: number): number {
    const elapsed = nowMs - this.sinceMs;
    if (!(elapsed >= 0)) throw new Error(`MachineSeconds: ${nowMs} ms is before the last change at ${this.sinceMs} ms`);
    return ((this.machineMs[tier] as number) + (this.count[tier] as number) * elapsed) / 1000;
  }

  /** Every tier's machine-seconds up to `nowMs` into `out` (indexed by CostTier), without allocating. */
  readInto(out: Float64Array, nowMs: number): Float64Array {
    for (let t = 0; t < TIERS; t++) out[t] = this.secondsAt(t as CostTier, nowMs);
    return out;
  }
}
