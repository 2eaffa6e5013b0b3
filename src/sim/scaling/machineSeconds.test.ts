// Machine-seconds: exact between changes, provisioning and crashed machines paid for, clients never,
// and the same totals however often the simulation advances it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST_TIER_NAMES, CostTier, MachineSeconds } from './machineSeconds';

describe('MachineSeconds', () => {
  it('sums, per tier, the time each machine existed', () => {
    const cost = new MachineSeconds();
    cost.add(CostTier.app, 0, 4);
    cost.add(CostTier.storage, 0, 3);
    cost.add(CostTier.app, 10_000); // asked for at 10 s: paid from then, though it serves only at 40 s
    cost.remove(CostTier.app, 70_000, 2);
    expect(cost.machines(CostTier.app)).toBe(3);
    expect(cost.secondsAt(CostTier.app, 100_000)).toBe(4 * 100 + 90 - 2 * 30);
    expect(cost.secondsAt(CostTier.storage, 100_000)).toBe(300);
    expect(cost.secondsAt(CostTier.cache, 100_000)).toBe(0);
    // Reading changes nothing: the same figure twice, and later figures still exact.
    expect(cost.secondsAt(CostTier.app, 100_000)).toBe(430);
    cost.advance(200_000);
    expect(cost.secondsAt(CostTier.app, 200_000)).toBe(730);
  });

  it('keeps charging for a crashed machine until it is removed', () => {
    const cost = new MachineSeconds(1_000);
    cost.add(CostTier.cache, 1_000, 2);
    // A crash is not a removal: the caller calls nothing, so both machines still cost.
    expect(cost.secondsAt(CostTier.cache, 61_000)).toBe(120);
    cost.remove(CostTier.cache, 61_000);
    expect(cost.secondsAt(CostTier.cache, 121_000)).toBe(180);
  });

  it('reads every tier into a caller-owned array, named by COST_TIER_NAMES', () => {
    const cost = new MachineSeconds();
    cost.add(CostTier.balancer, 0);
    cost.add(CostTier.app, 0, 2);
    const out = new Float64Array(COST_TIER_NAMES.length);
    expect(cost.readInto(out, 5_000)).toBe(out);
    expect(Array.from(out)).toEqual([5, 10, 0, 0]);
    expect(COST_TIER_NAMES[CostTier.storage]).toBe('storage');
  });

  it('refuses time going back, removing more than there are, and partial machines', () => {
    const cost = new MachineSeconds();
    cost.add(CostTier.app, 5_000);
    expect(() => cost.advance(4_000)).toThrow(/time went back/);
    expect(() => cost.secondsAt(CostTier.app, 4_000)).toThrow(/before the last change/);
    expect(() => cost.remove(CostTier.app, 6_000, 2)).toThrow(/cannot remove 2 of 1/);
    expect(() => cost.add(CostTier.app, 6_000, 0.5)).toThrow(/cannot add/);
    expect(() => cost.advance(Number.NaN)).toThrow(/time went back/);
  });

  it('gives the same totals however often it is advanced (fast-check)', () => {
    const change = fc.record({
      atMs: fc.integer({ min: 0, max: 1_000_000 }),
      tier: fc.constantFrom(CostTier.app, CostTier.cache, CostTier.storage),
      add: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 50 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 })),
        (cs, ticks) => {
          const changes = [...cs].sort((a, b) => a.atMs - b.atMs);
          const sparse = new MachineSeconds();
          const busy = new MachineSeconds();
          const times = [...ticks].sort((a, b) => a - b);
          let tick = 0;
          // The obvious sum: each machine's lifetime, counted one by one.
          const expected = [0, 0, 0, 0];
          for (const c of changes) {
            sparse.add(c.tier, c.atMs, c.add);
            while (tick < times.length && (times[tick] as number) <= c.atMs) busy.advance(times[tick++] as number);
            busy.add(c.tier, c.atMs, c.add);
            expected[c.tier] = (expected[c.tier] as number) + c.add * (1_000_000 - c.atMs);
          }
          while (tick < times.length) busy.advance(times[tick++] as number);
          for (const tier of [CostTier.app, CostTier.cache, CostTier.storage]) {
            expect(sparse.secondsAt(tier, 1_000_000)).toBe((expected[tier] as number) / 1000);
            expect(busy.secondsAt(tier, 1_000_000)).toBe((expected[tier] as number) / 1000);
          }
        },
      ),
      { seed: 14, numRuns: 200 },
    );
  });
});
