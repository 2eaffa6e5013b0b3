// What `npm run bench` says about sweeps (issue 16): seed-runs per second with one worker thread
// and with two (the pool the command line uses), on the same seeds in the same process, after
// every thread has run a first chunk (start-up and JIT warm-up are not the sweep's steady cost);
// and what one simulated year of a 10,000-disk fleet costs per seed in durability mode.
import { readFileSync } from 'node:fs';
import { fromData } from '../../src/share/experiment';
import { getBuiltInScenario, type Scenario } from '../../src/sim/index';
import { runPool } from '../../src/sweep/pool';
import { runSeeds } from '../../src/sweep/runSeed';
import { prepareSweep, specOf, yearsToMs, type SweepSpec } from '../../src/sweep/sweepSpec';
import { startThreads } from '../sweepThreads';

const WARM_SEEDS = 16;
/** The most threads measured: every measurement times the same seeds, after every warm-up chunk. */
const MOST_THREADS = 2;

async function seedsPerSecond(spec: SweepSpec, threads: number): Promise<number> {
  const pool = startThreads(spec, threads);
  try {
    const { from } = spec.seeds;
    await Promise.all(pool.runners.map((r, i) => r.run(from + i * WARM_SEEDS, from + (i + 1) * WARM_SEEDS - 1)));
    const range = { from: from + MOST_THREADS * WARM_SEEDS, to: spec.seeds.to };
    const t0 = performance.now();
    await runPool(range, pool.runners, { chunkSize: 2 });
    return (range.to - range.from + 1) / ((performance.now() - t0) / 1000);
  } finally {
    await pool.stop();
  }
}

/** The default cluster for 10 simulated seconds a seed: a typical lab experiment. */
function defaultSpec(seeds: number): SweepSpec {
  const scenario = getBuiltInScenario('default') as Scenario;
  return specOf({ scenario, seed: 1, commands: [], atMs: 0 }, { from: 1, to: seeds }, 10_000, 'requests');
}

/** The deploy/ ConfigMap's fleet: 1,000 storage nodes of 10 disks, 20,000 partitions, RF 3. */
function fleetYear(): { spec: SweepSpec; disks: number } {
  const text = readFileSync(new URL('../../deploy/k8s/experiment-configmap.yaml', import.meta.url), 'utf8');
  const json = text.slice(text.indexOf('experiment.json: |') + 'experiment.json: |'.length);
  const decoded = fromData(JSON.parse(json), Number.POSITIVE_INFINITY);
  if (!decoded.ok) throw new Error(decoded.error);
  const s = decoded.experiment.scenario;
  const spec = specOf({ ...decoded.experiment, commands: [] }, { from: 1, to: 5 }, yearsToMs(s, 1), 'durability');
  return { spec, disks: s.storage.count * s.storage.disksPerNode };
}

export async function measureSweep() {
  // Interleaved, best of three, so a busy moment slows one figure less than the other.
  const spec = defaultSpec(MOST_THREADS * WARM_SEEDS + 240);
  const one: number[] = [];
  const two: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    one.push(await seedsPerSecond(spec, 1));
    two.push(await seedsPerSecond(spec, 2));
  }
  const best1 = Math.max(...one);
  const best2 = Math.max(...two);
  const fleet = fleetYear();
  const prepared = prepareSweep(fleet.spec);
  if (!prepared.ok) throw new Error(prepared.error);
  runSeeds(prepared.value, 1, 1); // warm-up
  const t0 = performance.now();
  runSeeds(prepared.value, 2, 5);
  const msPerSeedYear = (performance.now() - t0) / 4;
  return {
    case: 'default, 10 simulated s a seed',
    seedsPerSecondOneWorker: Number(best1.toFixed(1)),
    seedsPerSecondTwoWorkers: Number(best2.toFixed(1)),
    twoWorkersOverOne: Number((best2 / best1).toFixed(2)),
    durability: { disks: fleet.disks, partitions: 20_000, msPerSeedYear: Math.round(msPerSeedYear) },
  };
}
