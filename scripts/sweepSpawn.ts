// Runs `npm run sweep` as a user meets it, a child process, for the sweep CLI's tests.
import { spawn } from 'node:child_process';
import { ROOT, type Run } from './simSpawn';

// Measured: the file takes about 52 s of CPU (some 40 processes and 20 threads, half a second each
// to start); its slowest test, 27 s with the machine otherwise quiet and 68 s beside four other
// busy helpers on 2 cores (a load of 7-18). A child alone needs a few seconds of that.
export const SWEEP_TIMEOUT_MS = 240_000;

/** The sweep's exit code and output; `interrupt` sends Ctrl-C (SIGINT) at its first word on stderr. */
function spawnSweep(args: readonly string[], interrupt: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sweep.ts', ...args], {
      cwd: ROOT,
      timeout: SWEEP_TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      if (interrupt && stderr === '') child.kill('SIGINT');
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export const runSweep = (...args: string[]): Promise<Run> => spawnSweep(args, false);

/** Starts a sweep with --progress and stops it with Ctrl-C once it reports how far it got. */
export const interruptSweep = (...args: string[]): Promise<Run> => spawnSweep([...args, '--progress'], true);
