// Time budgets for the browser tests, sized from measured durations rather than luck.
//
// Measured on the 2-core development machine with both cores kept busy by another process
// (`CI=true ../shared/tools/under-load -- npx playwright test`: one Playwright worker, as in CI);
// each figure below is the slowest duration seen there. A budget allows for a machine twice as
// slow again, with half as much once more as headroom: three times the loaded figure. No test is
// retried, so a budget that is too tight shows up as a failure, never as a hidden retry.
const HEADROOM = 3;

/** The budget for a test that took `loadedS` seconds on the busy machine. */
export function budgetMs(loadedS: number): number {
  return Math.ceil(loadedS * HEADROOM) * 1000;
}

/** Measured on the busy machine, seconds: the slowest run of each kind of test. */
export const LOADED_S = {
  /** Any test without a budget of its own; the slowest was the 1920x1080 dashboard screenshot. */
  ordinaryTest: 13.0,
  /** Lesson 1 taken by keyboard only: dozens of key presses and 60 simulated seconds. */
  wholeLesson: 34.4,
  /** Lessons 6 and 8 completed by mouse with the Load panel (a lesson restarts its run). */
  lessonJourney: 12.9,
  /** One lesson opened at its key step by deep link: earlier steps replayed first. */
  lessonKeyStep: 5.4,
  /** A whole scenario run in the Web Worker and again in Node. */
  workerVersusNode: 10.1,
} as const;

/** Any single assertion's wait: the default 5 s, doubled for a machine twice as slow. */
export const EXPECT_BUDGET_MS = 10_000;
