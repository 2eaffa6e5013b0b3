// The browser (Web Worker) and Node (scripts/sim.ts) must produce the same run from the same
// scenario and seed: identical log hashes prove it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { budgetMs, LOADED_S } from './budgets';
import { expect, test } from './fixtures';

// Each scenario exercises different code: queueing only, replicated storage, random hardware faults.
const RUNS = [
  { scenarioId: 'default', seed: 7, durationS: 5 },
  { scenarioId: 'single-server', seed: 3, durationS: 60 },
  { scenarioId: 'large', seed: 11, durationS: 3 },
] as const;
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

function hashFromNode({ scenarioId, seed, durationS }: (typeof RUNS)[number]): string {
  const stdout = execFileSync(
    'npx',
    ['tsx', 'scripts/sim.ts', scenarioId, '--seed', String(seed), '--duration', String(durationS), '--json'],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: budgetMs(LOADED_S.workerVersusNode) },
  );
  const report = JSON.parse(stdout) as { logHash?: unknown };
  if (typeof report.logHash !== 'string' || report.logHash === '') {
    throw new Error(`scripts/sim.ts printed no logHash: ${stdout.slice(0, 200)}`);
  }
  return report.logHash;
}

for (const run of RUNS) {
  test(`${run.scenarioId}: a run in the Web Worker has the same log hash as the same run in Node`, async ({ page }) => {
    test.setTimeout(budgetMs(LOADED_S.workerVersusNode));
    const expectedHash = hashFromNode(run);

    await page.goto('./?check');
    await page.getByLabel('Scenario').selectOption(run.scenarioId);
    await page.getByLabel('Seed').fill(String(run.seed));
    await page.getByLabel('Duration (s)').fill(String(run.durationS));
    await page.getByRole('button', { name: 'Run in worker' }).click();

    const result = page.getByTestId('worker-result');
    // Wait for the run to finish first, so a worker error fails fast with its message in the diff.
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: budgetMs(LOADED_S.workerVersusNode) });
    await expect(result).toHaveAttribute('data-log-hash', expectedHash);
    await expect(result).toContainText(expectedHash);
  });
}
