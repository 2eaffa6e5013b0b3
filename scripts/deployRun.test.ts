// The cluster sweep up to the container: deploy/run-shard.sh run as each pod of the Indexed Job
// runs it (JOB_COMPLETION_INDEX 0 to n - 1, the Job's environment, the ConfigMap's experiment),
// then deploy/merge.sh as the merge Job runs it; the merged files are byte for byte what one
// machine computes for the whole seed range.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './deployCheck';
import { envValues, experimentJson, sweepManifests } from './deployManifests';

// The pods' run: the ConfigMap's 10,000-disk fleet in durability mode, over a short horizon and a
// few seeds so the whole file takes seconds.
const SHARDS = 3;
const SEEDS = '1-7';
const YEARS = '0.05';
// Measured: the merge test takes 25 to 37 s (about a dozen CLI runs of 1 to 2 s each) on this 2-core
// machine at a load of 5 to 15; each process gets 120 s, the test four times that.
const TIMEOUT_MS = 120_000;

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

const { sweep, configMap } = sweepManifests();
const jobEnv = envValues(sweep);

/** A child process's exit code and output; a non-zero exit is an answer to check, not an error. */
function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...options, encoding: 'utf8', timeout: TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** Runs a script of deploy/ with only PATH and HOME from this process, as in a fresh container. */
function runScript(script: string, env: Record<string, string>): Promise<Run> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() };
  return run('sh', [join(ROOT, 'deploy', script)], { cwd: tmpdir(), env: { ...base, ...env } });
}

const runSweep = (...args: string[]) => run('npm', ['run', '--silent', 'sweep', '--', ...args], { cwd: ROOT });

let dir = '';
let experiment = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-deploy-test-'));
  experiment = join(dir, 'experiment.json');
  writeFileSync(experiment, experimentJson(configMap));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The pod's environment: the Job's, with this test's seeds, shard count, folder and one worker. */
function podEnv(results: string, index: number | undefined, changes: Record<string, string> = {}) {
  return {
    ...jobEnv,
    SHARDS: String(SHARDS),
    SEEDS,
    YEARS,
    EXPERIMENT: experiment,
    RESULTS: results,
    WORKERS: '1',
    ...(index === undefined ? {} : { JOB_COMPLETION_INDEX: String(index) }),
    ...changes,
  };
}

function expectRefused(run: Run, naming: string | RegExp): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(naming);
  expect(run.stderr).not.toMatch(/^\s*at /m);
}

describe('deploy/run-shard.sh and deploy/merge.sh', () => {
  it(
    "every pod's shard, merged, is byte for byte the one-machine sweep of the whole range",
    async () => {
      const results = join(dir, 'results', 'sweep');
      const pods = await Promise.all(
        Array.from({ length: SHARDS }, (_, index) => runScript('run-shard.sh', podEnv(results, index))),
      );
      for (const [index, pod] of pods.entries()) {
        expect(pod.status, pod.stderr).toBe(0);
        expect(pod.stderr).toContain(`shard ${index + 1} of ${SHARDS}`);
        // Progress for the pod's log.
        expect(pod.stderr).toMatch(/\d+ of \d+ seeds/);
      }
      expect(readdirSync(results).sort()).toEqual(['shard-1-of-3.json', 'shard-2-of-3.json', 'shard-3-of-3.json']);

      const merged = await runScript('merge.sh', { SHARDS: String(SHARDS), RESULTS: results });
      expect(merged.status, merged.stderr).toBe(0);
      const horizon = ['--seeds', SEEDS, '--years', YEARS, '--durability', '--workers', '1'];
      const oneJson = join(dir, 'one.json');
      const oneCsv = join(dir, 'one.csv');
      const oneMachine = await Promise.all([
        runSweep(experiment, ...horizon, '--json', '--out', oneJson),
        runSweep(experiment, ...horizon, '--csv', '--out', oneCsv),
        runSweep(experiment, ...horizon),
      ]);
      for (const run of oneMachine) expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(join(results, 'sweep.json'), 'utf8')).toBe(readFileSync(oneJson, 'utf8'));
      expect(readFileSync(join(results, 'sweep.csv'), 'utf8')).toBe(readFileSync(oneCsv, 'utf8'));
      // The merge Job's log is the summary one machine prints.
      expect(merged.stdout).toBe(oneMachine[2]?.stdout);

      // A shard from another experiment (another horizon) is refused by the CLI, and merge.sh
      // passes its exit code on, writing nothing.
      const mixed = join(dir, 'results', 'mixed');
      mkdirSync(mixed, { recursive: true });
      for (const shard of [1, 3])
        copyFileSync(join(results, `shard-${shard}-of-3.json`), join(mixed, `shard-${shard}-of-3.json`));
      const other = await runScript('run-shard.sh', podEnv(mixed, 1, { YEARS: '0.04' }));
      expect(other.status, other.stderr).toBe(0);
      expectRefused(
        await runScript('merge.sh', { SHARDS: String(SHARDS), RESULTS: mixed }),
        /is from a different sweep than/,
      );
      expect(existsSync(join(mixed, 'sweep.json'))).toBe(false);
    },
    4 * TIMEOUT_MS,
  );

  it(
    'a pod without its index or with a bad setting is refused in a sentence, exit 2, and writes nothing',
    async () => {
      const results = join(dir, 'results', 'refused');
      const runs = await Promise.all([
        runScript('run-shard.sh', podEnv(results, undefined)),
        runScript('run-shard.sh', podEnv(results, SHARDS)),
        runScript('run-shard.sh', podEnv(results, 0, { SEEDS: '' })),
        runScript('run-shard.sh', podEnv(results, 0, { DURABILITY: 'yes' })),
      ]);
      expectRefused(runs[0] as Run, /JOB_COMPLETION_INDEX is not set: Kubernetes sets it/);
      expectRefused(runs[1] as Run, /JOB_COMPLETION_INDEX must be a whole number from 0 to SHARDS - 1 = 2, got "3"/);
      expectRefused(runs[2] as Run, /SEEDS is not set/);
      expectRefused(runs[3] as Run, /DURABILITY must be true or false/);
      expect(existsSync(results)).toBe(false);
      // The CLI's own refusal (an empty seed range) comes back as the pod's exit code.
      const cli = await runScript('run-shard.sh', podEnv(results, 0, { SEEDS: '9-1' }));
      expectRefused(cli, /--seeds 9-1 is empty/);
      expect(readdirSync(results)).toEqual([]);
    },
    2 * TIMEOUT_MS,
  );

  it(
    'the merge refuses at once, naming them, when shard files are missing',
    async () => {
      const results = join(dir, 'results', 'partial');
      mkdirSync(results, { recursive: true });
      writeFileSync(join(results, 'shard-2-of-3.json'), '{}');
      const run = await runScript('merge.sh', { SHARDS: String(SHARDS), RESULTS: results });
      expectRefused(
        run,
        /2 of 3 shard files are missing .*\(shard-1-of-3\.json shard-3-of-3\.json\): has the sweep Job completed\?/,
      );
      expectRefused(await runScript('merge.sh', { SHARDS: '3', RESULTS: join(dir, 'nowhere') }), /is not a folder/);
      expectRefused(await runScript('merge.sh', { RESULTS: results }), /SHARDS is not set/);
      expect(readdirSync(results)).toEqual(['shard-2-of-3.json']);
    },
    TIMEOUT_MS,
  );
});
