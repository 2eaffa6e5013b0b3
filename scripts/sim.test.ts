// The headless runner as a user meets it: a child process. Results are reproducible from the
// seed; bad input exits with code 2 and one line per problem naming the field, never a stack trace.
// The runs are child processes started asynchronously, so the tests run concurrently.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../src/sim/index';
import { TIMEOUT_MS, expectUsageError, runJson, runSim, useInputFiles } from './simSpawn';

const scenario = getBuiltInScenario('default') as Scenario;
const writeScenarioFile = useInputFiles('faultline-sim-test-');

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
      expectUsageError(
        await runSim(join(tmpdir(), 'faultline-no-such-dir', 'missing.json'), '--duration', '2'),
        'missing.json',
      );
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
