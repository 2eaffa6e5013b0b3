// `npm run sweep` as a user meets it, a child process: shards merged are byte for byte what one
// machine computes, in both modes; the number of worker threads changes nothing; bad input exits
// with code 2 and a sentence, printing and writing nothing; --out is all or nothing; Ctrl-C is 130.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../src/sim/index';
import { COLUMNS } from '../src/sweep/sweepOutput';
import { expectUsageError, useInputFiles, type Run } from './simSpawn';
import { interruptSweep, runSweep, SWEEP_TIMEOUT_MS as TIMEOUT_MS } from './sweepSpawn';

const file = useInputFiles('faultline-sweep-test-');
const base = getBuiltInScenario('default') as Scenario;
/** The default cluster with disks failing every couple of thousand hours, a day a second. */
const fleetJson = JSON.stringify({
  ...base,
  id: 'test-fleet',
  hardwareFaults: { ...base.hardwareFaults, enabled: true, diskMttfHours: 2000, timeCompression: 86_400 },
});
const REQUESTS = ['single-server', '--seeds', '1-40', '--duration', '1'];
/** A thread costs about half a second of CPU to start: one is enough where the count is not the point. */
const ONE = ['--workers', '1'];
const durability = (path: string) => [path, '--seeds', '1-40', '--years', '0.05', '--durability'];

function expectDone(run: Run): void {
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
}

/** One machine with one worker, against three shards with two workers each, merged. */
async function expectShardsMergeToOneMachine(args: string[], name: string): Promise<string> {
  const out = (f: string) => file(`${name}-${f}`, '');
  const one = out('one.json');
  const shards = [1, 2, 3].map((i) => out(`shard-${i}.json`));
  const runs = await Promise.all([
    runSweep(...args, '--workers', '1', '--json', '--out', one),
    ...shards.map((s, i) => runSweep(...args, '--workers', '2', '--shard', `${i + 1}/3`, '--json', '--out', s)),
  ]);
  for (const run of runs) {
    expectDone(run);
    expect(run.stdout).toBe('');
  }
  // In any order: the merge puts the shards back in their places.
  const merged = await runSweep('--merge', shards[2] as string, shards[0] as string, shards[1] as string, '--json');
  expectDone(merged);
  const whole = readFileSync(one, 'utf8');
  expect(merged.stdout).toBe(whole);
  return whole;
}

describe.concurrent('sweep CLI', () => {
  it(
    'merges three shards into byte for byte what one machine writes, and two threads write it too',
    async () => {
      const [whole, two] = await Promise.all([
        expectShardsMergeToOneMachine(REQUESTS, 'requests'),
        runSweep(...REQUESTS, '--workers', '2', '--json'),
      ]);
      expectDone(two);
      expect(two.stdout).toBe(whole);
      const output = JSON.parse(whole);
      expect(output).toMatchObject({ format: 'faultline-sweep', mode: 'requests', seeds: { from: 1, to: 40 } });
      expect(output.rows).toHaveLength(40);
      expect(output.summary.seeds).toBe(40);
      expect(output.experiment.seed).toBe(1);
    },
    TIMEOUT_MS,
  );

  it(
    'merges three shards into byte for byte what one machine writes, in durability mode',
    async () => {
      const args = durability(file('fleet.json', fleetJson));
      const output = JSON.parse(await expectShardsMergeToOneMachine(args, 'durability'));
      expect(output.mode).toBe('durability');
      expect(output.summary.diskFailures.quantiles.max).toBeGreaterThan(0);
      expect(output.rows.every((row: unknown[]) => row[COLUMNS.indexOf('requests')] === 0)).toBe(true);
    },
    TIMEOUT_MS,
  );

  it(
    'says the chance of losing data with its interval in words, and marks the current run',
    async () => {
      const run = await runSweep(...REQUESTS, ...ONE);
      expectDone(run);
      expect(run.stdout).toMatch(/data lost +0 of 40 seeds lost an acknowledged write: 0% \(95% interval 0% to /);
      expect(run.stdout).toMatch(/SLO met +\d+ of 40 seeds met it/);
      expect(run.stdout).toMatch(/current run +seed 1 \(the experiment's own\)/);
    },
    TIMEOUT_MS,
  );

  it(
    'runs an experiment file from its own seed and moment, replaying its commands',
    async () => {
      const experiment = {
        v: 3,
        base: 'single-server',
        seed: 5,
        commands: [{ atMs: 500, command: { type: 'crashNode', nodeId: 'app-1' } }],
        atMs: 1500,
      };
      const path = file('experiment.json', JSON.stringify(experiment));
      const [crashed, plain] = await Promise.all([
        runSweep(path, '--seeds', '3-8', '--json', ...ONE),
        runSweep('single-server', '--seeds', '3-8', '--duration', '1.5', '--json', ...ONE),
      ]);
      expectDone(crashed);
      expectDone(plain);
      const output = JSON.parse(crashed.stdout);
      expect(output.experiment).toMatchObject({ seed: 5, atMs: 1500 });
      expect(output.durationMs).toBe(1500);
      expect(output.summary.seedsWithRefusals).toBe(0);
      // The lone server crashed a third of the way in: every seed finishes fewer requests.
      const requests = (o: { rows: unknown[][] }) => o.rows.map((row) => row[COLUMNS.indexOf('requests')] as number);
      const without = requests(JSON.parse(plain.stdout));
      requests(output).forEach((r, i) => expect(r).toBeLessThan(without[i] as number));
    },
    TIMEOUT_MS,
  );

  it(
    'writes CSV with a header and a line per seed',
    async () => {
      const run = await runSweep(...REQUESTS, ...ONE, '--csv');
      expectDone(run);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe(COLUMNS.join(','));
      expect(lines).toHaveLength(41);
      expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    },
    TIMEOUT_MS,
  );

  it(
    'writes --out whole, printing nothing, and reports progress on stderr only when asked',
    async () => {
      const out = file('whole.csv', 'old');
      const run = await runSweep(...REQUESTS, ...ONE, '--csv', '--out', out, '--progress');
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/40 of 40 seeds \(100\.0%\), [\d.]+ seeds\/s in /);
      expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(COLUMNS.join(','));
      expect(readdirSync(dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'stops on Ctrl-C with code 130, printing and writing nothing',
    async () => {
      const out = file('stopped.json', '');
      // A million seeds would take minutes: Ctrl-C comes once the first chunk of them has run.
      const run = await interruptSweep(
        ...REQUESTS.slice(0, 1),
        '--seeds',
        '1-1000000',
        '--duration',
        '1',
        ...ONE,
        '--json',
        '--out',
        out,
      );
      expect(run.status, run.stderr).toBe(130);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('nothing written');
      expect(readFileSync(out, 'utf8')).toBe('');
      expect(readdirSync(dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
    TIMEOUT_MS,
  );
});

describe.concurrent('sweep CLI bad input exits with code 2, printing and writing nothing', () => {
  /** Runs with --out to a file that must not appear. */
  async function expectRefused(naming: string, ...args: string[]): Promise<void> {
    const out = join(dirname(file('.keep', '')), `refused-${Math.abs(hashOf(args.join(' ')))}.json`);
    const run = await runSweep(...args, '--out', out);
    expectUsageError(run, naming);
    expect(existsSync(out), `${out} was written`).toBe(false);
  }

  const hashOf = (text: string) => [...text].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7);

  it(
    'an empty seed range, or one over 10,000,000 seeds',
    async () => {
      await Promise.all([
        expectRefused('--seeds 10-1 is empty', 'single-server', '--seeds', '10-1', '--duration', '1', '--json'),
        expectRefused('at most 10,000,000', 'single-server', '--seeds', '1-10000001', '--duration', '1', '--json'),
        expectRefused('--seeds is needed', 'single-server', '--duration', '1', '--json'),
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    'a shard like 3/2, a shard not in JSON, and --workers 0',
    async () => {
      await Promise.all([
        expectRefused('--shard 3/2', ...REQUESTS, '--shard', '3/2', '--json'),
        expectRefused('add --json', ...REQUESTS, '--shard', '1/2', '--csv'),
        expectRefused('add --json', ...REQUESTS, '--shard', '1/2'),
        expectRefused('--workers must be a whole number from 1', ...REQUESTS, '--workers', '0', '--json'),
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    'years or durability mode for a scenario without hardware faults',
    async () => {
      await Promise.all([
        expectRefused('hardwareFaults.enabled', 'single-server', '--seeds', '1-4', '--years', '1', '--json'),
        expectRefused('hardwareFaults.enabled', ...REQUESTS, '--durability', '--json'),
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    'unknown flags, two formats, and a merge given run flags',
    async () => {
      await Promise.all([
        expectRefused('unknown option "--fast"', ...REQUESTS, '--fast'),
        expectRefused('choose one of --json and --csv', ...REQUESTS, '--json', '--csv'),
        expectRefused('--seeds has no meaning with --merge', '--merge', 'a.json', '--seeds', '1-2'),
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    'a merge of different experiments, of a missing or doubled shard, or of files that are not shards',
    async () => {
      const shard = (name: string, duration: string, i: number) => {
        const out = file(name, '');
        return runSweep(
          'single-server',
          '--seeds',
          '1-6',
          '--duration',
          duration,
          '--shard',
          `${i}/2`,
          '--json',
          '--out',
          out,
        ).then((run) => {
          expectDone(run);
          return out;
        });
      };
      const [a1, a2, b2] = await Promise.all([
        shard('a1.json', '1', 1),
        shard('a2.json', '1', 2),
        shard('b2.json', '0.5', 2),
      ]);
      const notJson = file('not.json', '{ "format": ');
      const notSweep = file('scenario.json', fleetJson);
      await Promise.all([
        expectRefused(`${b2} is from a different sweep than ${a1}`, '--merge', a1, b2, '--json'),
        expectRefused('shard 2/2 missing', '--merge', a1, '--json'),
        expectRefused(`shard 1/2 is given twice (${a1} and ${a1})`, '--merge', a1, a1, a2, '--json'),
        expectRefused(`${notJson} is not valid JSON`, '--merge', a1, notJson, '--json'),
        expectRefused(`${notSweep} is not a sweep output`, '--merge', notSweep, a2, '--json'),
        expectRefused('missing.json', '--merge', a1, join(dirname(a1), 'missing.json')),
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    'a failed run leaves a file already at --out as it was',
    async () => {
      const out = file('kept.json', 'kept');
      const run = await runSweep(...REQUESTS, '--shard', '3/2', '--json', '--out', out);
      expectUsageError(run, '--shard 3/2');
      expect(readFileSync(out, 'utf8')).toBe('kept');
      writeFileSync(out, 'kept');
    },
    TIMEOUT_MS,
  );
});
