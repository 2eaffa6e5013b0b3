// The sweep's core (issue 16): the same rows whatever the number of workers, shards that merge
// into exactly what one machine writes, refusals in sentences, and the current run's row equal to
// the run the lab replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, replay, type Scenario, type TimedCommand } from '../sim/index';
import { distributionOf, nearestRank } from './distribution';
import { mergeOutputs } from './mergeOutputs';
import { PoolCancelled, runPool, type ChunkRunner } from './pool';
import { runSeeds } from './runSeed';
import { shardRange, type SeedRange } from './seedRange';
import { identityOf, outputOf } from './sweepOutput';
import { prepareSweep, specOf, type PreparedSweep, type SweepMode } from './sweepSpec';

const single = getBuiltInScenario('single-server') as Scenario;
const crash: TimedCommand[] = [{ atMs: 400, command: { type: 'crashNode', nodeId: 'app-1' } }];

function prepared(
  scenario: Scenario,
  seeds: SeedRange,
  durationMs: number,
  mode: SweepMode = 'requests',
  commands = crash,
) {
  const result = prepareSweep(specOf({ scenario, seed: 3, commands, atMs: durationMs }, seeds, durationMs, mode));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Runners that answer out of order (a later chunk may finish first), as busy workers do. */
function runners(sweep: PreparedSweep, count: number): ChunkRunner[] {
  return Array.from({ length: count }, (_, i) => ({
    run: async (from: number, to: number) => {
      for (let k = 0; k < ((from + i) % 3) + 1; k++) await Promise.resolve();
      return runSeeds(sweep, from, to);
    },
  }));
}

describe('a sweep', () => {
  const sweep = prepared(single, { from: 1, to: 24 }, 1500);

  it('gives the same rows and file with one worker or five, any chunk size', async () => {
    const one = await runPool(sweep.spec.seeds, runners(sweep, 1), { chunkSize: 24 });
    const five = await runPool(sweep.spec.seeds, runners(sweep, 5), { chunkSize: 2 });
    expect(five).toEqual(one);
    expect(one.map((r) => r.seed)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(JSON.stringify(outputOf(identityOf(sweep), five, null))).toBe(
      JSON.stringify(outputOf(identityOf(sweep), one, null)),
    );
  });

  it("marks the experiment's own seed with exactly the run the lab replays", () => {
    const [row] = runSeeds(sweep, 3, 3);
    expect(row?.logHash).toBe(replay(single, 3, crash, 1500).snapshot().logHash);
    expect(row?.refused).toBe(0);
  });

  it('counts a command another future refuses instead of failing the sweep', () => {
    // Without hardware faults db-1's disk is healthy at 100 ms in every future, so replacing it is refused.
    const replace: TimedCommand = { atMs: 100, command: { type: 'replaceDisk', nodeId: 'db-1', disk: 0 } };
    const sweep = prepared(getBuiltInScenario('default') as Scenario, { from: 1, to: 2 }, 300, 'requests', [replace]);
    expect(runSeeds(sweep, 1, 2).map((r) => r.refused)).toEqual([1, 1]);
  });

  it('merges shards into byte for byte what one machine writes, in any order', () => {
    const rows = runSeeds(sweep, 1, 24);
    const whole = JSON.stringify(outputOf(identityOf(sweep), rows, null));
    const files = [1, 2, 3, 4, 5].map((index) => {
      const slice = shardRange(sweep.spec.seeds, { index, of: 5 }) as SeedRange;
      const part = rows.filter((r) => r.seed >= slice.from && r.seed <= slice.to);
      return {
        name: `shard-${index}.json`,
        data: JSON.parse(JSON.stringify(outputOf(identityOf(sweep), part, { index, of: 5 }))),
      };
    });
    const merged = mergeOutputs([files[3], files[0], files[4], files[2], files[1]] as typeof files);
    expect(merged.ok && JSON.stringify(merged.value)).toBe(whole);
    expect(mergeOutputs(files.slice(1))).toEqual({ ok: false, error: expect.stringMatching(/shard 1\/5 missing/) });
    expect(mergeOutputs([...files, files[2] as (typeof files)[number]])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/3\/5 is given twice/),
    });
    const other = prepared(single, { from: 1, to: 24 }, 2000);
    const stranger = {
      name: 'other.json',
      data: JSON.parse(JSON.stringify(outputOf(identityOf(other), rows.slice(0, 5), { index: 1, of: 5 }))),
    };
    expect(mergeOutputs([stranger, ...files.slice(1)])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/from a different sweep/),
    });
    expect(mergeOutputs([{ name: 'x.json', data: { hello: 1 } }])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/x.json is not a sweep output/),
    });
  });

  it('stops handing out seeds when cancelled', async () => {
    const controller = new AbortController();
    const run = runPool(sweep.spec.seeds, runners(sweep, 2), {
      chunkSize: 1,
      signal: controller.signal,
      onProgress: ({ done }) => done >= 3 && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(PoolCancelled);
  });
});

describe('a sweep spec', () => {
  it('refuses durability mode without hardware faults, and bad input, in a sentence', () => {
    const off = specOf({ scenario: single, seed: 1, commands: [], atMs: 0 }, { from: 1, to: 10 }, 1000, 'durability');
    expect(prepareSweep(off)).toMatchObject({ ok: false, error: expect.stringMatching(/hardwareFaults.enabled/) });
    expect(prepareSweep({ ...off, seeds: { from: 5, to: 4 } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^seeds: .*empty/),
    });
    expect(prepareSweep({ ...off, seeds: { from: 1, to: 20_000_000 } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/10,000,000/),
    });
    expect(prepareSweep({ ...off, mode: 'both' })).toMatchObject({ ok: false, error: expect.stringMatching(/^mode/) });
    expect(
      prepareSweep({ ...off, experiment: { v: 3, base: 'nowhere', seed: 1, commands: [], atMs: 0 } }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/unknown scenario "nowhere"/) });
    expect(prepareSweep('sweep')).toMatchObject({ ok: false });
  });

  it('names one sweep alike whatever its seeds or current run, and tells different ones apart', () => {
    const a = prepared(single, { from: 1, to: 10 }, 1000);
    const b = prepareSweep(
      specOf({ scenario: single, seed: 9, commands: crash, atMs: 700 }, { from: 50, to: 60 }, 1000, 'requests'),
    );
    expect(b.ok && b.value.key).toBe(a.key);
    expect(prepared(single, { from: 1, to: 10 }, 1001).key).not.toBe(a.key);
    expect(prepared(single, { from: 1, to: 10 }, 1000, 'requests', []).key).not.toBe(a.key);
  });

  it('takes the request traffic out in durability mode', () => {
    const fleet = { ...single, hardwareFaults: { ...single.hardwareFaults, enabled: true } };
    const sweep = prepared(fleet, { from: 1, to: 2 }, 1000, 'durability', []);
    expect(sweep.scenario.clients.rateRps).toBe(0);
    expect(runSeeds(sweep, 1, 2).every((r) => r.requests === 0 && r.sloMet === null && r.availability === null)).toBe(
      true,
    );
  });
});

describe('distributions', () => {
  it('has quantiles some seed produced and bins that hold every seed once, naming the lowest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.boolean(),
        (raw, integers) => {
          const values = raw.map((v) => (v === null ? null : integers ? Math.round(v) : v));
          const seeds = values.map((_, i) => 100 + i);
          const d = distributionOf(values, seeds, integers);
          const present = values.filter((v): v is number => v !== null);
          if (present.length === 0) {
            expect(d).toBeNull();
            return;
          }
          const sorted = [...present].sort((a, b) => a - b);
          expect(d?.count).toBe(present.length);
          expect(sorted).toContain(d?.quantiles.p99);
          expect(d?.quantiles.p50).toBe(nearestRank(sorted, 0.5));
          expect(d?.bins.reduce((n, b) => n + b.count, 0)).toBe(present.length);
          for (const bin of d?.bins ?? []) {
            const i = seeds.indexOf(bin.seed);
            const v = values[i] as number;
            expect(v).toBeGreaterThanOrEqual(bin.from - 1e-9 * Math.max(1, Math.abs(bin.from)));
            expect(v).toBeLessThanOrEqual(bin.to + 1e-9 * Math.max(1, Math.abs(bin.to)));
          }
        },
      ),
    );
  });

  it('uses round bin edges', () => {
    const d = distributionOf([0.91, 0.95, 0.999, 1], [1, 2, 3, 4], false);
    expect(d?.bins[0]?.from).toBe(0.91);
    expect(d?.bins.map((b) => Number(((b.to - b.from) * 1000).toFixed(6)))).toContain(5);
  });
});
