// Runs the headless runner as a user meets it, a child process, for the runner's tests.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Measured: the slowest case takes about 17 s with all of them running at once on a busy 2-core machine.
export const TIMEOUT_MS = 60_000;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runSim(...args: string[]): Promise<Run> {
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

export async function runJson(...args: string[]) {
  const run = await runSim(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

/** Exit code 2, a message on stderr containing `naming`, nothing on stdout, no stack trace. */
export function expectUsageError(run: Run, naming: string): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(naming);
  expect(run.stderr).not.toMatch(/^\s*at /m);
}

/** A folder of input files for one test file's runs, made before its tests and removed after. */
export function useInputFiles(prefix: string): (name: string, content: string) => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}
