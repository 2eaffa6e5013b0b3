// The runner's figures checked against theory, the stall guard's exit code, progress lines and
// Ctrl-C, each through a child process as a user would run it.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../src/sim/index';
import { ROOT, TIMEOUT_MS, expectUsageError, runJson, runSim, useInputFiles } from './simSpawn';

const scenario = getBuiltInScenario('default') as Scenario;
const writeScenarioFile = useInputFiles('faultline-runner-test-');

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
