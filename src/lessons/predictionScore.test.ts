// How predictions score against the run, and the plain text "Copy my results" shares.
import { describe, expect, it } from 'vitest';
import { getLesson } from './catalog/index';
import type { Prediction } from './lessonSchema';
import { predictionResults, resultsText, scoreAnswer, scoreLine } from './predictionScore';

const disks = getLesson('disks-at-scale');
if (!disks) throw new Error('lesson 2 is missing');
const failures: Prediction = {
  kind: 'number',
  question: 'How many disks fail?',
  unit: 'count',
  answer: 'monthFailures',
  tolerance: 0.35,
  min: 0,
  max: 1000,
};

describe('prediction scores', () => {
  it('a number is close within the step’s tolerance of what was measured, and unmeasured before', () => {
    expect(scoreAnswer(failures, 30, { monthFailures: 27 })).toBe('close');
    expect(scoreAnswer(failures, 27 * 1.35, { monthFailures: 27 })).toBe('close');
    expect(scoreAnswer(failures, 37, { monthFailures: 27 })).toBe('far');
    expect(scoreAnswer(failures, 10, {})).toBe('unmeasured');
  });

  it('a choice is right or wrong', () => {
    const step = disks.steps.find((s) => s.prediction?.kind === 'choice');
    const p = step?.prediction as Extract<Prediction, { kind: 'choice' }>;
    expect(scoreAnswer(p, p.answer, {})).toBe('right');
    expect(scoreAnswer(p, p.options.find((o) => o.id !== p.answer)?.id ?? '', {})).toBe('wrong');
  });

  it('sets each prediction beside its measurement, shows skipped ones, and counts only those made', () => {
    const predictions = { 'one-disk': 'gone', 'at-scale': 30, 'year-one-copy': 'none', odds: 0.25 };
    const results = predictionResults(disks, predictions, {
      monthFailures: 27,
      slowPartitionsLost: 8,
      twoDayShare: 0.302,
    });
    expect(results.map((r) => r.score)).toEqual(['right', 'close', 'wrong', 'skipped', 'skipped', 'close', 'skipped']);
    expect(results[1]?.measured).toBe('27 (disks that failed in 30 days)');
    expect(scoreLine(results)).toBe('3 of 4 predictions right or close (3 skipped)');
    expect(scoreLine(predictionResults(disks, {}, {}))).toBe('No predictions made (7 skipped)');
    const text = resultsText(disks, results, { seed: 7, link: 'https://example.org/#lesson=disks-at-scale&step=1' });
    expect(text.split('\n')).toEqual([
      'Faultline lesson 2: Disks die at scale (seed 7)',
      '3 of 4 predictions right or close (3 skipped).',
      expect.stringMatching(
        /^Step 1, A disk takes its data with it: predicted They are gone.*; happened They are gone.* \(right\)$/,
      ),
      'Step 2, Ten thousand disks: predicted 30; measured 27 (disks that failed in 30 days) (close)',
      expect.stringMatching(/^Step 3, A year with one copy: predicted None.*\(not this time\)$/),
      expect.stringMatching(/^Step 4, .*: skipped; happened None$/),
      'Step 5, Two copies, repaired once a quarter: skipped; measured 8 (partitions that lost both copies)',
      'Step 6, The odds of losing data in a year: predicted 25%; measured 30.2% (share of seeds that lost data, two copies, a day to repair) (close)',
      'Step 7, A third copy, or a faster repair?: skipped; happened The third copy, by far',
      'https://example.org/#lesson=disks-at-scale&step=1',
    ]);
  });
});
