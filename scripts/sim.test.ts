// The headless runner as a user meets it: a child process. Results are reproducible from the
// seed; bad input exits with code 2 and one line per problem naming the field, never a stack trace.
// The runs are child processes started asynchronously, so the tests run concurrently.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../src/sim/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Measured: the slowest case takes about 17 s with all of them running at once on a busy 2-core machine.
const TIMEOUT_MS = 60_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runSim(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/sim.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_MS },
      (error, stdout, stderr) => {
        // A non-zero exit is an answer to check, not a failure to run.
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

async function runJson(...args: string[]) {
  const run = await runSim(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

/** Exit code 2, a message on stderr containing `naming`, nothing on stdout, no stack trace. */
function expectUsageError(run: Run, naming: string): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(naming);
  expect(run.stderr).not.toMatch(/^\s*at /m);
}

let dir = '';
const scenario = getBuiltInScenario('default') as Scenario;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-sim-test-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeScenarioFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe.concurrent('sim CLI --json', () => {
  it(
    'prints one JSON object with the run and its metrics',
    async () => {
      const out = await runJson('default', '--seed', '7', '--duration', '2');
      expect(out).toMatchObject({ scenario: 'default', seed: 7, durationS: 2 });
      expect(out.events).toBeGreaterThan(0);
      expect(out.logHash).toMatch(/^[0-9a-f]+$/);
      const m = out.metrics;
      for (const field of ['requests', 'succeeded', 'failed', 'throughputRps', 'ackedWritesLost']) {
        expect(typeof m[field], field).toBe('number');
      }
      expect(m.requests).toBeGreaterThan(0);
      expect(m.succeeded + m.failed).toBeLessThanOrEqual(m.requests);
      expect(m.availability).toBeGreaterThanOrEqual(0);
      expect(m.availability).toBeLessThanOrEqual(1);
      expect(m.throughputRps).toBeGreaterThan(0);
      expect(m.ackedWritesLost).toBe(0);
      const l = m.latencyMs;
      for (const field of ['mean', 'p50', 'p95', 'p99', 'p999']) expect(l[field], field).toBeGreaterThan(0);
      expect(l.p50).toBeLessThanOrEqual(l.p95);
      expect(l.p95).toBeLessThanOrEqual(l.p99);
      expect(l.p99).toBeLessThanOrEqual(l.p999);
    },
    TIMEOUT_MS,
  );

  it(
    'runs the default scenario with seed 1 when none is given',
    async () => {
      const out = await runJson('--duration', '2');
      expect(out).toMatchObject({ scenario: 'default', seed: 1, durationS: 2 });
      expect((await runJson('default', '--seed=1', '--duration=2')).logHash).toBe(out.logHash);
    },
    TIMEOUT_MS,
  );

  it(
    'gives the same log hash for the same seed, and a different one for another seed',
    async () => {
      const [first, again, other] = await Promise.all([
        runJson('--seed', '42', '--duration', '2'),
        runJson('--seed', '42', '--duration', '2'),
        runJson('--seed', '43', '--duration', '2'),
      ]);
      expect(again).toEqual(first);
      expect(other.logHash).not.toBe(first.logHash);
    },
    TIMEOUT_MS,
  );

  it(
    'runs a valid scenario file',
    async () => {
      const path = writeScenarioFile('valid.json', JSON.stringify({ ...scenario, id: 'from-file' }));
      expect(await runJson(path, '--duration', '1')).toMatchObject({ scenario: 'from-file', durationS: 1 });
    },
    TIMEOUT_MS,
  );
});

describe.concurrent('sim CLI readable output', () => {
  it(
    'reports availability and latency in words',
    async () => {
      const run = await runSim('single-server', '--duration', '2');
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('availability');
      expect(run.stdout).toContain('latency');
      expect(run.stdout).toContain('seed 1');
    },
    TIMEOUT_MS,
  );
});

describe.concurrent('sim CLI bad input exits with code 2', () => {
  it(
    'a seed that is not a number, naming --seed',
    async () => {
      const runs = await Promise.all([
        runSim('--seed', 'abc', '--duration', '2'),
        runSim('--seed=1.5', '--duration', '2'),
        runSim('--duration', '2', '--seed'),
      ]);
      for (const run of runs) expectUsageError(run, '--seed');
    },
    TIMEOUT_MS,
  );

  it(
    'an inline value with a second "=", naming the flag (not read as the part before it)',
    async () => {
      const [seed, duration] = await Promise.all([runSim('--seed=12=3', '--duration', '2'), runSim('--duration=2=9')]);
      expectUsageError(seed, '--seed');
      expectUsageError(duration, '--duration');
    },
    TIMEOUT_MS,
  );

  it(
    'a duration that is not positive, naming --duration',
    async () => {
      expectUsageError(await runSim('--duration', '0'), '--duration');
    },
    TIMEOUT_MS,
  );

  it(
    'an unknown scenario or option, naming it',
    async () => {
      const [scenarioRun, optionRun] = await Promise.all([
        runSim('no-such-scenario', '--duration', '2'),
        runSim('--fast'),
      ]);
      expectUsageError(scenarioRun, 'no-such-scenario');
      expectUsageError(optionRun, '--fast');
    },
    TIMEOUT_MS,
  );

  it(
    'a scenario file with an invalid field, naming policy.timeoutMs',
    async () => {
      const path = writeScenarioFile(
        'negative-timeout.json',
        JSON.stringify({ ...scenario, policy: { ...scenario.policy, timeoutMs: -5 } }),
      );
      const run = await runSim(path, '--duration', '2');
      expectUsageError(run, 'policy.timeoutMs');
      expect(run.stderr).toMatch(/^\s*policy\.timeoutMs: /m);
    },
    TIMEOUT_MS,
  );

  it(
    'a scenario file that is not JSON',
    async () => {
      const path = writeScenarioFile('broken.json', '{ "version": 1, ');
      expectUsageError(await runSim(path, '--duration', '2'), 'not valid JSON');
    },
    TIMEOUT_MS,
  );

  it(
    'a scenario file that does not exist',
    async () => {
      expectUsageError(await runSim(join(dir, 'missing.json'), '--duration', '2'), 'missing.json');
    },
    TIMEOUT_MS,
  );

  it(
    'a scenario file whose schedule holds an invalid command, naming schedule.0.command',
    async () => {
      const bad = { ...scenario, schedule: [{ atMs: 0, command: { type: 'crashNode', nodeId: 'app-9' } }] };
      const path = writeScenarioFile('bad-schedule.json', JSON.stringify(bad));
      // Invalid input, like an invalid field: exit code 2, not the code 1 reserved for Faultline's own bugs.
      expectUsageError(await runSim(path, '--duration', '2'), 'schedule.0.command');
    },
    TIMEOUT_MS,
  );
});

describe.concurrent('sim CLI figures, stalls, progress and Ctrl-C', () => {
  it(
    'reports the queueing figures: on an M/M/1 server at load 0.8, busy share and share that queued are both near 0.8',
    async () => {
      const out = await runJson('single-server', '--duration', '600');
      const m = out.metrics;
      for (const field of [
        'rejected',
        'timedOut',
        'queuedNow',
        'partitionsLost',
        'partitionLossEvents',
        'unavailablePartitions',
      ])
        expect(Number.isInteger(m[field]), field).toBe(true);
      expect(out.partial).toBe(false);
      expect(out.simulatedS).toBe(600);
      // rho = 80 req/s x 10 ms; an arrival finds the server busy with probability rho (PASTA).
      expect(m.serverBusyShare).toBeGreaterThan(0.77);
      expect(m.serverBusyShare).toBeLessThan(0.83);
      expect(m.queuedShare).toBeGreaterThan(0.77);
      expect(m.queuedShare).toBeLessThan(0.83);
      // M/M/1 sojourn is exponential with mean 50 ms: P(latency > 200 ms) = e^-4, about 1.8%.
      expect(m.sloLatencyExceededShare).toBeGreaterThan(0.01);
      expect(m.sloLatencyExceededShare).toBeLessThan(0.03);
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a health check every 1e-300 ms with exit code 2, naming the field',
    async () => {
      const path = writeScenarioFile(
        'tiny-interval.json',
        JSON.stringify({ ...scenario, policy: { ...scenario.policy, healthCheckIntervalMs: 1e-300 } }),
      );
      expectUsageError(await runSim(path, '--duration', '2'), 'policy.healthCheckIntervalMs');
    },
    TIMEOUT_MS,
  );

  it(
    'a run the stall guard stops exits 2 with one sentence naming a field, not 1',
    async () => {
      const run = await runSim('--duration', '5', '--budget-floor', '1000', '--budget-margin', '0.001');
      expectUsageError(run, 'the run stopped');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^[a-zA-Z.]+: the run stopped at .*; check [a-zA-Z.]+\n$/);
    },
    TIMEOUT_MS,
  );

  it(
    '--progress prints the simulated time reached, the share done and events/s on stderr',
    async () => {
      const run = await runSim('--duration', '2', '--progress', '--json');
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^simulated 2\.0 s of 2 s \(100\.0%\), [\d,]+ events\/s: done$/m);
      expect(JSON.parse(run.stdout).partial).toBe(false);
    },
    TIMEOUT_MS,
  );

  it(
    'Ctrl-C stops a long run cleanly: the summary so far, marked partial, and exit code 130',
    async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'scripts/sim.ts', 'large', '--duration', '1e7', '--progress', '--json'],
        {
          cwd: ROOT,
        },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      // The first progress line shows the run is under way; then the user presses Ctrl-C.
      child.stderr.once('data', () => child.kill('SIGINT'));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code).toBe(130);
      const out = JSON.parse(stdout);
      expect(out.partial).toBe(true);
      expect(out.simulatedS).toBeGreaterThan(0);
      expect(out.simulatedS).toBeLessThan(1e7);
      expect(out.metrics.requests).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});
